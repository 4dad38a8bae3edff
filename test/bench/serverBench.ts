// Measurements over real JSON-RPC with the built server: diagnostics after a change, hover, completion, start-up, memory.
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { startServer, type TestServer } from '../protocol/lspClient';
import { median } from './stats';
import type { SyntheticFile } from './synthetic';

/** Large enough for the 20,000-instruction file, which the default limit of 2 MB may refuse. */
const settings = { maxFileSize: 64 * 1024 * 1024 };

/** The server's resident memory in bytes, from /proc; undefined where /proc is missing. */
export function residentMemory(pid: number | undefined): number | undefined {
  if (pid === undefined) {
    return undefined;
  }
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A one-line edit of `file.editLine`, different for every `edit` so no parse result can be reused for it. */
function editChange(file: SyntheticFile, edit: number): unknown {
  const line = file.text.split('\n', file.editLine + 1)[file.editLine];
  return {
    range: { start: { line: file.editLine, character: 0 }, end: { line: file.editLine, character: line.length } },
    text: `        libssl-edit${edit}=3.0.${edit} \\`,
  };
}

/**
 * Sends one edit and resolves with the milliseconds until its diagnostics arrive: those of its
 * version, or (`versioned` false, for a server that publishes no version) the next ones.
 */
async function timedEdit(server: TestServer, uri: string, file: SyntheticFile, version: number, timeoutMs: number, versioned = true): Promise<number> {
  const start = performance.now();
  const published = server.diagnostics(uri, versioned ? version : undefined, timeoutMs);
  server.change(uri, version, [editChange(file, version)]);
  await published;
  return performance.now() - start;
}

/** Opens `file` as version 1 and resolves with the milliseconds until its first diagnostics arrive. */
async function timedOpen(server: TestServer, uri: string, file: SyntheticFile, versioned = true): Promise<number> {
  const start = performance.now();
  const published = server.diagnostics(uri, versioned ? 1 : undefined, 600_000);
  server.open(uri, file.text, 1);
  await published;
  return performance.now() - start;
}

export interface StartResult {
  readonly samples: number[];
  /** From spawning to the answer to `initialize`: loading the bundle and starting up. */
  readonly initialized: number[];
  readonly error?: string;
}

/** From spawning the server to the first diagnostics of a small Dockerfile, `runs` times. */
export async function startToFirstDiagnostics(text: string, runs: number, env?: NodeJS.ProcessEnv): Promise<StartResult> {
  const samples: number[] = [];
  const initialized: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const server = await startServer({ settings, env });
    initialized.push(performance.now() - start);
    try {
      const uri = 'file:///bench/start/Dockerfile';
      const published = server.diagnostics(uri, 1, 30_000);
      server.open(uri, text, 1);
      await published;
      samples.push(performance.now() - start);
    } catch (error) {
      return { samples, initialized, error: String(error) };
    } finally {
      await server.stop();
    }
  }
  return { samples, initialized };
}

export interface EditingResult {
  readonly openMs: number;
  readonly rssAfterOpen: number | undefined;
  readonly rssAfterEdits: number | undefined;
  readonly changeToDiagnostics: number[];
  readonly hover: number[];
  readonly completion: number[];
  readonly hoverAnswered: number;
  readonly completionAnswered: number;
}

/** Positions spread over the whole file: on keywords, inside arguments and at line ends. */
function positionsAcross(text: string, count: number): { line: number; character: number }[] {
  const lines = text.split('\n');
  const positions: { line: number; character: number }[] = [];
  for (let k = 0; k < count; k++) {
    const line = Math.floor(((k + 0.5) * (lines.length - 1)) / count);
    const content = lines[line];
    const space = content.search(/\s\S/);
    const character = k % 3 === 0 ? Math.min(1, content.length) : k % 3 === 1 && space >= 0 ? space + 2 : content.length;
    positions.push({ line, character });
  }
  return positions;
}

/** Diagnostics after a change (sequential edits near the end), then hover and completion across the file. */
export async function editingLatency(
  file: SyntheticFile,
  options: { edits: number; positions: number; editBudgetMs: number; requestBudgetMs: number },
): Promise<EditingResult> {
  const server = await startServer({ settings });
  try {
    const uri = 'file:///bench/edit/Dockerfile';
    const openMs = await timedOpen(server, uri, file);
    const rssAfterOpen = residentMemory(server.process.pid);

    const changeToDiagnostics: number[] = [];
    const started = performance.now();
    let version = 1;
    while (changeToDiagnostics.length < options.edits && (changeToDiagnostics.length < 5 || performance.now() - started < options.editBudgetMs)) {
      version++;
      changeToDiagnostics.push(await timedEdit(server, uri, file, version, 600_000));
    }
    const rssAfterEdits = residentMemory(server.process.pid);

    const request = async (method: string, position: { line: number; character: number }): Promise<{ ms: number; answered: boolean }> => {
      const start = performance.now();
      const result = (await server.connection.sendRequest(method, { textDocument: { uri }, position })) as unknown;
      const ms = performance.now() - start;
      const answered = Array.isArray(result) ? result.length > 0 : result !== null && typeof result === 'object' && ('items' in result ? (result as { items: unknown[] }).items.length > 0 : true);
      return { ms, answered };
    };
    const positions = positionsAcross(file.text, options.positions);
    // Warm the handlers so the first requests do not measure lazy loading.
    for (const position of positions.slice(0, 5)) {
      await request('textDocument/hover', position);
      await request('textDocument/completion', position);
    }
    const hover: number[] = [];
    const completion: number[] = [];
    let hoverAnswered = 0;
    let completionAnswered = 0;
    const requestsStart = performance.now();
    for (const position of positions) {
      if (hover.length >= 20 && performance.now() - requestsStart > options.requestBudgetMs) {
        break;
      }
      const h = await request('textDocument/hover', position);
      hover.push(h.ms);
      hoverAnswered += h.answered ? 1 : 0;
      const c = await request('textDocument/completion', position);
      completion.push(c.ms);
      completionAnswered += c.answered ? 1 : 0;
    }
    return { openMs, rssAfterOpen, rssAfterEdits, changeToDiagnostics, hover, completion, hoverAnswered, completionAnswered };
  } finally {
    await server.stop();
  }
}

