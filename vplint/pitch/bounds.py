"""Bounds on rendering an untrusted template: a pitch template from the repository under
review must end quickly, whatever it says.

Jinja2's sandbox stops attribute escapes and caps `range()` at 100,000 items, but a
template can still nest loops, repeat a string a billion times or format a number a
billion characters wide. `BoundedSandbox` adds:

- a step budget: every line the compiled template executes counts, across all loops,
  macros and includes (`MAX_STEPS`), checked by a trace function installed only while
  the template renders and only for the template's own code;
- a wall-clock budget per render (`MAX_SECONDS`), checked on the same steps;
- `range()` limited to `MAX_RANGE` items;
- repetition and formatting bounded: `*` on text or lists, `**`, `%` and the filters and
  methods that pad or repeat (`center`, `ljust`, `format`, ...) refuse results or numeric
  arguments beyond `MAX_ARG`, and every filter's or method's text result is capped;
- the output: rendering streams and stops past `MAX_OUTPUT` characters.

Each bound raises `RenderLimit`, which the caller reports as one line naming the
template file.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from vplint.lazyre import lazy

MAX_STEPS = 200_000
"""Lines of template code one render may execute (a built-in template uses a few hundred)."""
MAX_SECONDS = 5.0
MAX_RANGE = 10_000
MAX_ARG = 10_000
"""Largest number a template may pass as a width, count or exponent, and the longest
text or list one operation may build."""
MAX_OUTPUT = 100_000
"""Characters a render may produce (a two-minute pitch is about 2,000)."""
_WIDE_FORMAT = lazy(r"\d{5,}")


class RenderLimit(jinja2.TemplateRuntimeError):
    """A template went past one of the rendering bounds."""


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict)) else 0


def _check_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARG:
            raise RenderLimit(f"number {value} is over the limit of {MAX_ARG}")
        if isinstance(value, str) and "%" in value and _WIDE_FORMAT.search(value):
            raise RenderLimit("format width over the limit")


def _check_result(value: Any) -> Any:
    if _size(value) > MAX_OUTPUT:
        raise RenderLimit(f"a value of more than {MAX_OUTPUT} characters or items")
    return value


def _bounded_filter(func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` with its arguments and result checked against the bounds."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        # the filtered value itself may be anything; its extra arguments are checked,
        # and a format string given to `format` may not ask for a huge width
        rest = args[1:] if _takes_context(func) else args
        if func.__name__ == "do_format" and rest and isinstance(rest[0], str) \
                and _WIDE_FORMAT.search(rest[0]):
            raise RenderLimit("format width over the limit")
        _check_args(rest[1:], kwargs)
        return _check_result(func(*args, **kwargs))
    return wrapper


def _takes_context(func: Callable[..., Any]) -> bool:
    return getattr(func, "jinja_pass_arg", None) is not None


def bounded_range(*args: int) -> range:
    """`range()` for templates: at most MAX_RANGE items."""
    _check_args(args, {})
    result = range(*args)
    if len(result) > MAX_RANGE:
        raise RenderLimit(f"range of {len(result)} items (the limit is {MAX_RANGE})")
    return result


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with bounds on steps, time, repetition and output."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = bounded_range
        self.globals.pop("lipsum", None)
        self.filters = {name: _bounded_filter(f) for name, f in self.filters.items()}

    def add_filters(self, filters: dict[str, Callable[..., Any]]) -> None:
        """Register filters, bounded like the built-in ones."""
        self.filters.update({name: _bounded_filter(f) for name, f in filters.items()})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """`*`, `**`, `%` and `//` with their results kept small."""
        if operator == "**":
            if isinstance(right, (int, float)) and abs(right) > 64:
                raise RenderLimit(f"exponent {right} is over the limit of 64")
            return _check_result(super().call_binop(context, operator, left, right))
        if operator == "*":
            count = right if _size(left) else left if _size(right) else None
            if isinstance(count, int) and (_size(left) or _size(right)) * count > MAX_ARG:
                raise RenderLimit(f"repetition of more than {MAX_ARG} characters or items")
        if operator == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
            raise RenderLimit("format width over the limit")
        return _check_result(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Every call a template makes: numeric arguments and results bounded."""
        _check_args(args, kwargs)
        return _check_result(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`"...".format` in a template: refused when it asks for a huge width."""
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and getattr(value, "__name__", "") in (
                "format", "format_map") and _WIDE_FORMAT.search(owner):
            def refuse(*args: Any, **kwargs: Any) -> str:
                raise RenderLimit("format width over the limit")
            return refuse
        return super().wrap_str_format(value)

    def render_bounded(self, template: jinja2.Template, ctx: Any) -> str:
        """Render with the step, time and output bounds."""
        steps = [0]
        deadline = time.monotonic() + MAX_SECONDS

        def local(frame: Any, event: str, arg: Any) -> Any:
            if event == "line":
                steps[0] += 1
                if steps[0] > MAX_STEPS:
                    raise RenderLimit(f"more than {MAX_STEPS} steps (a loop too long?)")
                if steps[0] % 256 == 0 and time.monotonic() > deadline:
                    raise RenderLimit(f"rendering took more than {MAX_SECONDS:g} s")
            return local

        def calls(frame: Any, event: str, arg: Any) -> Any:
            return local if frame.f_globals.get("environment") is self else None

        previous = sys.gettrace()
        sys.settrace(calls)
        out: list[str] = []
        size = 0
        try:
            for chunk in template.generate(ctx):
                size += len(chunk)
                if size > MAX_OUTPUT:
                    raise RenderLimit(f"output of more than {MAX_OUTPUT} characters")
                out.append(chunk)
        finally:
            sys.settrace(previous)
        return "".join(out)
