"""End to end: `vplint server` driven over stdio by pytest-lsp's client.

Each test starts the real command (`vplint server`) in a subprocess with a workspace of
its own, opens documents and checks what comes back against what `vplint check` says
about the same text.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from vplint import api

pytestmark = pytest.mark.asyncio

SERVER = [sys.executable, "-c", "from vplint.cli import main; main(['server'])"]
TIMEOUT = 60  # generous: the machine is shared; nothing here measures speed

EN = "name: Platform\nbenefit: Utilize our platform to cut invoice errors.\n"
ZH = "name: 鞋\ncopy:\n  headline: 全网最低价，行业第一品牌\n"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A project folder of its own (with no configuration yet)."""
    folder = tmp_path / "project"
    folder.mkdir()
    return folder


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, workspace: Path):
    """A client connected to `vplint server`, with `workspace` as its folder."""
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="project")],
        initialization_options={"debounce": 20}))
    yield
    await lsp_client.shutdown_session()


async def diagnostics_after(client: LanguageClient, uri: str, action) -> list:
    """Do `action`, then wait until new diagnostics for `uri` arrive and return them."""
    before = client.diagnostics.get(uri)
    action()

    async def changed() -> list:
        while client.diagnostics.get(uri) is before:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return list(client.diagnostics[uri])

    return await asyncio.wait_for(changed(), TIMEOUT)


def open_doc(client: LanguageClient, path: Path, text: str, language_id: str = "yaml",
             version: int = 1) -> None:
    """Tell the server a document is open."""
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id=language_id,
                                             version=version, text=text)))


def findings_of(diagnostics: list) -> list:
    """The diagnostics that are findings (the score line has no code)."""
    return [d for d in diagnostics if d.code]


def expected(path: Path, text: str, kind: str = "yaml") -> list[tuple]:
    """What `vplint check` finds in the same text: code, severity, message, position."""
    run = api.prepare(cwd=path.parent)
    return sorted((f.code, f.severity.value, f.message, f.line - 1, f.column - 1)
                  for r in run.linter.lint_text(text, str(path), kind) for f in r.findings)


SEVERITY_NAME = {1: "error", 2: "warning", 3: "info"}


def seen(diagnostics: list) -> list[tuple]:
    """Diagnostics in the shape of `expected` (UTF-16 columns equal code points here:
    every character of the test texts is in the Basic Multilingual Plane)."""
    return sorted((d.code, SEVERITY_NAME[d.severity], d.message, d.range.start.line,
                   d.range.start.character) for d in findings_of(diagnostics))


async def test_open_publishes_what_check_finds_in_english(client: LanguageClient,
                                                          workspace: Path) -> None:
    path = workspace / "platform.yaml"
    got = await diagnostics_after(client, path.as_uri(), lambda: open_doc(client, path, EN))
    assert seen(got) == expected(path, EN)
    assert "CLR003" in [d.code for d in got]
    score = [d for d in got if not d.code]
    assert len(score) == 1 and score[0].severity == types.DiagnosticSeverity.Information
    assert score[0].range.start.line == 0
    assert score[0].message.startswith("vplint score ")


async def test_open_publishes_what_check_finds_in_chinese(client: LanguageClient,
                                                          workspace: Path) -> None:
    path = workspace / "shoes.yaml"
    got = await diagnostics_after(client, path.as_uri(), lambda: open_doc(client, path, ZH))
    assert seen(got) == expected(path, ZH)
    adl = [d for d in got if d.code == "ADL001"]
    assert adl and "广告法" in adl[0].message
    assert [d for d in got if not d.code][0].message.startswith("vplint 评分 ")


async def test_markdown_copy_is_linted(client: LanguageClient, workspace: Path) -> None:
    # A Markdown proposition: copy-craft rules such as CLR003 judge propositions, not
    # landing pages (docs/precision.md).
    text = ("---\npage_kind: proposition\n---\n"
            "# Platform\n\nUtilize our platform and leverage synergy.\n")
    path = workspace / "landing.md"
    got = await diagnostics_after(client, path.as_uri(),
                                  lambda: open_doc(client, path, text, "markdown"))
    assert seen(got) == expected(path, text, "markdown")
    assert "CLR003" in [d.code for d in got]


async def test_change_relints_the_new_text(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "platform.yaml"
    uri = path.as_uri()
    await diagnostics_after(client, uri, lambda: open_doc(client, path, EN))
    fixed = EN.replace("Utilize", "Use")

    def change() -> None:
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))

    got = await diagnostics_after(client, uri, change)
    assert "CLR003" not in [d.code for d in got]
    assert seen(got) == expected(path, fixed)


