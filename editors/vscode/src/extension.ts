// The vplint extension: starts `vplint server` and hands it the documents the settings
// enable. Everything vplint knows (findings, scores, hovers, fixes) comes from the server.

import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

const FILE_TYPES = ["yaml", "markdown", "plaintext"] as const;
let client: LanguageClient | undefined;

/** The executable: the setting, else the workspace's virtual environment, else PATH. */
export function findExecutable(
  configured: string,
  folders: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string {
  if (configured.trim()) {
    return configured.trim();
  }
  const bin = platform === "win32" ? path.join("Scripts", "vplint.exe") : path.join("bin", "vplint");
  for (const folder of folders) {
    for (const venv of [".venv", "venv"]) {
      const candidate = path.join(folder, venv, bin);
      if (fs.existsSync(candidate)) {
        return candidate;
      }
    }
  }
  return platform === "win32" ? "vplint.exe" : "vplint";
}

/** The settings the server reads (initializationOptions and didChangeConfiguration). */
function serverSettings(config: vscode.WorkspaceConfiguration): Record<string, unknown> {
  const enable: Record<string, boolean> = {};
  for (const kind of FILE_TYPES) {
    enable[kind] = config.get<boolean>(`enable.${kind}`, true);
  }
  return {
    language: config.get<string | null>("language", null),
    debounce: config.get<number>("debounce", 150),
    showScore: config.get<boolean>("showScore", true),
    enable,
  };
}

function start(context: vscode.ExtensionContext): void {
  const config = vscode.workspace.getConfiguration("vplint");
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const command = findExecutable(config.get<string>("path", ""), folders);
  const serverOptions: ServerOptions = {
    command,
    args: ["server"],
    transport: TransportKind.stdio,
  };
  const documentSelector = FILE_TYPES.filter((kind) =>
    config.get<boolean>(`enable.${kind}`, true),
  ).map((language) => ({ scheme: "file", language }));
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    initializationOptions: serverSettings(config),
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/.vplint.{yaml,yml}"),
        vscode.workspace.createFileSystemWatcher("**/pyproject.toml"),
      ],
    },
  };
  client = new LanguageClient("vplint", "vplint", serverOptions, clientOptions);
  client.start().catch((error: unknown) => {
    void vscode.window.showErrorMessage(
      `vplint: could not start "${command} server" (${String(error)}). ` +
        "Install vplint (pip install vplint) or set vplint.path.",
    );
  });
}

async function stop(): Promise<void> {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

export function activate(context: vscode.ExtensionContext): void {
  start(context);
  context.subscriptions.push(
    vscode.commands.registerCommand("vplint.restart", async () => {
      await stop();
      start(context);
    }),
    vscode.commands.registerCommand("vplint.checkWorkspace", async () => {
      if (!client) {
        return;
      }
      const result = (await client.sendRequest("workspace/executeCommand", {
        command: "vplint.checkWorkspace",
        arguments: [],
      })) as { files: number; findings: number } | null;
      if (result) {
        void vscode.window.showInformationMessage(
          `vplint: ${result.files} file(s), ${result.findings} finding(s)`,
        );
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("vplint")) {
        return;
      }
      // The executable and the enabled file types are fixed when the client starts.
      if (event.affectsConfiguration("vplint.path") || event.affectsConfiguration("vplint.enable")) {
        await stop();
        start(context);
      } else if (client) {
        await client.sendNotification("workspace/didChangeConfiguration", {
          settings: { vplint: serverSettings(vscode.workspace.getConfiguration("vplint")) },
        });
      }
    }),
  );
}

export function deactivate(): Promise<void> {
  return stop();
}
