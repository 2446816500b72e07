"""`vplint server`: a Language Server Protocol server over stdio (pygls, lsprotocol types).

What an editor gets, all from the same engine as `vplint check` (vplint.api, Linter):

- diagnostics on open, on change (debounced) and on save for propositions (YAML) and copy
  (Markdown, text): the same codes, severities, messages, positions and language;
- the score and grade of each proposition, as an information diagnostic on line 1;
- hover on a finding: the rule's explanation (`vplint explain`) in the document's language;
- code actions: the fixes of vplint.fixes (safe ones preferred) and inline suppressions,
  plus `source.fixAll.vplint` for every safe fix at once;
- the configuration (.vplint.yaml / pyproject.toml) of each workspace folder, reloaded
  when it changes;
- the command `vplint.checkWorkspace`: diagnostics for every file of the workspace.

Client settings (initializationOptions, or `workspace/didChangeConfiguration` under
`vplint`): `language` (en, zh or null), `debounce` (milliseconds), `showScore`, and
`enable` ({yaml, markdown, plaintext}: false turns a file type off).

Linting runs on one worker thread, so requests are answered while a big file is linted,
and a stale result (the text changed meanwhile) is never published.
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from vplint import __version__
from vplint.errors import VplintError
from vplint.fixes import Fix, fix_text, fixes_for, suppression, verify_suppression
from vplint.lazyre import lazy
from vplint.model import Finding, PropositionResult, Severity
from vplint.nodes import LineIndex, iter_lines

CHECK_WORKSPACE = "vplint.checkWorkspace"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.vplint"
DEFAULT_DEBOUNCE_MS = 150
KINDS = {".yaml": "yaml", ".yml": "yaml", ".md": "markdown", ".markdown": "markdown",
         ".txt": "markdown"}
LANGUAGE_IDS = {"yaml": "yaml", "markdown": "markdown", "plaintext": "markdown"}
FILE_TYPE = {".yaml": "yaml", ".yml": "yaml", ".md": "markdown", ".markdown": "markdown",
             ".txt": "plaintext"}
SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
            Severity.WARNING: types.DiagnosticSeverity.Warning,
            Severity.INFO: types.DiagnosticSeverity.Information}
SCORE_TEXT = {"en": "vplint score {score}/100 (grade {grade})",
              "zh": "vplint 评分 {score}/100（等级 {grade}）"}
# Bytes that never appear in text (as vplint.encoding counts them): such a buffer is
# judged the way `vplint check` judges the file.
_BINARY = lazy(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


@dataclass
class Settings:
    """What the client configured."""

    language: str | None = None
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    show_score: bool = True
    enable: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def parse(cls, raw: Any) -> Settings:
        """Settings from a client's JSON, ignoring what it does not understand."""
        if isinstance(raw, dict) and isinstance(raw.get("vplint"), dict):
            raw = raw["vplint"]
        if not isinstance(raw, dict):
            return cls()
        language = raw.get("language")
        debounce = raw.get("debounce")
        enable = raw.get("enable")
        return cls(
            language=language if language in ("en", "zh") else None,
            debounce_ms=int(debounce) if isinstance(debounce, (int, float))
            and 0 <= debounce <= 10_000 else DEFAULT_DEBOUNCE_MS,
            show_score=raw.get("showScore", True) is not False,
            enable={k: bool(v) for k, v in enable.items()} if isinstance(enable, dict) else {})


@dataclass
class Project:
    """A workspace folder's configured run (or why it could not be configured)."""

    signature: tuple
    run: Any = None
    error: str | None = None
    excluded: dict[str, bool] = field(default_factory=dict)


@dataclass
class Linted:
    """The last published state of one open document."""

    version: int | None
    text: str
    kind: str
    display: str
    results: list[PropositionResult]
    lines: LineIndex
    project: Project | None


