// Activates Dockerfile Advisor: the language client, and the commands that run Docker tools.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerBuildFeatures } from './build';
import { registerShowRuleDocs } from './commands/showRuleDocs';
import { createLanguageClient } from './languageClient';
import { configureLocalization, t } from './localize';
import { registerScanFeatures } from './scan';
import { registerTaskFeatures } from './tasks';

let client: LanguageClient | undefined;

/** What `activate` returns; the end-to-end suite reads how long activation took. */
export interface AdvisorApi {
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): AdvisorApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Dockerfile Advisor', { log: true });
  context.subscriptions.push(log);
  configureLocalization(context.extensionUri);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dockerfileAdvisor.language')) {
        configureLocalization(context.extensionUri);
      }
    }),
  );

  context.subscriptions.push(registerShowRuleDocs(context));
  registerScanFeatures(context, log, async () =>
    client?.isRunning() ? client.sendRequest<Record<string, string[]>>('dockerfileAdvisor/ruleAliases') : undefined,
  );
  registerBuildFeatures(context, log);
  registerTaskFeatures(context, log);

  client = createLanguageClient(context, log);
  context.subscriptions.push(
    vscode.commands.registerCommand('dockerfileAdvisor.restartServer', async () => {
      if (client) {
        await client.restart();
        log.info(t('The language server was restarted.'));
      }
    }),
    // Lets the end-to-end tests find and stop the server process to check it comes back.
    vscode.commands.registerCommand('dockerfileAdvisor.internal.serverPid', () => serverPid(client)),
  );
  // The server starts in the background: activation (and with it the editor) never waits for a process.
  client.start().catch((error: unknown) => {
    log.error(t('The Dockerfile Advisor language server could not start: {0}', error instanceof Error ? error.message : String(error)));
  });
  return { activationMs: performance.now() - started };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function serverPid(languageClient: LanguageClient | undefined): number | undefined {
  // The node transport keeps the child process; its pid is the only handle the tests need.
  const internal = languageClient as unknown as { _serverProcess?: { pid?: number } } | undefined;
  return internal?._serverProcess?.pid;
}
