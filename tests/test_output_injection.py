"""User text that tries to break or take over a report: Markdown table pipes, HTML and
<script>, ANSI escape sequences, GitHub workflow commands, @mentions, line breaks.

The hostile text reaches the reports the way real copy does: as the proposition's name, as
a field name quoted in a VP002 message, and in the file's path.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from cli_runner import run_cli

from vplint.report import FORMATS

PAYLOAD = ("A | B <script>alert('x')</script> <img src=x onerror=alert(1)> "
           "\x1b[2J\x1b]0;owned\x07\x1b[31mred \x9b31m @everyone "
           "\n::error::pwned\r\n::set-output name=x::y [link](javascript:alert(1)) "
           "`code` \u202eevil\u202c %0A::warning::pwned")
"""Everything at once; YAML carries it through a double-quoted string's escapes."""


def _yaml_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or 0x2028 <= ord(ch) <= 0x202E:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A folder holding one hostile proposition under a hostile file name."""
    root = tmp_path_factory.mktemp("hostile")
    quoted = _yaml_quoted(PAYLOAD)
    text = f"name: {quoted}\n{quoted}: unknown field\noutcome: Hot pizza\n"
    (root / "a|b <i>x<b> @team ::error::pwned.yaml").write_text(text, encoding="utf-8")
    (root / "line\nbreak.yaml").write_text("name: plain\n" + f"{quoted}: x\n", encoding="utf-8")
    return root


def report(folder: Path, fmt: str, *extra: str, env: dict[str, str] | None = None) -> str:
    code, out, err = run_cli("check", ".", "-f", fmt, "--no-cache", *extra, cwd=folder,
                             env=env)
    assert code in (0, 1), err
    return out


def test_the_payload_reaches_every_report_as_data(hostile: Path):
    data = json.loads(report(hostile, "json"))
    names = {entry["name"] for entry in data["files"]}
    assert PAYLOAD in names
    messages = [f["message"] for entry in data["files"] for f in entry["findings"]]
    assert any("::error::pwned" in m and "<script>" in m for m in messages)


# ---- terminal --------------------------------------------------------------------------------

def test_terminal_shows_escape_sequences_but_never_sends_them(hostile: Path):
    out = report(hostile, "terminal", "--no-color")
    for raw in ("\x1b", "\x07", "\x9b", "\r", "\u202e"):
        assert raw not in out, repr(raw)
    assert "\\x1b[2J" in out and "\\u202e" in out
    vp002 = [line for line in out.splitlines() if " VP002 " in line]
    assert len(vp002) == 2 and all("::error::pwned" in line for line in vp002)


def test_terminal_colours_are_only_its_own(hostile: Path):
    out = report(hostile, "terminal", env={"FORCE_COLOR": "1"})
    assert "\x1b[" in out  # colour is on
    # Every escape sequence left is a colour (SGR) sequence rich wrote itself.
    assert re.findall(r"\x1b(?!\[[0-9;]*m)", out) == []
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x07" not in out


# ---- Markdown --------------------------------------------------------------------------------

_OWN_TAGS = re.compile(r"</?(details|summary|sub|sup|br|b|code|strong|em)\b[^<>]*>")


def test_markdown_cannot_be_broken_or_injected(hostile: Path):
    out = report(hostile, "markdown")
    assert "<script" not in out.lower() and "<img" not in out.lower()
    assert "&lt;script&gt;" in out
    leftover = _OWN_TAGS.sub("", out)
    assert "<" not in leftover, [line for line in leftover.splitlines() if "<" in line]
    assert "@everyone" not in out and "@team" not in out  # nobody gets notified
    # Markdown links are escaped; inside <summary> (HTML, not Markdown) they are plain text.
    markdown_lines = [line for line in out.splitlines() if "<summary>" not in line]
    assert not any("](javascript" in line for line in markdown_lines)
    assert any("\\[link\\]\\(javascript" in line for line in markdown_lines)
    for raw in ("\x1b", "\x07", "\x9b", "\r", "\u202e"):
        assert raw not in out, repr(raw)
    table = [line for line in out.splitlines() if line.startswith("|")]
    widths = {len(re.findall(r"(?<!\\)\|", line)) for line in table[:2]}
    header_width = widths.pop()
    summary_rows = [line for line in table if line.count("|") >= header_width]
    assert summary_rows and all(
        len(re.findall(r"(?<!\\)\|", line)) == header_width for line in table
        if len(re.findall(r"(?<!\\)\|", line)) >= header_width), table


# ---- GitHub workflow commands ----------------------------------------------------------------

_COMMAND = re.compile(r"::(error|warning|notice)"
                      r"( [A-Za-z]+=[^,:\r\n]*(,[A-Za-z]+=[^,:\r\n]*)*)?::[^\r\n]*")


def test_github_commands_cannot_be_injected(hostile: Path):
    assert "github" in FORMATS, "the github format (issue 4) is not there yet"
    out = report(hostile, "github")
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert commands
    for line in commands:
        assert _COMMAND.fullmatch(line), line
        assert not line.startswith(("::error::pwned", "::set-output", "::warning::pwned"))
    # Nothing else in the log looks like a command, and the payload stayed in the messages.
    assert all(not line.lstrip().startswith("::") for line in lines if line not in commands)
    assert any("::error::pwned" in line and "%0A" in line for line in commands)
    assert "%250A::warning::pwned" in out  # a literal "%0A" is not a line break


# ---- HTML ------------------------------------------------------------------------------------

class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.in_script = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        self.handlers += [(k, v or "") for k, v in attrs if k.startswith("on")]
        for key, value in attrs:
            if key in ("href", "src") and (value or "").lower().startswith("javascript:"):
                self.handlers.append((key, value))

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        (self.scripts if self.in_script else self.text).append(data)


def test_html_escapes_script_and_markup(hostile: Path):
    assert "html" in FORMATS, "the html format (issue 4) is not there yet"
    out = report(hostile, "html")
    scan = _Scan()
    scan.feed(out)
    assert not any("alert" in script for script in scan.scripts)
    assert scan.handlers == []
    shown = "".join(scan.text)
    assert "<script>alert('x')</script>" in shown  # shown to the reader as text


def test_html_stays_well_formed_with_control_characters_in_the_copy(hostile: Path):
    """The page promises to be well-formed XML; raw control characters (ESC, BEL, C1)
    from the copy are not allowed in XML, so they must be escaped or shown as text."""
    assert "html" in FORMATS, "the html format (issue 4) is not there yet"
    out = report(hostile, "html")
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    ET.fromstring(out.removeprefix("<!DOCTYPE html>").strip())


# ---- structured formats ----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_json_formats_carry_the_payload_intact(hostile: Path, fmt: str):
    assert fmt in FORMATS, f"the {fmt} format is not there yet"
    text = report(hostile, fmt)
    data = json.loads(text)
    assert "::error::pwned" in json.dumps(data, ensure_ascii=False)


def test_junit_is_well_formed_xml_with_control_characters_in_the_copy(hostile: Path):
    assert "junit" in FORMATS, "the junit format (issue 4) is not there yet"
    root = ET.fromstring(report(hostile, "junit"))
    assert "::error::pwned" in ET.tostring(root, encoding="unicode")


def test_every_format_survives_the_payload(hostile: Path):
    for fmt in FORMATS:
        assert report(hostile, fmt), fmt
