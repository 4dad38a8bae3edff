// Starts a private Docker engine for these tests with scripts/start-dockerd.sh, and stops it afterwards.
import { execFile } from 'node:child_process';
import * as path from 'node:path';

export interface Engine {
  readonly dockerHost: string;
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../../..');
const script = path.join(root, 'scripts/start-dockerd.sh');

function run(args: string[], timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(script, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The engine, or the reason it could not start (the tests then skip and print it). */
export async function startEngine(): Promise<Engine | string> {
  const started = await run(['start'], 240_000);
  const dockerHost = /^DOCKER_HOST=(.+)$/m.exec(started.stdout)?.[1];
  const dir = /^DOCKERD_DIR=(.+)$/m.exec(started.stdout)?.[1];
  if (started.code !== 0 || !dockerHost || !dir) {
    return `scripts/start-dockerd.sh exited ${started.code}: ${started.stderr.trim().split('\n').slice(-5).join(' | ')}`;
  }
  return {
    dockerHost,
    env: { ...process.env, DOCKER_HOST: dockerHost },
    stop: async () => {
      await run(['stop', dir], 60_000);
    },
  };
}
