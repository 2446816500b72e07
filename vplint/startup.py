"""Keep `vplint` start-up near the floor of importing its CLI libraries.

Typer (0.20 and later) coerces every option value through a pydantic TypeAdapter, and the
first one imports pydantic: about 0.1 s, as long as everything else a small run does. For
the plain values vplint's options take (text, lists of text, numbers, flags), the
coercion is the identity, `int()` or `float()`, so `light_coercion` answers those itself and hands
anything else to Typer's own coercion, which therefore still decides every error message.
On a Typer without this machinery it does nothing.
"""

from __future__ import annotations

import re
from typing import Any, get_args, get_origin

_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?\Z")
_patched = False


def light_coercion() -> None:
    """Let Typer parameters coerce plain values without importing pydantic (idempotent)."""
    global _patched
    if _patched:
        return
    try:
        from typer import core
        from typer._coercion import RuntimeParam, build_runtime_param
    except ImportError:  # pragma: no cover - an older or newer Typer: nothing to speed up
        return
    parameter = getattr(core, "_TyperParameter", None)
    if parameter is None or not hasattr(parameter, "get_runtime_param"):  # pragma: no cover
        return

    class _Plain(RuntimeParam):  # type: ignore[misc, valid-type]
        """Plain values pass straight through; anything else goes to Typer's coercion."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            plain = _plain(self.annotation, value)
            if plain is not _NO:
                return plain
            real = build_runtime_param(param.type_descriptor)
            return real._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            self._runtime_param = _Plain(parameter_info=descriptor.parameter_info,
                                         annotation=descriptor.annotation)
        return self._runtime_param

    parameter.get_runtime_param = get_runtime_param
    _patched = True


_NO = object()


def _plain(annotation: Any, value: Any) -> Any:
    """The coerced value when it is plain, else _NO."""
    if annotation is str and isinstance(value, str):
        return value
    if annotation is bool and isinstance(value, bool):
        return value
    if annotation is int and isinstance(value, str) and _INTEGER.match(value):
        return int(value)
    if annotation is float and isinstance(value, str) and _DECIMAL.match(value):
        return float(value)
    if (get_origin(annotation) is list and get_args(annotation) == (str,)
            and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)):
        return list(value)
    return _NO
