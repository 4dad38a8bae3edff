// Child processes of the harness: spawned as their own process group so that code-server's
// extension host and language server die with it, and all killed when the harness exits.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const liveGroups = new Set<ChildProcess>();

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function spawnGroup(file: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(file, args, { ...options, detached: true });
  liveGroups.add(child);
  child.once('exit', () => liveGroups.delete(child));
  return child;
}

export function waitForExit(child: ChildProcess): Promise<ExitResult> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Asks the whole group to stop, then kills it if it is still there after the grace period. */
export async function killGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  signalGroup(child, 'SIGTERM');
  const exited = waitForExit(child).then(() => true);
  const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref());
  if (!(await Promise.race([exited, timedOut]))) {
    signalGroup(child, 'SIGKILL');
    await waitForExit(child);
  }
  // The leader may exit before its children (the extension host); sweep the group once more.
  signalGroup(child, 'SIGKILL');
}

/** Last-resort cleanup for an exit that skipped the normal teardown (a signal, an uncaught error). */
export function killAllGroupsNow(): void {
  for (const child of liveGroups) {
    signalGroup(child, 'SIGKILL');
  }
  liveGroups.clear();
}

process.once('exit', killAllGroupsNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAllGroupsNow();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}
