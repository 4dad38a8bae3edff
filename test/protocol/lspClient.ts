// A minimal LSP client for tests: starts the built server as a child process and speaks JSON-RPC over stdio.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export const serverPath = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

export interface TestServer {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly stderr: () => string;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  /** How many publications for `uri` arrived and were not yet taken by `diagnostics`. */
  untaken(uri: string): number;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: unknown[]): void;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly locale?: string;
  readonly settings?: unknown;
  /** Answer workspace/configuration requests with these settings. */
  readonly configuration?: () => unknown;
  /** The server process's environment; this process's by default. */
  readonly env?: NodeJS.ProcessEnv;
  /** Another build of the server to run than dist/server.js. */
  readonly serverPath?: string;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [...(process.env.DFA_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), options.serverPath ?? serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const wake of waiters.splice(0)) {
      wake();
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.configuration?.() ?? options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: options.locale ?? 'en',
    initializationOptions: { settings: options.settings ?? {} },
    capabilities: {
      workspace: { configuration: options.configuration !== undefined, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
    },
  });
  void connection.sendNotification('initialized', {});

  const diagnostics = (uri: string, version?: number, timeoutMs = 10000): Promise<Diagnostic[]> =>
    new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      const look = (): void => {
        const index = published.findIndex((p) => p.uri === uri && (version === undefined || p.version === version));
        if (index >= 0) {
          const [found] = published.splice(index, 1);
          clearTimeout(deadline);
          resolve(found.diagnostics);
        } else {
          waiters.push(look);
        }
      };
      look();
    });

  return {
    connection,
    process: child,
    stderr: () => stderr,
    diagnostics,
    untaken: (uri) => published.filter((p) => p.uri === uri).length,
    open: (uri, text, version = 1) =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } }),
    change: (uri, version, changes) =>
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes }),
    stop: async () => {
      try {
        await connection.sendRequest('shutdown');
        void connection.sendNotification('exit');
      } catch {
        child.kill();
      }
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
        } else {
          child.on('exit', () => resolve());
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 3000);
        }
      });
      connection.dispose();
    },
  };
}
