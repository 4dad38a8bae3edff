// Starts the language server for Dockerfiles and restarts it, a limited number of times, when it dies.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { t } from './localize';

export const dockerfileSelector = [
  { language: 'dockerfile', scheme: 'file' },
  { language: 'dockerfile', scheme: 'untitled' },
];

/** Restarts allowed within `restartWindowMs` before the client gives up and says so once. */
const maxRestarts = 4;
const restartWindowMs = 3 * 60 * 1000;

class RestartLimiter implements ErrorHandler {
  private restarts: number[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {}

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((time) => now - time < restartWindowMs);
    if (this.restarts.length >= maxRestarts) {
      const message = t('The Dockerfile Advisor language server stopped {0} times in 3 minutes and will not be restarted. Run "Dockerfile Advisor: Restart Language Server" after fixing the cause; the log has details.', maxRestarts + 1);
      this.log.error(message);
      return { action: CloseAction.DoNotRestart, message };
    }
    this.restarts.push(now);
    this.log.warn(t('The Dockerfile Advisor language server stopped unexpectedly and was restarted.'));
    return { action: CloseAction.Restart, handled: true };
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  // The server keeps V8's compiled code in the extension's private storage (see server/src/util/compileCache.ts).
  const env = { ...process.env, DOCKERFILE_ADVISOR_COMPILE_CACHE: vscode.Uri.joinPath(context.globalStorageUri, 'compile-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: dockerfileSelector,
    outputChannel: log,
    initializationOptions: { settings: vscode.workspace.getConfiguration('dockerfileAdvisor') },
    errorHandler: new RestartLimiter(log),
    synchronize: { configurationSection: 'dockerfileAdvisor' },
  };
  return new LanguageClient('dockerfileAdvisor', 'Dockerfile Advisor', serverOptions, clientOptions);
}
