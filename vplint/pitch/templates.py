"""Pitch templates: built-in and configured directories, a sandboxed Jinja2 environment
with strict undefined variables, and errors that name the template file and line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from vplint.errors import ConfigError, UsageError, VplintError, did_you_mean
from vplint.pitch.context import FieldMap, FieldUndefined, MissingField, get_path, known_field
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
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_DIRECTIVE = re.compile(r"\A\s*\{#-?\s*vplint:(?P<body>.*?)-?#\}", re.S)


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
        loader = jinja2.FileSystemLoader([*self.dirs, str(BUILTIN_DIR)])
        self.env = ImmutableSandboxedEnvironment(
            loader=loader, undefined=FieldUndefined, autoescape=False,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
        self.env.filters.update(FILTERS)
        self.env.tests.update(TESTS)

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
            where = next((str(Path(d, file)) for d in [*self.dirs, str(BUILTIN_DIR)]
                          if Path(d, file).is_file()), file)
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
            return template.render(ctx)
        except MissingField as exc:
            if known_field(exc.path):
                raise
            raise TemplateError(f"template error: '{exc.path}' is undefined (not a "
                                "proposition field)", info.filename,
                                _template_line(exc, info.filename)) from None
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
