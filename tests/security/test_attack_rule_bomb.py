"""Attack: rules that hang or explode. An alias bomb or a 900-deep rule file in a
rules_dirs folder is one error line naming the file, exit 2, quickly; a rule that loops
or backtracks forever is stopped by its time budget and reported as VP900 naming it,
while the other rules' findings stay as they were."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.security.conftest import gate

RULE = """\
code: BMB001
name: bomb
severity: warning
message: m
"""

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
    for i in range(8))


def _rules(repo: Path, files: dict[str, str], timeout: float | None = None) -> None:
    (repo / "rules").mkdir(exist_ok=True)
    for name, text in files.items():
        (repo / "rules" / name).write_text(text, encoding="utf-8")
    extra = f"rule-timeout: {timeout}\n" if timeout is not None else ""
    (repo / ".vplint.yaml").write_text(f"rules_dirs: [rules]\n{extra}", encoding="utf-8")


@pytest.mark.parametrize("bomb", ["aliases", "depth"])
def test_a_rule_file_bomb_is_one_error_line(repo: Path, bomb: str):
    text = (RULE + "extends: existence\nparams:\n" + "".join(
        "  " * (i + 1) + f"k{i}:\n" for i in range(900)) + "  " * 901 + "x: 1\n"
            if bomb == "depth" else RULE + "extends: existence\n" + BILLION_LAUGHS)
    _rules(repo, {"BMB001.yaml": text})
    start = time.monotonic()
    code, out, err = gate(repo)
    assert time.monotonic() - start < 60  # generous: it takes well under a second
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert f"{repo / 'rules' / 'BMB001.yaml'}:" in err


LOOP = "def check(ctx):\n    while True:\n        pass\n    yield\n"
BACKTRACK = ("import re\n\ndef check(ctx):\n"
             "    re.match(r'(a+)+$', 'a' * 40 + 'b')\n    return ()\n")
SWALLOW = ("def check(ctx):\n    while True:\n        try:\n            while True:\n"
           "                pass\n        except Exception:\n            pass\n    yield\n")

BLOCK = "import time\n\ndef check(ctx):\n    time.sleep(3600)\n    yield\n"


@pytest.mark.parametrize("body", [LOOP, BACKTRACK, SWALLOW, BLOCK],
                         ids=["loop", "regex", "swallow", "block"])
def test_a_hanging_rule_is_stopped_and_named(repo: Path, body: str):
    _, clean, _ = gate(repo, "--no-cache", "-f", "json")
    _rules(repo, {"BMB001.yaml": RULE + "check: hang:check\n", "hang.py": body}, timeout=0.5)
    start = time.monotonic()
    code, out, err = gate(repo, "-f", "json")
    assert time.monotonic() - start < 60
    assert code == 2, err  # a rule that did not finish fails the gate as an error
    findings = [f for entry in json.loads(out)["files"] for f in entry["findings"]]
    crashes = [f for f in findings if f["code"] == "VP900"]
    assert len(crashes) == 1 and "BMB001" in crashes[0]["message"]
    assert "rule-timeout" in crashes[0]["message"]
    before = [(f["code"], f["line"]) for e in json.loads(clean)["files"] for f in e["findings"]]
    assert [(f["code"], f["line"]) for f in findings if f["code"] != "VP900"] == before


def test_a_rule_that_waits_but_computes_little_is_not_stopped(repo: Path):
    """The budget is CPU time: a rule held up longer than rule-timeout in wall-clock time
    (here it sleeps, as a rule on a loaded CI runner waits for a core) but well within
    the backstop is not a VP900, and the gate's answer is the same as without it."""
    clean_code, clean, _ = gate(repo, "--no-cache", "-f", "json")
    _rules(repo, {"BMB001.yaml": RULE + "check: slow:check\n",
                  "slow.py": "import time\n\ndef check(ctx):\n    time.sleep(1.5)\n"
                             "    return ()\n"}, timeout=0.5)
    code, out, err = gate(repo, "-f", "json", "--no-cache")
    assert code == clean_code, err
    findings = [(f["code"], f["line"]) for e in json.loads(out)["files"] for f in e["findings"]]
    assert findings == [(f["code"], f["line"]) for e in json.loads(clean)["files"]
                        for f in e["findings"]]


def test_a_hanging_rule_is_stopped_in_worker_processes(repo: Path):
    for n in range(6):
        (repo / "copy" / f"p{n}.yaml").write_text(
            (repo / "copy" / "pizza.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _rules(repo, {"BMB001.yaml": RULE + "check: hang:check\n", "hang.py": LOOP}, timeout=0.3)
    code, out, err = gate(repo, "-f", "json", "--jobs", "2", "--no-cache")
    assert code == 2, err
    crashes = [f for e in json.loads(out)["files"] for f in e["findings"] if f["code"] == "VP900"]
    assert len(crashes) == 7 and all("BMB001" in c["message"] for c in crashes)


@pytest.mark.parametrize("value", ["0", "-1", "1e9", ".nan", "soon"])
def test_a_bad_rule_timeout_is_an_error_at_its_line(repo: Path, value: str):
    (repo / ".vplint.yaml").write_text(f"# gate\nrule-timeout: {value}\n", encoding="utf-8")
    code, _, err = gate(repo)
    assert code == 2 and err.startswith(f"vplint: error: {repo / '.vplint.yaml'}:2: ")


def test_a_backtracking_pattern_rule_cannot_hold_the_gate(repo: Path):
    """A declarative `pattern` rule from a rules_dirs folder, on text built to make a
    backtracking engine explode: the run ends, and the rule is either answered (by a
    linear-time engine) or stopped and named; the other findings are untouched."""
    (repo / "copy" / "pizza.yaml").write_text(
        (repo / "copy" / "pizza.yaml").read_text(encoding="utf-8")
        + "tagline: " + "a" * 40 + "b\n", encoding="utf-8")
    _, clean, _ = gate(repo, "--no-cache", "-f", "json")
    _rules(repo, {"BMB001.yaml": RULE + "extends: pattern\nparams:\n  fields: [tagline]\n"
                  "  must_not_match: '(a+)+$'\n"}, timeout=0.5)
    start = time.monotonic()
    code, out, err = gate(repo, "-f", "json")
    assert time.monotonic() - start < 60
    findings = [f for entry in json.loads(out)["files"] for f in entry["findings"]]
    crashes = [f for f in findings if f["code"] == "VP900"]
    assert all("BMB001" in c["message"] for c in crashes)
    assert code == (2 if crashes else 1), err
    before = [(f["code"], f["line"]) for e in json.loads(clean)["files"] for f in e["findings"]]
    assert [(f["code"], f["line"]) for f in findings
            if f["code"] not in ("VP900", "BMB001")] == before
