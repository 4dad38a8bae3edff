// The one way the extension starts a child process: no shell, a timeout, cancellation, capped output.
import { spawn } from 'node:child_process';

export interface RunOptions {
  /** Name of the tool for messages, e.g. "trivy"; defaults to the file name. */
  readonly tool?: string;
  readonly cwd?: string;
  /** The full environment of the child (its PATH is also where the executable is looked up). */
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Bytes of stdout kept from the start; the rest is dropped and `stdoutTruncated` set. */
  readonly maxStdoutBytes?: number;
  /** Bytes of stderr kept from the end, where tools print their final error. */
  readonly maxStderrBytes?: number;
  /** Called with each chunk as it arrives, e.g. to forward it to an output channel. */
  readonly onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

interface Completed {
  readonly commandLine: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutTruncated: boolean;
  readonly durationMs: number;
}

export type ProcessResult =
  | ({ readonly kind: 'ok' } & Completed)
  | ({ readonly kind: 'exitedNonZero'; readonly exitCode: number | null; readonly exitSignal: NodeJS.Signals | null; readonly stderrTail: string } & Completed)
  | ({ readonly kind: 'timedOut'; readonly timeoutMs: number } & Completed)
  | ({ readonly kind: 'cancelled' } & Completed)
  | { readonly kind: 'notFound'; readonly tool: string; readonly file: string; readonly commandLine: string }
  | { readonly kind: 'failedToStart'; readonly tool: string; readonly file: string; readonly commandLine: string; readonly message: string };

export const DEFAULT_MAX_STDOUT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_STDERR_BYTES = 256 * 1024;
const STDERR_TAIL_LINES = 20;
/** Time a process gets to exit after SIGTERM before it is killed outright. */
const KILL_GRACE_MS = 2000;

export async function runProcess(file: string, args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  const tool = options.tool ?? toolNameOf(file);
  const commandLine = formatCommandLine(file, args);
  const started = Date.now();
  if (options.signal?.aborted) {
    return { kind: 'cancelled', commandLine, stdout: '', stderr: '', stdoutTruncated: false, durationMs: 0 };
  }
  const maxStdout = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT_BYTES;
  const maxStderr = options.maxStderrBytes ?? DEFAULT_MAX_STDERR_BYTES;
  // A process group of its own lets a timeout or cancel end the tool's children too (docker plugins, shells).
  const ownGroup = process.platform !== 'win32';

  return new Promise<ProcessResult>((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env,
        shell: false,
        detached: ownGroup,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      resolve({ kind: 'failedToStart', tool, file, commandLine, message: errorMessage(error) });
      return;
    }

    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stdoutTruncated = false;
    let stderrBuffer = Buffer.alloc(0);
    let ending: 'timedOut' | 'cancelled' | undefined;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;

    child.stdout?.on('data', (chunk: Buffer) => {
      options.onOutput?.('stdout', chunk.toString('utf8'));
      if (stdoutBytes + chunk.length > maxStdout) {
        stdoutTruncated = true;
        const room = maxStdout - stdoutBytes;
        if (room > 0) {
          stdoutChunks.push(chunk.subarray(0, room));
          stdoutBytes += room;
        }
        return;
      }
      stdoutChunks.push(chunk);
      stdoutBytes += chunk.length;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      options.onOutput?.('stderr', chunk.toString('utf8'));
      stderrBuffer = Buffer.concat([stderrBuffer, chunk]);
      if (stderrBuffer.length > maxStderr) {
        stderrBuffer = stderrBuffer.subarray(stderrBuffer.length - maxStderr);
      }
    });

    const stop = (reason: 'timedOut' | 'cancelled') => {
      if (ending || settled) {
        return;
      }
      ending = reason;
      killTree(child, ownGroup, 'SIGTERM');
      killTimer = setTimeout(() => killTree(child, ownGroup, 'SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };
    const timeout = setTimeout(() => stop('timedOut'), options.timeoutMs);
    const onAbort = () => stop('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (result: ProcessResult) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timeout);
      if (killTimer) {
        clearTimeout(killTimer);
      }
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        finish({ kind: 'notFound', tool, file, commandLine });
      } else if (child.pid === undefined) {
        finish({ kind: 'failedToStart', tool, file, commandLine, message: errorMessage(error) });
      }
    });
    // 'close' rather than 'exit': it fires once the pipes are drained, so no output is lost.
    child.on('close', (exitCode, exitSignal) => {
      if (child.pid === undefined) {
        return;
      }
      const completed: Completed = {
        commandLine,
        stdout: Buffer.concat(stdoutChunks).toString('utf8'),
        stderr: stderrBuffer.toString('utf8'),
        stdoutTruncated,
        durationMs: Date.now() - started,
      };
      if (ending === 'timedOut') {
        finish({ kind: 'timedOut', timeoutMs: options.timeoutMs, ...completed });
      } else if (ending === 'cancelled') {
        finish({ kind: 'cancelled', ...completed });
      } else if (exitCode === 0) {
        finish({ kind: 'ok', ...completed });
      } else {
        finish({ kind: 'exitedNonZero', exitCode, exitSignal, stderrTail: tailLines(completed.stderr, STDERR_TAIL_LINES), ...completed });
      }
    });
  });
}

function killTree(child: ReturnType<typeof spawn>, ownGroup: boolean, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  try {
    if (ownGroup) {
      process.kill(-child.pid, signal);
    } else {
      child.kill(signal);
    }
  } catch {
    // The group may already be gone between the check and the kill; nothing is left to end.
  }
}

export function tailLines(text: string, count: number): string {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  return lines.slice(-count).join('\n');
}

function toolNameOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(exe|cmd|bat)$/i, '');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The command line as a user could type it in a POSIX shell; for logs only, never executed. */
export function formatCommandLine(file: string, args: readonly string[]): string {
  return [file, ...args].map(quoteForDisplay).join(' ');
}

function quoteForDisplay(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) {
    return word;
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
