"""Shared test helpers: a registry built once per session and a `lint` helper."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from vplint.config import Config
from vplint.engine import Linter
from vplint.model import PropositionResult
from vplint.rules import ALLOW_PYTHON_RULES, Registry

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def load_script(name: str, path: Path) -> ModuleType:
    """Import a script of the repository (scripts/, bench/, tests/corpus/) as module `name`,
    once per session: tests that use the same script share its module."""
    loaded = sys.modules.get(name)
    if loaded is not None and Path(getattr(loaded, "__file__", "") or "") == path:
        return loaded
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # a script's dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _python_rules_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests of rules_dirs Python checks run with them allowed, as a user who passes
    --allow-python-rules would; tests of the default (refused) remove the variable."""
    monkeypatch.setenv(ALLOW_PYTHON_RULES, "1")


@pytest.fixture(scope="session")
def registry() -> Registry:
    """The built-in catalogue, loaded once (tests that mutate build their own)."""
    return Registry.default(plugins=False)


def lint(source: str, registry: Registry | None = None, kind: str = "yaml",
         path: str = "test.yaml", **config: object) -> list[PropositionResult]:
    """Lint text with the built-in rules (or `registry`) and optional config values."""
    registry = registry or Registry.default(plugins=False)
    linter = Linter(Config(**config), registry)
    return linter.lint_text(source, path, kind)


def codes(results: list[PropositionResult]) -> list[str]:
    """Every finding code of a lint, in report order."""
    return [f.code for r in results for f in r.findings]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                   ) -> Path:
    """Every test gets its own results cache, never the user's (~/.cache/vplint)."""
    root = tmp_path_factory.mktemp("vplint-cache")
    monkeypatch.setenv("VPLINT_CACHE_DIR", str(root))
    return root
