// The language server comes back after its process dies, and after an explicit restart.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { featureTest } from './pendingFeatures';
import { advisorExtension, appendLine, deleteLine, openWorkspaceFile, waitFor, waitForDiagnostics } from './helpers';

const SERVER_PID_COMMAND = 'dockerfileAdvisor.internal.serverPid';
const RESTART_COMMAND = 'dockerfileAdvisor.restartServer';

/**
 * The server is a child of this extension host running dist/server.js; reading /proc finds it
 * even where the client offers no command for its pid.
 */
function serverPidFromProcessTable(): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const parentPid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parentPid === process.pid && commandLine.some((argument) => /dist[/\\]server\.js$/.test(argument))) {
        return Number(entry);
      }
    } catch {
      // The process ended while the table was read.
    }
  }
  return undefined;
}

async function serverPid(): Promise<number | undefined> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(SERVER_PID_COMMAND)) {
    const pid = await vscode.commands.executeCommand<number | undefined>(SERVER_PID_COMMAND);
    return typeof pid === 'number' && pid > 0 ? pid : undefined;
  }
  return serverPidFromProcessTable();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** An edit that adds an unknown instruction must be diagnosed on its line by whichever server now runs. */
async function assertServerAnswers(relativePath: string): Promise<void> {
  const editor = await openWorkspaceFile(relativePath);
  const line = await appendLine(editor, 'FORM alpine:3.20');
  await waitForDiagnostics(editor.document.uri, (found) => found.some((diagnostic) => diagnostic.range.start.line === line), 30_000);
  await deleteLine(editor, line);
}

suite('Language server lifecycle', () => {
  test('the server is restarted after its process is killed', async function (this: Mocha.Context) {
    this.timeout(90_000);
    await openWorkspaceFile('restart/Dockerfile');
    await waitFor('the extension to activate', () => (advisorExtension().isActive ? true : undefined));
    const firstPid = await waitFor('the language server process', serverPid);
    process.kill(firstPid, 'SIGKILL');
    await waitFor(`process ${firstPid} to end`, () => (isAlive(firstPid) ? undefined : true));
    const secondPid = await waitFor('a new language server process', async () => {
      const pid = await serverPid();
      return pid !== undefined && pid !== firstPid ? pid : undefined;
    }, 30_000);
    assert.notEqual(secondPid, firstPid);
    await assertServerAnswers('restart/Dockerfile');
  });

  featureTest('restartCommand', 'the restart command starts a new server', async function (this: Mocha.Context) {
    this.timeout(90_000);
    const before = await waitFor('the language server process', serverPid);
    await vscode.commands.executeCommand(RESTART_COMMAND);
    await waitFor('a new language server process', async () => {
      const pid = await serverPid();
      return pid !== undefined && pid !== before ? pid : undefined;
    }, 30_000);
    await assertServerAnswers('restart/Dockerfile');
  });
});
