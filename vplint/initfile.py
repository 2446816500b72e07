"""`vplint init`: write a commented starter proposition.

The starters (vplint/templates/init/<kind>.<lang>.yaml) hold every field of the
proposition format with an empty value and a comment saying what belongs there, in the
chosen language. Empty values keep the starter honest: linting it reports only what is
still to be filled in, never a placeholder's wording.
"""

from __future__ import annotations

from pathlib import Path

from vplint.errors import UsageError, did_you_mean
from vplint.fsutil import atomic_write

STARTERS = Path(__file__).parent / "templates" / "init"
KINDS = ("consumer", "b2b")
LANGUAGES = ("en", "zh")
DEFAULT_PATH = "proposition.yaml"

_DONE = {
    "en": "Wrote {path}: a starter {kind} proposition in English. Fill it in, then run "
          "`vplint check {path}` and `vplint pitch {path}`.",
    "zh": "已写入 {path}：中文{kind}价值主张模板。填写后运行 `vplint check {path}` "
          "和 `vplint pitch {path}`。",
}
_KIND_NAMES = {"en": {"consumer": "consumer", "b2b": "B2B"},
               "zh": {"consumer": "消费者", "b2b": "B2B"}}


def starter_text(lang: str = "en", kind: str = "consumer") -> str:
    """The starter proposition for a language and kind of customer."""
    if lang not in LANGUAGES:
        raise UsageError(f"--lang must be en or zh, not '{lang}'")
    if kind not in KINDS:
        raise UsageError(f"--kind must be consumer or b2b, not '{kind}'{did_you_mean(kind, KINDS)}")
    return (STARTERS / f"{kind}.{lang}.yaml").read_text("utf-8")


def write_starter(path: str = DEFAULT_PATH, lang: str = "en", kind: str = "consumer",
                  force: bool = False) -> str:
    """Write the starter to `path` atomically and return the line to show the user.

    An existing file is only replaced with `force`; a directory never is.
    """
    text = starter_text(lang, kind)
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{path} is a directory; give a file name such as "
                         f"{Path(path, DEFAULT_PATH).as_posix()}")
    if target.exists() and not force:
        raise UsageError(f"{path} already exists; use --force to overwrite it")
    if not target.parent.is_dir():
        raise UsageError(f"cannot write {path}: directory {target.parent} does not exist")
    try:
        atomic_write(target, text)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    return _DONE[lang].format(path=path, kind=_KIND_NAMES[lang][kind])
