// Starts and stops code-server (VS Code's server and web workbench) for one test run.
import { execFile, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerEntry, installScript } from './paths';
import { killGroup, spawnGroup } from './processes';

const INSTALL_TIMEOUT_MS = 15 * 60_000;
const STARTUP_TIMEOUT_MS = 60_000;

function execFileChecked(file: string, args: readonly string[], timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL', env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      } else {
        resolve(stdout);
      }
    });
  });
}

/** Runs scripts/install-code-server.sh, which returns at once when the cached install is complete. */
export async function ensureCodeServerInstalled(): Promise<void> {
  const started = Date.now();
  await execFileChecked('bash', [installScript], INSTALL_TIMEOUT_MS);
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server is not at ${codeServerEntry} after running ${installScript}.`);
  }
  console.log(`[e2e] code-server ready in ${((Date.now() - started) / 1000).toFixed(1)} s (install or cache check)`);
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function answersHttp(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve((response.statusCode ?? 500) < 500);
    });
    request.setTimeout(2000, () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  workspaceFolder: string;
  /** Leave workspace trust on, so the folder opens in restricted mode. */
  restricted?: boolean;
  locale?: string;
  userDataDir: string;
  extensionsDir: string;
  /** Extra environment for the server and so for the extension host (the suite reads its options here). */
  env?: Record<string, string>;
  /** Receives the server's own output, line by line. */
  onOutput?: (line: string) => void;
}

export interface RunningCodeServer {
  port: number;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** A scratch home for code-server's config, so nothing is written to the user's ~/.config. */
function isolatedEnvironment(stateDir: string, extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(stateDir, 'config'),
    XDG_DATA_HOME: path.join(stateDir, 'data'),
    ...extra,
  };
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const port = await freeLoopbackPort();
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', options.userDataDir,
    '--extensions-dir', options.extensionsDir,
  ];
  if (!options.restricted) {
    args.push('--disable-workspace-trust');
  }
  if (options.locale) {
    args.push('--locale', options.locale);
  }
  args.push(options.workspaceFolder);

  const child = spawnGroup(process.execPath, args, {
    env: isolatedEnvironment(options.userDataDir, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) {
        options.onOutput?.(line);
      }
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await answersHttp(`${origin}/healthz`))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before answering on ${origin}.`);
    }
    if (Date.now() > deadline) {
      await killGroup(child);
      throw new Error(`code-server did not answer on ${origin} within ${STARTUP_TIMEOUT_MS / 1000} s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { port, origin, process: child, stop: () => killGroup(child) };
}

/** `code-server --install-extension FILE.vsix`, the way a user installs a downloaded VSIX. */
export async function installVsix(vsixPath: string, extensionsDir: string, userDataDir: string): Promise<string> {
  return execFileChecked(
    process.execPath,
    [codeServerEntry, '--install-extension', vsixPath, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
    120_000,
    isolatedEnvironment(userDataDir, undefined),
  );
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `dfa-e2e-${prefix}-`));
}
