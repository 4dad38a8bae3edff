// Runs `docker <args>` through the extension's process runner, for the preflight checks and the build.
import { runProcess, type ProcessResult } from '../process/runProcess';

/** One docker call; preflight and the tests only see this. */
export type DockerRun = (args: readonly string[], timeoutMs: number) => Promise<ProcessResult>;

export interface DockerRunnerOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly signal?: AbortSignal;
  /** Receives each command line before it runs, for the log. */
  readonly log?: (line: string) => void;
}

export function dockerRunner(dockerPath: string, options: DockerRunnerOptions = {}): DockerRun {
  return async (args, timeoutMs) => {
    const result = await runProcess(dockerPath, args, {
      tool: 'docker',
      env: options.env,
      cwd: options.cwd,
      signal: options.signal,
      timeoutMs,
    });
    options.log?.(`${result.commandLine} → ${result.kind}`);
    return result;
  };
}

/** stdout of a run that printed something, even if it exited non-zero (docker info does when the engine is down). */
export function outputOf(result: ProcessResult): string {
  return 'stdout' in result ? result.stdout : '';
}

/** The first meaningful line of what the tool said on stderr, for a message. */
export function firstErrorLine(result: ProcessResult): string {
  const stderr = 'stderr' in result ? result.stderr : '';
  return stderr.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '') ?? result.kind;
}
