"""Positions between vplint (code points, from 1) and LSP clients (UTF-16 units by
default, from 0): characters outside the Basic Multilingual Plane count twice in UTF-16."""

from __future__ import annotations

from lsprotocol.types import Position, PositionEncodingKind

from vplint.model import Finding, Severity
from vplint.nodes import LineIndex
from vplint.server import Settings, finding_range, to_index, to_position, uri_to_path

TEXT = "name: 🍕 Pizza\ncopy: 最好的 🍕 披萨\r\nend\n"
UTF16, UTF32, UTF8 = (PositionEncodingKind.Utf16, PositionEncodingKind.Utf32,
                      PositionEncodingKind.Utf8)


def test_positions_round_trip_in_every_encoding() -> None:
    lines = LineIndex(TEXT)
    for encoding in (UTF16, UTF32, UTF8):
        for index in range(len(TEXT)):
            if TEXT[index] == "\n" and TEXT[index - 1] == "\r":
                continue  # the middle of a CRLF line break has no position of its own
            position = to_position(TEXT, lines, index, encoding)
            assert to_index(TEXT, lines, position, encoding) == index, (encoding, index)


def test_a_pizza_emoji_is_two_utf16_units_one_code_point_four_bytes() -> None:
    lines = LineIndex(TEXT)
    after = TEXT.index("Pizza")
    assert to_position(TEXT, lines, after, UTF16) == Position(line=0, character=9)
    assert to_position(TEXT, lines, after, UTF32) == Position(line=0, character=8)
    assert to_position(TEXT, lines, after, UTF8) == Position(line=0, character=11)


def test_finding_range_covers_the_match() -> None:
    lines = LineIndex(TEXT)
    start = TEXT.index("最好")
    line, column = lines.position(start)
    finding = Finding("ADL001", "x", Severity.ERROR, "m", "p", line, column, line, column + 2,
                      match="最好")
    got = finding_range(TEXT, lines, finding, UTF16)
    assert (got.start, got.end) == (Position(line=1, character=6),
                                    Position(line=1, character=8))


def test_positions_beyond_the_text_are_clamped() -> None:
    lines = LineIndex(TEXT)
    assert to_index(TEXT, lines, Position(line=99, character=0), UTF16) <= len(TEXT)
    assert to_index(TEXT, lines, Position(line=0, character=999), UTF16) == TEXT.index("\n")


def test_file_uris_become_paths() -> None:
    assert str(uri_to_path("file:///tmp/a%20b/%E6%8A%AB.yaml")) == "/tmp/a b/披.yaml"
    assert uri_to_path("untitled:Untitled-1") is None


def test_settings_ignore_what_they_do_not_understand() -> None:
    assert Settings.parse(None) == Settings()
    assert Settings.parse({"debounce": 10**9, "enable": "yes"}) == Settings()
    assert Settings.parse({"vplint": {"language": "en"}}).language == "en"
