// Stand-in executables for the suite: the recorded-output tools of test/fixtures, each call written to a record file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { advisorExtension, waitFor } from './helpers';

/** test/fixtures/bin: trivy, grype and docker (images, scout); bin-buildx: docker shaped for the buildx paths. */
export type StandInSet = 'bin' | 'bin-buildx';

export interface Invocation {
  tool: string;
  args: string[];
}

export interface RecordingStandIn {
  /** The executable to put in a path setting. */
  readonly executable: string;
  /** Where each call appends `{tool, args}`; absent until the first call. */
  readonly recordFile: string;
  calls(): Invocation[];
  dispose(): void;
}

/**
 * A small executable that sets the stand-in's switches (STANDIN_*) and runs it. The switches
 * travel inside the file rather than in this process's environment, because tasks run in a
 * terminal that the extension host does not start.
 */
export function recordingStandIn(set: StandInSet, tool: string, switches: Record<string, string> = {}): RecordingStandIn {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `dfa-e2e-${tool}-`));
  const recordFile = path.join(folder, 'calls.jsonl');
  const executable = path.join(folder, tool);
  const target = path.join(advisorExtension().extensionPath, 'test', 'fixtures', set, tool);
  const environment = JSON.stringify({ ...switches, STANDIN_ARGS_LOG: recordFile });
  fs.writeFileSync(
    executable,
    `#!/usr/bin/env node\nObject.assign(process.env, ${environment});\nrequire(${JSON.stringify(target)});\n`,
    { mode: 0o755 },
  );
  return {
    executable,
    recordFile,
    calls: () =>
      fs.existsSync(recordFile)
        ? fs.readFileSync(recordFile, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Invocation)
        : [],
    dispose: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

export function recordedOutputsPresent(): boolean {
  return fs.existsSync(path.resolve(advisorExtension().extensionPath, '..', 'shared', 'fixtures', 'scanners'));
}

/**
 * Awaits a command that ends by showing a message with buttons (and waits for the choice),
 * closing each notification as a user dismissing it would; the command then sees no choice.
 */
export async function dismissingNotifications<T>(pending: Thenable<T>, timeoutMs = 30_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(pending).finally(() => {
    settled = true;
  });
  await waitFor('the command to finish once its notifications are dismissed', async () => {
    if (settled) {
      return true;
    }
    await vscode.commands.executeCommand('notifications.clearAll');
    return undefined;
  }, timeoutMs);
  return result;
}
