// The server's side of the shell worker thread: scripts out, parses back, and nothing lost if the thread fails.
import { Worker } from 'worker_threads';
import type { ParsedScript } from './model/shell';

export interface ShellWorkerRequest {
  readonly id: number;
  readonly texts: readonly string[];
}

export interface ShellWorkerReply {
  readonly id: number;
  readonly parsed: readonly ParsedScript[];
}

export interface ShellWorker {
  /** The parses of `texts`, in order; undefined when the thread failed or took longer than `timeoutMs` (the caller then parses itself). */
  parse(texts: readonly string[], timeoutMs?: number): Promise<ParsedScript[] | undefined>;
  /** Ends the thread; later calls to `parse` answer undefined. */
  dispose(): void;
}

/**
 * Starts the thread. Called first thing in the server process, before the server's own
 * code loads, so that both start together on a machine with two cores or more.
 */
export function startShellWorker(file: string): ShellWorker | undefined {
  let worker: Worker | undefined;
  try {
    worker = new Worker(file);
  } catch {
    return undefined;
  }
  const pending = new Map<number, (parsed: ParsedScript[] | undefined) => void>();
  let nextId = 1;
  const fail = (): void => {
    for (const resolve of pending.values()) {
      resolve(undefined);
    }
    pending.clear();
    worker = undefined;
  };
  worker.on('message', (reply: ShellWorkerReply) => {
    const resolve = pending.get(reply.id);
    pending.delete(reply.id);
    resolve?.([...reply.parsed]);
  });
  worker.on('error', fail);
  worker.on('exit', fail);
  // The thread must never keep the server process alive after the connection ends.
  worker.unref();
  return {
    parse(texts, timeoutMs = 5000) {
      const current = worker;
      if (!current) {
        return Promise.resolve(undefined);
      }
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(undefined);
        }, timeoutMs);
        pending.set(id, (parsed) => {
          clearTimeout(timer);
          resolve(parsed);
        });
        current.postMessage({ id, texts } satisfies ShellWorkerRequest);
      });
    },
    dispose() {
      const current = worker;
      fail();
      void current?.terminate();
    },
  };
}
