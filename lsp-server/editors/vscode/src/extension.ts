// Starts `aegis lsp` for .aegis files: every feature (diagnostics, completion, hover, definition,
// references, rename, symbols, formatting, semantic tokens, signature help, quick fixes) comes
// from the server; this file only launches it.
import { ExtensionContext, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const config = workspace.getConfiguration('aegis');
  const command = config.get<string>('server.command', 'aegis');
  const args = [...config.get<string[]>('server.extraArgs', []), 'lsp'];
  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'aegis' }, { scheme: 'untitled', language: 'aegis' }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.aegis') },
  };
  client = new LanguageClient('aegis', 'aegis', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
