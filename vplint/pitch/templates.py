"""Pitch templates: built-in and configured directories, a sandboxed Jinja2 environment
with strict undefined variables, and errors that name the template file and line.

Templates in `templates_dirs` come from the repository under review, so they are
untrusted: the loader serves only regular files directly inside those folders (no
subfolders, no absolute or `..` names, no symlink that resolves outside), and rendering
is bounded (`bounds`): loop steps, ranges, repetition and output length.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from vplint.errors import ConfigError, UsageError, VplintError, did_you_mean
from vplint.lazyre import lazy
from vplint.pitch.bounds import BoundedSandbox, RenderLimit
from vplint.pitch.context import FieldMap, FieldUndefined, MissingField, get_path, known_field
from vplint.pitch.slots import Misfit, fits, slot
from vplint.pitch.text import (
    clause,
    drop_you,
    first_clause,
    is_noun_phrase,
    is_time_phrase,
    is_verb_phrase,
    is_you_form,
    lower_first,
    main_clause,
    sentence,
    short_name,
    with_article,
)

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates" / "pitch"
BUILTIN_ORDER = ("moore", "xyz", "maxwell", "elevator", "tagline")
LANGUAGES = ("en", "zh")
LINT_FIELDS = ("pitch", "headline", "subheadline", "body")
_NAME_RE = lazy(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_FILE_RE = lazy(r"^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.j2$")
"""A template file name: no folder part, no `..`, no absolute path."""
MAX_TEMPLATE_BYTES = 64 * 1024
_DIRECTIVE = lazy(r"\A\s*\{#-?\s*vplint:(?P<body>.*?)-?#\}", re.S)


class TemplateError(VplintError):
    """A pitch template cannot be loaded or rendered; names the template file and line."""


def _protected(ctx: Any) -> set[str]:
    """Capitalised words that are names (the proposition's, competitors', the leader's)."""
    names: list[str] = []
    for path in ("name", "positioning.leader", "differentiation.unlike"):
        value = get_path(ctx, path)
        if isinstance(value, str):
            names.append(value)
    for item in get_path(ctx, "competitors") or []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    return {w for n in names for w in re.findall(r"[A-Za-z][\w'’&-]*", n) if w[0].isupper()}


@jinja2.pass_context
def _phrase(context: Any, text: Any) -> str:
    """Text for the middle of a sentence: no closing stop, ordinary first word lower-cased."""
    return lower_first(clause(text), _protected(context))


FILTERS: dict[str, Callable[..., Any]] = {
    "clause": clause, "sentence": sentence, "phrase": _phrase, "short": short_name,
    "with_article": with_article, "first_clause": first_clause, "drop_you": drop_you,
    "lower_first": lower_first, "main": main_clause,
}
TESTS: dict[str, Callable[..., bool]] = {
    "you_form": is_you_form, "noun_phrase": is_noun_phrase, "verb_phrase": is_verb_phrase,
    "time_phrase": is_time_phrase,
}


class FolderLoader(jinja2.BaseLoader):
    """Serves `<name>.j2` files that lie directly inside the given folders, and nothing
    else: a name with a folder part, `..` or an absolute path is not found, and so is a
    file whose real path (symlinks resolved) is outside its folder, that is not a regular
    file (a FIFO, a device) or that is larger than MAX_TEMPLATE_BYTES. `{% include %}`,
    `{% extends %}` and `{% import %}` go through the same checks."""

    def __init__(self, folders: list[str]) -> None:
        self.folders = [(Path(f), Path(f).resolve()) for f in folders]

    def locate(self, name: str) -> tuple[Path, Path] | None:
        """(path as configured, real path) of a template inside a folder, or None."""
        if not _FILE_RE.match(name):
            return None
        for folder, real_folder in self.folders:
            candidate = folder / name
            if not os.path.lexists(candidate):
                continue
            real = candidate.resolve()
            if real.parent != real_folder:
                return None  # a symlink that leads out of the folder (or into a subfolder)
            try:
                if not stat.S_ISREG(os.stat(real).st_mode):
                    return None  # a FIFO or a device would hang or never end
            except OSError:
                return None
            return candidate, real
        return None

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        """The template's text; TemplateNotFound for anything outside the folders."""
        found = self.locate(template)
        if found is None:
            raise jinja2.TemplateNotFound(template)
        shown, real = found
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(real, flags)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise jinja2.TemplateNotFound(template)
            if info.st_size > MAX_TEMPLATE_BYTES:
                raise TemplateError(f"template is larger than {MAX_TEMPLATE_BYTES // 1024} KiB",
                                    str(shown))
            with os.fdopen(os.dup(fd), "rb") as handle:
                data = handle.read(MAX_TEMPLATE_BYTES + 1)
        finally:
            os.close(fd)
        source = data.decode("utf-8")
        mtime = info.st_mtime
        return source, str(shown), lambda: os.path.isfile(real) and os.path.getmtime(real) == mtime

    def list_templates(self) -> list[str]:
        """Every `.j2` file name the loader would serve."""
        names = set()
        for folder, _ in self.folders:
            try:
                entries = os.listdir(folder)
            except OSError:
                continue
            names.update(n for n in entries if self.locate(n) is not None)
        return sorted(names)


@dataclass(frozen=True)
class TemplateInfo:
    """A template file and its optional `{# vplint: max=10 field=headline #}` directive."""

    name: str
    language: str
    filename: str
    limit: int | None = None
    lint_field: str = "pitch"


class Templates:
    """Pitch templates: configured directories first (they may override a built-in name),
    then the built-ins; each is a file `<name>.<en|zh>.j2`."""

    def __init__(self, dirs: list[str] | tuple[str, ...] = ()) -> None:
        for d in dirs:
            if not Path(d).is_dir():
                raise ConfigError("templates directory does not exist", d)
        self.dirs = [str(d) for d in dirs]
        self.loader = FolderLoader([*self.dirs, str(BUILTIN_DIR)])
        self.env = BoundedSandbox(
            loader=self.loader, undefined=FieldUndefined, autoescape=False,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
        self.env.add_filters(FILTERS)
        self.env.tests.update(TESTS)
        self.env.globals.update({"slot": slot, "fits": fits})

    def names(self) -> list[str]:
        """Every template name: built-ins in their usual order, then custom ones by name."""
        found = set()
        for name in self.env.list_templates(extensions=["j2"]):
            parts = name.split(".")
            if len(parts) == 3 and parts[1] in LANGUAGES and "/" not in name:
                found.add(parts[0])
        return [n for n in BUILTIN_ORDER if n in found] + sorted(found - set(BUILTIN_ORDER))

    def info(self, name: str, language: str) -> TemplateInfo:
        """Find a template and read its directive; unknown names are usage errors."""
        if not _NAME_RE.match(name):
            raise UsageError(f"'{name}' is not a template name (letters, digits, - and _)")
        names = self.names()
        if name not in names:
            raise UsageError(f"unknown template '{name}'{did_you_mean(name, names)}; "
                             f"choose from {', '.join(names)}")
        file = f"{name}.{language}.j2"
        try:
            source, filename, _ = self.env.loader.get_source(self.env, file)  # type: ignore
        except jinja2.TemplateNotFound:
            raise UsageError(f"template '{name}' has no {language} version ({file})") from None
        except (OSError, UnicodeDecodeError) as exc:
            found = self.loader.locate(file)
            where = str(found[0]) if found else file
            reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
            raise TemplateError(f"cannot read template: {reason}", where) from None
        return TemplateInfo(name, language, filename or file, *_directive(source, filename))

    def has(self, name: str, language: str) -> bool:
        """True when the template exists in that language."""
        try:
            self.env.loader.get_source(self.env, f"{name}.{language}.j2")  # type: ignore
        except jinja2.TemplateNotFound:
            return False
        return True

    def render(self, info: TemplateInfo, ctx: FieldMap) -> str:
        """Render; MissingField for a missing proposition field, TemplateError otherwise."""
        try:
            template = self.env.get_template(f"{info.name}.{info.language}.j2")
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"template syntax error: {exc.message}",
                                exc.filename or info.filename, exc.lineno) from None
        try:
            return self.env.render_bounded(template, ctx)
        except MissingField as exc:
            if known_field(exc.path):
                raise
            raise TemplateError(f"template error: '{exc.path}' is undefined (not a "
                                "proposition field)", info.filename,
                                _template_line(exc, info.filename)) from None
        except (Misfit, TemplateError):
            raise
        except RenderLimit as exc:
            raise TemplateError(f"template stopped: {exc}", info.filename,
                                _template_line(exc, info.filename)) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"template error: cannot include '{exc.name}': only "
                                "templates directly inside the templates folders can be "
                                "included", info.filename,
                                _template_line(exc, info.filename)) from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"template syntax error: {exc.message}",
                                exc.filename or info.filename, exc.lineno) from None
        except Exception as exc:  # a template can fail in any way; say where
            raise TemplateError(f"template error: {type(exc).__name__}: {exc}", info.filename,
                                _template_line(exc, info.filename)) from None


def _directive(source: str, filename: str | None) -> tuple[int | None, str]:
    match = _DIRECTIVE.match(source)
    if not match:
        return None, "pitch"
    limit, lint_field = None, "pitch"
    for item in match.group("body").split():
        key, _, value = item.partition("=")
        if key == "max" and value.isdigit() and int(value) > 0:
            limit = int(value)
        elif key == "field" and value in LINT_FIELDS:
            lint_field = value
        else:
            raise TemplateError(f"bad directive '{item}': use max=<words or characters> "
                                f"and field=<{'|'.join(LINT_FIELDS)}>", filename, 1)
    return limit, lint_field


def _template_line(exc: BaseException, filename: str) -> int | None:
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