async def test_hover_explains_the_rule_in_the_documents_language(
        client: LanguageClient, workspace: Path) -> None:
    en, zh = workspace / "en.yaml", workspace / "zh.yaml"
    got = await diagnostics_after(client, en.as_uri(), lambda: open_doc(client, en, EN))
    clr = next(d for d in got if d.code == "CLR003")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=en.as_uri()),
        position=clr.range.start))
    assert hover is not None and "CLR003" in hover.contents.value
    assert "What it does" in hover.contents.value

    got = await diagnostics_after(client, zh.as_uri(), lambda: open_doc(client, zh, ZH))
    adl = next(d for d in got if d.code == "ADL001")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=zh.as_uri()),
        position=adl.range.start))
    assert hover is not None and "ADL001" in hover.contents.value
    assert "规则说明" in hover.contents.value

    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=zh.as_uri()),
        position=types.Position(line=50, character=0)))
    assert nothing is None


async def code_actions(client: LanguageClient, uri: str, diagnostic) -> list:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))


def applied(text: str, edits: list) -> str:
    """Apply LSP text edits (single-line ranges, BMP text) to `text`."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def index(position: types.Position) -> int:
        return offsets[min(position.line, len(lines))] + position.character

    for edit in sorted(edits, key=lambda e: index(e.range.start), reverse=True):
        text = text[: index(edit.range.start)] + edit.new_text + text[index(edit.range.end):]
    return text


async def test_code_actions_offer_safe_fix_choices_and_suppression(
        client: LanguageClient, workspace: Path) -> None:
    en = workspace / "en.yaml"
    got = await diagnostics_after(client, en.as_uri(), lambda: open_doc(client, en, EN))
    clr = next(d for d in got if d.code == "CLR003")
    actions = await code_actions(client, en.as_uri(), clr)
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    safe = [a for a in quick if a.is_preferred]
    assert [a.title for a in safe] == ["vplint: Replace “Utilize” with “Use”"]
    fixed = applied(EN, safe[0].edit.changes[en.as_uri()])
    assert fixed == EN.replace("Utilize", "Use")
    suppress = [a for a in quick if "Suppress CLR003" in a.title]
    assert len(suppress) == 1
    silenced = applied(EN, suppress[0].edit.changes[en.as_uri()])
    assert "# vplint: disable=CLR003" in silenced
    assert "CLR003" not in [c for c, *_ in expected(en, silenced)]
    assert any(a.kind == "source.fixAll.vplint" for a in actions)

    zh = workspace / "zh.yaml"
    got = await diagnostics_after(client, zh.as_uri(), lambda: open_doc(client, zh, ZH))
    adl = next(d for d in got if d.code == "ADL001" and d.range.start.character == 14)
    actions = await code_actions(client, zh.as_uri(), adl)
    choices = [a for a in actions if "最低" in a.title]
    assert [a.title for a in choices] == ["vplint: 把“最低”改为“低”", "vplint: 把“最低”改为“实惠”"]
    assert not any(a.is_preferred for a in choices)  # choices, never the automatic fix
    assert "全网低价" in applied(ZH, choices[0].edit.changes[zh.as_uri()])
    skeleton = [a for a in actions if "outcome" in a.title]
    assert skeleton == []  # only the findings under the cursor
    out001 = next(d for d in got if d.code == "OUT001")
    actions = await code_actions(client, zh.as_uri(), out001)
    inserted = applied(ZH, next(a for a in actions if "`outcome`" in a.title)
                       .edit.changes[zh.as_uri()])
    assert inserted.startswith(ZH) and "# outcome: <" in inserted


async def test_configuration_is_reloaded_when_it_changes(client: LanguageClient,
                                                         workspace: Path) -> None:
    path = workspace / "platform.yaml"
    uri = path.as_uri()
    got = await diagnostics_after(client, uri, lambda: open_doc(client, path, EN))
    assert "CLR003" in [d.code for d in got]
    config = workspace / ".vplint.yaml"
    config.write_text("ignore: [CLR003]\n", encoding="utf-8")

    def changed() -> None:
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(),
                                     type=types.FileChangeType.Created)]))

    got = await diagnostics_after(client, uri, changed)
    assert "CLR003" not in [d.code for d in got]
    assert seen(got) == expected(path, EN)

    config.write_text("select: [NOPE]\n", encoding="utf-8")
    got = await diagnostics_after(client, uri, changed)
    assert [d.code for d in got] == ["config"]
    assert "NOPE" in got[0].message


async def test_a_crashing_rule_is_reported_and_the_server_lives_on(
        client: LanguageClient, workspace: Path) -> None:
    rules = workspace / "myrules"
    rules.mkdir()
    # A limit without a number: the check fails on every proposition it sees.
    (rules / "BAD001.yaml").write_text(
        "code: BAD001\nname: broken\nseverity: warning\nextends: limit\n"
        "params: {fields: [name], max: many}\nmessage: {en: too long}\n", encoding="utf-8")
    (workspace / ".vplint.yaml").write_text("rules_dirs: [myrules]\n", encoding="utf-8")
    path = workspace / "platform.yaml"
    got = await diagnostics_after(client, path.as_uri(), lambda: open_doc(client, path, EN))
    crash = [d for d in got if d.code == "VP900"]
    assert crash and "BAD001" in crash[0].message
    assert "CLR003" in [d.code for d in got]  # the other rules still ran
    other = workspace / "other.yaml"
    got = await diagnostics_after(client, other.as_uri(), lambda: open_doc(client, other, ZH))
    assert "ADL001" in [d.code for d in got]


async def test_huge_and_binary_documents_are_answered_without_blocking(
        client: LanguageClient, workspace: Path) -> None:
    (workspace / ".vplint.yaml").write_text("max_file_size: 100000\n", encoding="utf-8")
    huge = workspace / "huge.md"
    text = "Utilize the platform. " * 20_000
    got = await diagnostics_after(client, huge.as_uri(),
                                  lambda: open_doc(client, huge, text, "markdown"))
    assert [d.code for d in got] == ["VP001"]
    assert "100,000-byte limit" in got[0].message

    binary = workspace / "image.yaml"
    got = await diagnostics_after(client, binary.as_uri(),
                                  lambda: open_doc(client, binary, "\x00\x01\x02PNG\x00" * 50))
    assert [d.code for d in got] == ["VP001"]

    small = workspace / "small.yaml"
    got = await diagnostics_after(client, small.as_uri(), lambda: open_doc(client, small, EN))
    assert "CLR003" in [d.code for d in got]


async def test_check_workspace_publishes_every_file(client: LanguageClient,
                                                    workspace: Path) -> None:
    (workspace / "a.yaml").write_text(EN, encoding="utf-8")
    (workspace / "b.yaml").write_text(ZH, encoding="utf-8")
    (workspace / "notes.md").write_text("Utilize synergy.\n", encoding="utf-8")
    result = await asyncio.wait_for(client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="vplint.checkWorkspace")), TIMEOUT)
    assert result["files"] == 3
    for name, text in (("a.yaml", EN), ("b.yaml", ZH)):
        uri = (workspace / name).resolve().as_uri()
        assert seen(client.diagnostics[uri]) == expected(workspace / name, text)


async def test_each_workspace_folder_has_its_own_configuration(client: LanguageClient,
                                                               workspace: Path) -> None:
    second = workspace.parent / "second"
    second.mkdir()
    (second / ".vplint.yaml").write_text("ignore: [CLR003]\nlanguage: zh\n", encoding="utf-8")
    client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
        event=types.WorkspaceFoldersChangeEvent(
            added=[types.WorkspaceFolder(uri=second.as_uri(), name="second")], removed=[])))
    first_doc, second_doc = workspace / "p.yaml", second / "p.yaml"
    got = await diagnostics_after(client, first_doc.as_uri(),
                                  lambda: open_doc(client, first_doc, EN))
    assert "CLR003" in [d.code for d in got]
    got = await diagnostics_after(client, second_doc.as_uri(),
                                  lambda: open_doc(client, second_doc, EN))
    assert "CLR003" not in [d.code for d in got]
    assert seen(got) == expected(second_doc, EN)
    assert any("没有" in d.message for d in got)  # language: zh, as check reports it


async def test_requests_are_answered_while_a_big_page_is_linted(client: LanguageClient,
                                                                workspace: Path) -> None:
    small = workspace / "small.yaml"
    await diagnostics_after(client, small.as_uri(), lambda: open_doc(client, small, EN))
    big = workspace / "big.md"
    # ~0.7 s of linting on an idle machine (it was seconds before the one-pass scan)
    text = "---\npage_kind: proposition\n---\n" + "Utilize the platform to cut costs. " * 9_000
    done: list[str] = []

    async def big_diagnostics() -> None:
        await diagnostics_after(client, big.as_uri(),
                                lambda: open_doc(client, big, text, "markdown"))
        done.append("big")

    async def hover() -> None:
        await asyncio.sleep(0.1)  # the big page is on the worker by now
        answer = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=small.as_uri()),
            position=types.Position(line=1, character=10)))
        assert answer is not None and "CLR003" in answer.contents.value
        done.append("hover")

    await asyncio.wait_for(asyncio.gather(big_diagnostics(), hover()), TIMEOUT * 3)
    assert done == ["hover", "big"]
    assert len([d for d in client.diagnostics[big.as_uri()] if d.code == "CLR003"]) == 9_000


async def test_save_relints_and_a_changed_configuration_is_seen_without_notice(
        client: LanguageClient, workspace: Path) -> None:
    path = workspace / "platform.yaml"
    uri = path.as_uri()
    await diagnostics_after(client, uri, lambda: open_doc(client, path, EN))
    # No file-watching notification (an editor without it): the next lint sees the change.
    (workspace / ".vplint.yaml").write_text("ignore: [CLR003]\n", encoding="utf-8")

    def save() -> None:
        client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))

    got = await diagnostics_after(client, uri, save)
    assert "CLR003" not in [d.code for d in got]
    assert seen(got) == expected(path, EN)