export interface MemoryResult {
  readonly openMs: number;
  readonly afterOpen: number | undefined;
  /** Resident memory after each batch of edits, with the number of edits sent so far. */
  readonly checkpoints: { edits: number; rss: number | undefined; analyseMs: number }[];
}

/**
 * Opens the large file, then sends `edits` edits in batches; the server analyses once per batch
 * (its debounce merges the edits of a batch), and memory is read after every analysis.
 */
export async function memoryAcrossEdits(file: SyntheticFile, options: { edits: number; budgetMs: number }): Promise<MemoryResult> {
  const server = await startServer({ settings });
  try {
    const uri = 'file:///bench/memory/Dockerfile';
    const openMs = await timedOpen(server, uri, file);
    const afterOpen = residentMemory(server.process.pid);
    const checkpoints: MemoryResult['checkpoints'] = [];
    // One analysis of a version costs about what the first edit costs; size the batches to fit the budget.
    const first = await timedEdit(server, uri, file, 2, 600_000);
    checkpoints.push({ edits: 1, rss: residentMemory(server.process.pid), analyseMs: first });
    const analyses = Math.min(50, options.edits, Math.max(4, Math.floor(options.budgetMs / Math.max(first, 1))));
    const batch = Math.max(1, Math.ceil((options.edits - 1) / analyses));
    let version = 2;
    while (version - 1 < options.edits) {
      const last = Math.min(options.edits + 1, version + batch);
      for (version++; version < last; version++) {
        server.change(uri, version, [editChange(file, version)]);
      }
      const ms = await timedEdit(server, uri, file, version, 600_000);
      checkpoints.push({ edits: version - 1, rss: residentMemory(server.process.pid), analyseMs: ms });
    }
    return { openMs, afterOpen, checkpoints };
  } finally {
    await server.stop();
  }
}

/** Where Docker's language server (the npm package dockerfile-language-server-nodejs) is installed, and its version; undefined when it is not. */
export function dockerLanguageServer(projectRoot: string): { path: string; version: string } | undefined {
  const folder = path.join(projectRoot, 'node_modules', 'dockerfile-language-server-nodejs');
  try {
    const { version } = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string };
    const server = path.join(folder, 'lib', 'server.js');
    return fs.existsSync(server) ? { path: server, version } : undefined;
  } catch {
    return undefined;
  }
}

export interface ReferenceMemoryResult {
  readonly openMs: number;
  readonly afterOpen: number | undefined;
  readonly afterEdits: number | undefined;
  readonly edits: number;
  readonly changeToDiagnostics: number[];
}

/**
 * The memory measurement of `memoryAcrossEdits`, on another language server: Docker's, which
 * keeps each document's text only and parses it again for every request. It validates every
 * change at once and publishes diagnostics without a version, so each edit is sent alone and
 * the next publication is its answer; its edits cost seconds on this file, so it makes as many
 * as `budgetMs` allows, up to `edits`.
 */
export async function referenceMemoryAcrossEdits(serverPath: string, file: SyntheticFile, options: { edits: number; budgetMs: number }): Promise<ReferenceMemoryResult> {
  const server = await startServer({ serverPath, settings });
  try {
    const uri = 'file:///bench/memory/Dockerfile';
    const openMs = await timedOpen(server, uri, file, false);
    const afterOpen = residentMemory(server.process.pid);
    const changeToDiagnostics: number[] = [];
    const started = performance.now();
    let version = 1;
    while (changeToDiagnostics.length < options.edits && (changeToDiagnostics.length === 0 || performance.now() - started + median(changeToDiagnostics) <= options.budgetMs)) {
      version++;
      changeToDiagnostics.push(await timedEdit(server, uri, file, version, 600_000, false));
    }
    return { openMs, afterOpen, afterEdits: residentMemory(server.process.pid), edits: changeToDiagnostics.length, changeToDiagnostics };
  } finally {
    await server.stop();
  }
}
