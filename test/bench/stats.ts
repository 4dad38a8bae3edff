// Small statistics and timing helpers for the benchmark: percentiles, budgets, CPU and wall time.
import { performance } from 'perf_hooks';

/** The value at `fraction` (0..1) of the sorted samples, nearest-rank. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) {
    return Number.NaN;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

export const median = (samples: readonly number[]): number => {
  if (samples.length === 0) {
    return Number.NaN;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

export interface Timed<T> {
  readonly value: T;
  /** Wall-clock milliseconds. */
  readonly wallMs: number;
  /** CPU milliseconds of this process (all threads), which other processes' load does not inflate. */
  readonly cpuMs: number;
}

export function timed<T>(run: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) {
    return '—';
  }
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}