def uri_to_path(uri: str) -> Path | None:
    """The local path of a file:// URI, else None."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if re.match(r"^/[A-Za-z]:", path):  # file:///C:/x on Windows
        path = path[1:]
    return Path(path)


def config_signature(folder: Path) -> tuple:
    """What identifies the configuration a folder sees: the config files from the folder
    up, with their modification times and sizes. A change means: reload."""
    from vplint.config import CONFIG_NAMES

    found = []
    for directory in [folder, *folder.parents]:
        for name in CONFIG_NAMES:
            try:
                info = (directory / name).stat()
            except OSError:
                continue
            found.append((str(directory / name), info.st_mtime_ns, info.st_size))
    return tuple(found)


# ---- positions: vplint counts code points from 1; LSP counts client units from 0 ---------
def _units(text: str, encoding: str) -> int:
    if text.isascii() or encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _line_text(text: str, lines: LineIndex, line: int) -> tuple[int, str]:
    line = max(0, min(line, len(lines.starts) - 1))
    start = lines.starts[line]
    return start, next(iter_lines(text, start), (start, ""))[1]


def to_position(text: str, lines: LineIndex, index: int, encoding: str) -> types.Position:
    """The LSP position of character `index`."""
    line, column = lines.position(index)
    start = lines.starts[line - 1]
    return types.Position(line=line - 1, character=_units(text[start:start + column - 1],
                                                          encoding))


def to_index(text: str, lines: LineIndex, position: types.Position, encoding: str) -> int:
    """The character index of an LSP position (clamped to its line)."""
    start, content = _line_text(text, lines, position.line)
    if content.isascii() or encoding == types.PositionEncodingKind.Utf32:
        return start + min(position.character, len(content))
    count = 0
    for offset, char in enumerate(content):
        if count >= position.character:
            return start + offset
        count += _units(char, encoding)
    return start + len(content)


def finding_range(text: str, lines: LineIndex, finding: Finding, encoding: str
                  ) -> types.Range:
    """The LSP range of a finding."""
    start = lines.index(finding.line, finding.column)
    end = max(start, lines.index(finding.end_line, finding.end_column))
    return types.Range(start=to_position(text, lines, start, encoding),
                       end=to_position(text, lines, end, encoding))


# ---- the server -------------------------------------------------------------------------
class VplintServer(LanguageServer):
    """The language server: documents in, diagnostics, hovers and code actions out."""

    def __init__(self) -> None:
        super().__init__("vplint", __version__)
        self.settings = Settings()
        self.projects: dict[tuple[str, str | None], Project] = {}
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vplint-lint")
        self.reported_errors: set[str] = set()

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client (UTF-16 unless it offered more)."""
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    # ---- configuration --------------------------------------------------------------------
    def folder_of(self, path: Path) -> Path:
        """The innermost workspace folder holding `path`, else the file's own folder."""
        best: Path | None = None
        for folder in self.workspace.folders.values():
            root = uri_to_path(folder.uri)
            if root is not None and path.is_relative_to(root):
                if best is None or len(root.parts) > len(best.parts):
                    best = root
        if best is None and self.workspace.root_path:
            root = Path(self.workspace.root_path)
            if path.is_relative_to(root):
                best = root
        return best or path.parent

    def project(self, folder: Path) -> Project:
        """The folder's configured run, rebuilt when its configuration changed."""
        from vplint import api

        key = (str(folder), self.settings.language)
        signature = config_signature(folder)
        known = self.projects.get(key)
        if known is not None and known.signature == signature:
            return known
        project = Project(signature)
        try:
            project.run = api.prepare(cwd=folder, forced_language=self.settings.language)
        except VplintError as exc:
            project.error = str(exc)
        except Exception as exc:  # a broken plugin must not take the editor's server down
            project.error = f"{type(exc).__name__}: {exc}"
        self.projects[key] = project
        return project

    def excluded(self, project: Project, path: Path) -> bool:
        """True for files `vplint check` would not walk into: configuration files and
        configured excludes (rules and templates folders among them)."""
        from vplint.discover import CONFIG_FILES, discover
        from vplint.errors import UsageError

        if path.name in CONFIG_FILES:
            return True
        if project.run is None:
            return False
        key = str(path)
        if key not in project.excluded:
            config = project.run.config
            try:
                found = list(discover([key], config.walk_excludes(), config.root))
                project.excluded[key] = not found
            except (UsageError, OSError):
                project.excluded[key] = False  # not saved yet: nothing excludes it
        return project.excluded[key]

    # ---- linting ----------------------------------------------------------------------------
    def kind_of(self, uri: str, language_id: str | None) -> str | None:
        """yaml or markdown, or None for a document vplint does not lint."""
        path = uri_to_path(uri)
        suffix = path.suffix.lower() if path is not None else ""
        file_type = FILE_TYPE.get(suffix) or (language_id if language_id in LANGUAGE_IDS
                                              else None)
        if file_type is None or self.settings.enable.get(file_type, True) is False:
            return None
        return KINDS.get(suffix) or LANGUAGE_IDS.get(language_id or "")

    def lint(self, uri: str, text: str, kind: str, version: int | None) -> Linted:
        """Lint a document's text as `vplint check` lints the file (on the worker thread)."""
        path = uri_to_path(uri)
        display = str(path) if path is not None else uri
        project = self.project(self.folder_of(path)) if path is not None else None
        if project is None:
            project = self.project(Path.cwd())
        lines = LineIndex(text)
        if project.run is None or (path is not None and self.excluded(project, path)):
            return Linted(version, text, kind, display, [], lines, project)
        linter = project.run.linter
        unreadable = self._unreadable(text, linter.config.max_file_size)
        if unreadable is not None:
            results = self._failed(linter, display, unreadable)
            return Linted(version, "", kind, display, results, LineIndex(""), project)
        results = linter.lint_text(text, display, kind)
        return Linted(version, text, kind, display, results, lines, project)

    def lint_current(self, uri: str, text: str, kind: str, version: int | None
                     ) -> Linted | None:
        """`lint`, unless the text changed while this job waited for the worker (then
        the job for the newer text will publish)."""
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return None
        return self.lint(uri, text, kind, version)

    @staticmethod
    def _unreadable(text: str, limit: int) -> str | None:
        """Why `vplint check` would not read this text (too big, not text), or None."""
        from vplint.document import too_big_reason
        from vplint.encoding import decode

        if len(text) * 4 > limit:  # only then can its UTF-8 be over the limit
            size = len(text.encode("utf-8", "surrogatepass"))
            if size > limit:
                return too_big_reason(size, limit)
        if _BINARY.search(text):
            _, _, problem = decode(text.encode("utf-8", "surrogatepass"))
            if problem is not None:
                return str(problem.args.get("reason", "not text"))
        return None

    @staticmethod
    def _failed(linter: Any, display: str, reason: str) -> list[PropositionResult]:
        """The VP001 result `vplint check` gives a file it cannot read."""
        from vplint.engine import render_message

        rule = linter.registry.rules.get("VP001")
        lang = linter.forced_language or "en"
        message = render_message(rule.text(rule.message, lang), {"reason": reason}) \
            if rule is not None else reason
        finding = Finding(code="VP001", name=rule.name if rule else "cannot-parse",
                          severity=linter.severity.get("VP001", Severity.ERROR),
                          message=message, path=display, line=1, column=1, end_line=1,
                          end_column=1)
        return [PropositionResult(path=display, name=None, language=lang, score=0, grade="F",
                                  dimensions={}, findings=(finding,))]

    def diagnostics(self, linted: Linted) -> list[types.Diagnostic]:
        """The LSP diagnostics of a lint: findings, then one score line per proposition."""
        out: list[types.Diagnostic] = []
        project = linted.project
        if project is not None and project.error is not None:
            out.append(types.Diagnostic(
                range=types.Range(start=types.Position(line=0, character=0),
                                  end=types.Position(line=0, character=0)),
                message=f"vplint: configuration error: {project.error}",
                severity=types.DiagnosticSeverity.Error, source="vplint", code="config"))
            return out
        for result in linted.results:
            for finding in result.findings:
                message = finding.message
                out.append(types.Diagnostic(
                    range=finding_range(linted.text, linted.lines, finding, self.encoding),
                    message=message, severity=SEVERITY[finding.severity], code=finding.code,
                    source="vplint",
                    data={"name": finding.name, "suggestion": finding.suggestion,
                          "language": self.message_language(linted, result)}))
        if self.settings.show_score and linted.results and linted.text:
            several = len(linted.results) > 1
            for result in linted.results:
                lang = self.message_language(linted, result)
                text = SCORE_TEXT[lang].format(score=result.score, grade=result.grade)
                if several and result.name:
                    text = f"{result.name}: {text}"
                out.append(types.Diagnostic(
                    range=types.Range(start=types.Position(line=0, character=0),
                                      end=types.Position(line=0, character=0)),
                    message=text, severity=types.DiagnosticSeverity.Information,
                    source="vplint", data={"score": result.score, "grade": result.grade}))
        return out

    def message_language(self, linted: Linted, result: PropositionResult) -> str:
        """The language vplint check writes this proposition's messages in."""
        forced = None
        if linted.project is not None and linted.project.run is not None:
            forced = linted.project.run.linter.forced_language
        lang = forced or result.language
        return lang if lang in SCORE_TEXT else "en"

    async def relint(self, uri: str, delay: float = 0.0) -> None:
        """Lint the open document `uri` (after `delay` seconds) and publish."""
        if delay:
            await asyncio.sleep(delay)
        try:
            document = self.workspace.get_text_document(uri)
        except Exception:
            return
        kind = self.kind_of(uri, document.language_id)
        if kind is None:
            return
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        try:
            linted = await loop.run_in_executor(self.worker, self.lint_current, uri, text,
                                                kind, version)
        except Exception as exc:
            self.internal_error(uri, exc)
            return
        current = self.workspace.text_documents.get(uri)
        if linted is None or current is None or current.version != version:
            return  # the writer typed on: the next lint publishes
        self.linted[uri] = linted
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=self.diagnostics(linted)))

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """(Re)start the lint of `uri`, cancelling one that has not started publishing."""
        pending = self.pending.pop(uri, None)
        if pending is not None and not pending.done():
            pending.cancel()
        self.pending[uri] = asyncio.ensure_future(self.relint(uri, delay))

    def relint_all(self) -> None:
        """Lint every open document again (the configuration or the settings changed)."""
        self.projects.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    def internal_error(self, uri: str, exc: BaseException) -> None:
        """Report a failure of vplint itself on the document, and keep serving."""
        message = f"vplint: internal error: {type(exc).__name__}: {exc}"
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                       message=message))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=[types.Diagnostic(
                range=types.Range(start=types.Position(line=0, character=0),
                                  end=types.Position(line=0, character=0)),
                message=message, severity=types.DiagnosticSeverity.Error, source="vplint",
                code="internal")]))

    # ---- hover and code actions ----------------------------------------------------------------
    def findings_at(self, linted: Linted, start: int, end: int
                    ) -> list[tuple[Finding, PropositionResult]]:
        """Findings whose span touches [start, end] (character indexes)."""
        out = []
        for result in linted.results:
            for finding in result.findings:
                a = linted.lines.index(finding.line, finding.column)
                b = max(a, linted.lines.index(finding.end_line, finding.end_column))
                if a <= end and start <= b:
                    out.append((finding, result))
        return out

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        """The explanation of the rules whose findings cover `position`."""
        linted = self.linted.get(uri)
        if linted is None or linted.project is None or linted.project.run is None:
            return None
        index = to_index(linted.text, linted.lines, position, self.encoding)
        found = self.findings_at(linted, index, index)
        if not found:
            return None
        registry = linted.project.run.registry
        parts, seen = [], set()
        for finding, result in found:
            if finding.code in seen or finding.code not in registry.rules:
                continue
            seen.add(finding.code)
            lang = self.message_language(linted, result)
            parts.append(explain_markdown(registry.rules[finding.code], lang, finding))
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))

    def code_actions(self, uri: str, selection: types.Range) -> list[types.CodeAction]:
        """Quick fixes for the findings in `selection`, and fix-all of the safe ones."""
        linted = self.linted.get(uri)
        if linted is None or linted.project is None or linted.project.run is None \
                or not linted.text:
            return []
        linter = linted.project.run.linter
        text, lines = linted.text, linted.lines
        start = to_index(text, lines, selection.start, self.encoding)
        end = to_index(text, lines, selection.end, self.encoding)
        actions: list[types.CodeAction] = []
        for finding, result in self.findings_at(linted, start, end):
            rule = linter.registry.rules.get(finding.code)
            lang = self.message_language(linted, result)
            diagnostic = types.Diagnostic(
                range=finding_range(text, lines, finding, self.encoding),
                message=finding.message, severity=SEVERITY[finding.severity],
                code=finding.code, source="vplint")
            fixes = fixes_for(finding, rule, text, linted.kind, lang, lines) if rule else []
            for candidate in suppression(finding, text, linted.kind, lang, lines):
                if verify_suppression(linter, text, linted.display, linted.kind, finding,
                                      candidate, linted.results):
                    fixes.append(candidate)
                    break
            for fix in fixes:
                actions.append(types.CodeAction(
                    title=f"vplint: {fix.title}", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic], is_preferred=fix.safe,
                    edit=self.workspace_edit(uri, linted, fix)))
        fixed = fix_text(linter, text, linted.display, linted.kind)
        if fixed.applied:
            titles = {"en": "vplint: apply every safe fix", "zh": "vplint：应用所有安全修复"}
            lang = self.message_language(linted, linted.results[0]) if linted.results else "en"
            whole = types.Range(start=types.Position(line=0, character=0),
                                end=to_position(text, lines, len(text), self.encoding))
            actions.append(types.CodeAction(
                title=titles[lang], kind=FIX_ALL,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
                    range=whole, new_text=fixed.text)]})))
        return actions

    def workspace_edit(self, uri: str, linted: Linted, fix: Fix) -> types.WorkspaceEdit:
        """A fix's edits, in the client's positions."""
        edits = [types.TextEdit(
            range=types.Range(
                start=to_position(linted.text, linted.lines, e.start, self.encoding),
                end=to_position(linted.text, linted.lines, e.end, self.encoding)),
            new_text=e.text) for e in fix.edits]
        return types.WorkspaceEdit(changes={uri: edits})

    # ---- the whole workspace -----------------------------------------------------------
    def check_workspace(self) -> dict[str, int]:
        """Lint every file of every workspace folder and publish (on the worker thread)."""
        folders = [p for p in (uri_to_path(f.uri) for f in self.workspace.folders.values())
                   if p is not None]
        if not folders and self.workspace.root_path:
            folders = [Path(self.workspace.root_path)]
        files = findings = 0
        for folder in folders:
            project = self.project(folder)
            if project.run is None:
                continue
            for path in project.run.files([str(folder)]):
                uri = path.resolve().as_uri()
                open_doc = self.workspace.text_documents.get(uri)
                if open_doc is not None:
                    kind = self.kind_of(uri, open_doc.language_id)
                    if kind is None:
                        continue
                    linted = self.lint(uri, open_doc.source, kind, open_doc.version)
                else:
                    kind = self.kind_of(uri, None)
                    if kind is None:
                        continue
                    results = project.run.linter.lint_file(path, str(path))
                    try:
                        text = path.read_text("utf-8")
                    except (OSError, UnicodeDecodeError):
                        text = ""
                    linted = Linted(None, text, kind, str(path), results, LineIndex(text),
                                    project)
                files += 1
                findings += sum(len(r.findings) for r in linted.results)
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                    uri=uri, diagnostics=self.diagnostics(linted)))
        return {"files": files, "findings": findings}


