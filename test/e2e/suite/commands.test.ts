// Every command the manifest contributes is registered once the extension is active.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE_DOCKERFILE, advisorExtension, openWorkspaceFile, waitFor } from './helpers';

interface ContributedCommand {
  command: string;
  title: string;
}

suite('Commands', () => {
  test('each contributed command is registered @smoke', async () => {
    await openWorkspaceFile(EXAMPLE_DOCKERFILE);
    const extension = advisorExtension();
    await waitFor('the extension to activate', () => (extension.isActive ? true : undefined));
    const contributed: ContributedCommand[] = extension.packageJSON.contributes?.commands ?? [];
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((entry) => entry.command).filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    for (const entry of contributed) {
      assert.match(entry.command, /^dockerfileAdvisor\./, `${entry.command} is in the extension's namespace`);
      assert.ok(entry.title && !entry.title.startsWith('%'), `${entry.command} has a resolved title`);
    }
  });
});
