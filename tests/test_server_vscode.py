"""The VS Code extension (editors/vscode): its settings match what the server reads, and
its build works (`npm ci && npm run compile && npm run package`).

NOTE: the build test needs Node.js and npm; it is skipped, with that reason, on a
machine without npm (the CI image has npm). It installs from npm's cache when it can
(else from the registry: marked `network`) and takes 10-60 seconds.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from vplint.server import FILE_TYPE, Settings

EXTENSION = Path(__file__).resolve().parent.parent / "editors" / "vscode"


def manifest() -> dict:
    return json.loads((EXTENSION / "package.json").read_text("utf-8"))


def test_every_setting_is_declared_and_understood_by_the_server() -> None:
    declared = set(manifest()["contributes"]["configuration"]["properties"])
    source = (EXTENSION / "src" / "extension.ts").read_text("utf-8")
    file_types = re.search(r"FILE_TYPES = \[(.*?)\]", source).group(1)
    kinds = re.findall(r'"(\w+)"', file_types)
    assert sorted(kinds) == sorted(set(FILE_TYPE.values()))
    assert declared == {"vplint.path", "vplint.language", "vplint.debounce",
                        "vplint.showScore", *(f"vplint.enable.{k}" for k in kinds)}
    # What serverSettings() sends, as the server parses it.
    sent = {"vplint": {"language": "zh", "debounce": 300, "showScore": False,
                       "enable": {k: k != "plaintext" for k in kinds}}}
    settings = Settings.parse(sent)
    assert (settings.language, settings.debounce_ms, settings.show_score) == ("zh", 300, False)
    assert settings.enable == {"yaml": True, "markdown": True, "plaintext": False}
    assert Settings.parse({"language": "fr", "debounce": -5}) == Settings()


def test_the_extension_starts_the_server_command() -> None:
    source = (EXTENSION / "src" / "extension.ts").read_text("utf-8")
    assert 'args: ["server"]' in source
    assert set(manifest()["activationEvents"]) == {
        f"onLanguage:{k}" for k in set(FILE_TYPE.values())}
    lock = json.loads((EXTENSION / "package-lock.json").read_text("utf-8"))
    assert lock["packages"][""]["dependencies"] == manifest()["dependencies"]


@pytest.mark.network  # npm ci may fetch from the registry when its cache is cold
@pytest.mark.skipif(shutil.which("npm") is None, reason="needs npm (Node.js) to build")
def test_npm_ci_compile_and_package(tmp_path: Path) -> None:
    work = tmp_path / "vscode"
    shutil.copytree(EXTENSION, work, ignore=shutil.ignore_patterns(
        "node_modules", "out", "*.vsix"))

    def npm(*args: str) -> None:
        done = subprocess.run(["npm", *args], cwd=work, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr

    npm("ci", "--prefer-offline", "--no-audit", "--no-fund")
    npm("run", "compile")
    assert (work / "out" / "extension.js").is_file()
    npm("run", "package")
    with zipfile.ZipFile(work / "vplint.vsix") as vsix:
        names = vsix.namelist()
    assert "extension/out/extension.js" in names
    assert any(n.startswith("extension/node_modules/vscode-languageclient/") for n in names)