def explain_markdown(rule: Any, lang: str, finding: Finding | None = None) -> str:
    """A rule's documentation as Markdown, in `lang` (what `vplint explain` prints)."""
    from vplint.report.labels import LABELS

    titles = LABELS.get(lang, LABELS["en"])
    docs = rule.docs.get(lang) or rule.docs.get("en") or {}
    lines = [f"**{rule.code}** `{rule.name}` ({rule.severity.value})", ""]
    if finding is not None and finding.suggestion:
        lines += [f"→ {finding.suggestion}", ""]
    for key in ("what", "why"):
        if docs.get(key):
            lines += [f"**{titles[key]}**: {str(docs[key]).strip()}", ""]
    for key in ("example", "use_instead"):
        if docs.get(key):
            lines += [f"**{titles[key]}**", "```yaml", str(docs[key]).rstrip(), "```", ""]
    if rule.source:
        lines += [f"**{titles['source']}**: {rule.source}"]
    return "\n".join(lines).rstrip()


def build_server() -> VplintServer:
    """A server with every feature registered (tests drive it over stdio)."""
    server = VplintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: VplintServer, params: types.InitializeParams) -> None:
        ls.settings = Settings.parse(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: VplintServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace
        dynamic = watch is not None and watch.did_change_watched_files is not None and \
            watch.did_change_watched_files.dynamic_registration
        if dynamic:
            ls.client_register_capability(types.RegistrationParams(registrations=[
                types.Registration(
                    id="vplint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                        types.FileSystemWatcher(glob_pattern="**/.vplint.{yaml,yml}"),
                        types.FileSystemWatcher(glob_pattern="**/pyproject.toml")]))]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: VplintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: VplintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.settings.debounce_ms / 1000)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: VplintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri)
        if path is not None and path.name in (".vplint.yaml", ".vplint.yml", "pyproject.toml"):
            ls.relint_all()
        else:
            ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: VplintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri,
                                                                            diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: VplintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: VplintServer, params: types.DidChangeConfigurationParams) -> None:
        if params.settings:
            ls.settings = Settings.parse(params.settings)
        ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: VplintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    async def code_action(ls: VplintServer, params: types.CodeActionParams
                          ) -> list[types.CodeAction]:
        # Fixes are checked by linting again: on the worker, which owns the linters.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(ls.worker, ls.code_actions,
                                          params.text_document.uri, params.range)

    @server.command(CHECK_WORKSPACE)
    async def check_workspace(ls: VplintServer, *args: Any) -> dict[str, int]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(ls.worker, ls.check_workspace)

    return server


def serve() -> None:
    """Run the server on stdin/stdout until the client says exit."""
    build_server().start_io()
