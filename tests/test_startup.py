"""Start-up stays cheap: a one-file run loads only what it uses. Typer's pydantic coercion,
rich without colour, Jinja2, the Markdown parser for YAML, importlib.metadata
without plugins and the rule files' YAML (the generated catalogue is used) stay out.
Timing is the benchmark's job (bench/run.py); this checks what is loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import atexit, sys
import vplint.rules as rules
read = []
original = rules._read_yaml
rules._read_yaml = lambda path: read.append(path) or original(path)
HEAVY = ("pydantic", "typer", "rich.console", "rich.text", "jinja2", "pyromark",
         "importlib.metadata")
atexit.register(lambda: print("LOADED", *[m for m in HEAVY if m in sys.modules],
                              "YAML-RULE-FILES", len(read), file=sys.stderr))
from vplint.cli import main
main(sys.argv[1:])
"""
PROPOSITION = "name: Pizza\nlanguage: en\noutcome: Hot pizza at your door in 30 minutes\n"


def loaded(tmp_path: Path, *args: str) -> str:
    (tmp_path / "one.yaml").write_text(PROPOSITION, encoding="utf-8")
    (tmp_path / "page.md").write_text("# Pizza\n\nHot pizza at your door in 30 minutes.\n",
                                      encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    [line] = [x for x in done.stderr.splitlines() if x.startswith("LOADED")]
    return line


def test_one_yaml_file_without_cache_loads_nothing_it_does_not_use(tmp_path: Path):
    line = loaded(tmp_path, "check", "--no-cache", "one.yaml")
    assert line == "LOADED YAML-RULE-FILES 0", (
        f"{line} (rule YAML files read: is vplint/builtin_catalogue.py stale? run "
        "python scripts/gen_catalogue.py)")


def test_colour_and_markdown_load_what_they_need(tmp_path: Path):
    line = loaded(tmp_path, "check", "--no-cache", "--color", "always", "page.md")
    assert "rich.console" in line and "pyromark" in line and "pydantic" not in line


IMPORT_PROBE = """
import pkgutil, re, sys, traceback
import vplint
calls = []
original = re.compile
ours = vplint.__path__[0]


def counting(*args, **kwargs):
    caller = traceback.extract_stack(limit=2)[0].filename
    if caller.startswith(ours):  # vplint's own, not the standard library's or yaml's
        calls.append(args[0])
    return original(*args, **kwargs)


re.compile = counting
for info in pkgutil.walk_packages(vplint.__path__, "vplint."):
    __import__(info.name)
print("COMPILED", len(calls), *[repr(c)[:60] for c in calls[:5]])
"""


def test_importing_vplint_compiles_no_regular_expression() -> None:
    # A module's patterns compile when first used (vplint.lazyre): a run pays only for
    # the grammars and rules its documents reach.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", IMPORT_PROBE], env=env, capture_output=True,
                          text=True, timeout=120)
    [line] = [x for x in done.stdout.splitlines() if x.startswith("COMPILED")]
    assert line == "COMPILED 0", f"{line}: use vplint.lazyre.lazy for module-level patterns"
