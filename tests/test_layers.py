"""The package keeps its layers (import-linter contracts in .importlinter, counting
imports inside functions) and uses no private internals of Python or its libraries."""

from __future__ import annotations

import re
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
PRIVATE = re.compile(r"\b(?:_sre|sre_parse|sre_compile|sre_constants|re\._\w+|"
                     r"typer\._\w+|_TyperParameter|click\._\w+)\b")


def test_import_contracts_hold(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / ".importlinter")) == 0


def test_no_private_internals_of_python_or_libraries() -> None:
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
             for path in sorted((ROOT / "vplint").rglob("*.py"))
             for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if PRIVATE.search(line) and not line.lstrip().startswith("#")]
    assert not found, "\n".join(found)
