// `npm run bench [-- --quick] [-- --only=real,rpc,startup,synthetic]`: prints the performance table of issue 9 with each goal marked as met or missed.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChunkedTextDocument } from '../../server/src/documents/chunkedTextDocument';
import { DockerfileParser } from 'dockerfile-ast';
import { linesParsedFor, parseDockerfile } from '../../server/src/model/parseDockerfile';
import { createAdvisorService } from '../../server/src/service/advisorService';
import { allRules } from '../../server/src/rules/registry';
import { validateModel } from '../../server/src/service/validation';
import type { CorpusSample } from './corpusPass';
import { dockerLanguageServer, editingLatency, memoryAcrossEdits, referenceMemoryAcrossEdits, type EditingResult, type StartResult } from './serverBench';
import { formatBytes, formatMs, median, percentile, sum, timed, type Timed } from './stats';
import { syntheticDockerfile } from './synthetic';
import { theirValidate } from './theirs';

const projectRoot = path.resolve(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
/** Runs every measurement however long it takes; without it, measurements that would overrun their budget are skipped. */
const full = process.argv.includes('--full');
const corpusDir = path.resolve(projectRoot, '..', 'shared', 'corpus', 'dockerfiles');
/** Whether this is the bundle `npm run bench` makes (scripts/bench.mjs) rather than the sources run by tsx. */
const bundled = path.extname(__filename) === '.js';
/** Another entry point of the benchmark, in the same form as this one. */
const benchEntry = (name: string): string => path.join(__dirname, `${name}${path.extname(__filename)}`);

/**
 * How many times each kind of measurement repeats, and the milliseconds each section may spend,
 * so that the whole benchmark ends within five minutes on a 2-core machine (`--full` lifts the limits).
 */
const plan = quick
  ? { corpusPasses: 1, corpusBudgetMs: 0, syntheticRuns: 1, syntheticBudgetMs: 35_000, edits: 5, lspEdits: 15, lspBudgetMs: 30_000, positions: 100, starts: 3, memoryEdits: 1000, memoryBudgetMs: 30_000, referenceEdits: 3, referenceBudgetMs: 10_000 }
  : { corpusPasses: 5, corpusBudgetMs: 45_000, syntheticRuns: 5, syntheticBudgetMs: 110_000, edits: 20, lspEdits: 50, lspBudgetMs: 55_000, positions: 200, starts: 5, memoryEdits: 1000, memoryBudgetMs: 45_000, referenceEdits: 20, referenceBudgetMs: 30_000 };
const unlimited = Number.POSITIVE_INFINITY;
const budget = (ms: number): number => (full ? unlimited : ms);

/** Whether a measurement estimated to take `estimateMs` still fits in what is left of a section's budget. */
function fits(estimateMs: number, sectionStart: number, budgetMs: number): boolean {
  return full || Date.now() - sectionStart + estimateMs <= budgetMs;
}

interface Goal {
  readonly goal: string;
  readonly figure: string;
  readonly meets: boolean | undefined;
}
const goals: Goal[] = [];

/** Records a goal and returns the cell printed beside its figure. */
function goal(text: string, figure: string, meets: boolean | undefined): string {
  goals.push({ goal: text, figure, meets });
  return `${text}: ${meets === undefined ? 'not measured' : meets ? 'meets' : 'MISSES'}`;
}

function table(title: string, header: string[], rows: string[][], notes: string[] = []): void {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) {
    console.log(line(row));
  }
  for (const note of notes) {
    console.log(`  ${note}`);
  }
}

function printMachine(): void {
  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`Dockerfile Advisor benchmark${quick ? ' (--quick: fewer repetitions)' : ''}`);
  console.log(`Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${formatBytes(os.totalmem())} memory, ${os.type()} ${os.release()}`);
  console.log(`Node ${process.version}, ${new Date().toISOString()}, load average ${load}`);
  if (os.loadavg()[0] > cpus.length) {
    console.log(`Warning: the load average is above the number of cores; wall times are inflated. CPU-time columns are less affected.`);
  }
  console.log(
    bundled
      ? 'Code measured: bundled with the options of the shipped server (scripts/bench.mjs).'
      : 'Code measured: the sources through tsx, whose transform makes the analysis slower than the shipped bundle; `npm run bench` measures the bundle.',
  );
  console.log('Each figure is a median over repeated runs unless marked; n = runs.');
}

// ---------------------------------------------------------------------------------------------
// 1. Real Dockerfiles, ours against dockerfile-utils' validate.

function findDockerfiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? findDockerfiles(full) : entry.name === 'Dockerfile' ? [full] : [];
  });
}

function runChild(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, ...args], { cwd: projectRoot, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(stdout) : reject(new Error(`exit ${code ?? signal}: ${stderr.slice(-2000)}`))));
  });
}

async function realFiles(): Promise<void> {
  const corpus = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).sort().map((name) => path.join(corpusDir, name)) : [];
  const examples = findDockerfiles(path.join(projectRoot, 'examples'));
  const listFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dfa-bench-')), 'files.json');
  fs.writeFileSync(listFile, JSON.stringify([...corpus, ...examples]));
  const passes: CorpusSample[][] = [];
  const started = Date.now();
  let passMs = 0;
  while (passes.length < plan.corpusPasses && (passes.length === 0 || fits(passMs, started, budget(plan.corpusBudgetMs)))) {
    const passStart = Date.now();
    const output = await runChild([benchEntry('corpusPass'), listFile, String(passes.length + 1)], 600_000);
    passes.push(JSON.parse(output) as CorpusSample[]);
    passMs = Date.now() - passStart;
  }
  const byFile = new Map<string, CorpusSample[]>();
  for (const sample of passes.flat()) {
    byFile.set(sample.file, [...(byFile.get(sample.file) ?? []), sample]);
  }
  const figures = (files: string[]): CorpusSample[] =>
    files.map((file) => {
      const samples = byFile.get(file) ?? [];
      const of = (key: keyof CorpusSample): number => median(samples.map((s) => s[key] as number));
      return { file, lines: samples[0]?.lines ?? 0, oursCold: of('oursCold'), oursColdCpu: of('oursColdCpu'), oursWarm: of('oursWarm'), theirs: of('theirs'), theirsCpu: of('theirsCpu') };
    });
  const spread = (values: number[]): string => `${formatMs(median(values))} / ${formatMs(percentile(values, 0.9))} / ${formatMs(Math.max(...values))}`;
  const rows: string[][] = [];
  const notes: string[] = [];
  const corpusFigures = figures(corpus);
  const exampleFigures = figures(examples);
  const group = (label: string, list: CorpusSample[]): void => {
    if (list.length === 0) {
      return;
    }
    rows.push([
      `${label} (${list.length} files)`,
      spread(list.map((f) => f.oursCold)),
      formatMs(median(list.map((f) => f.oursColdCpu))),
      spread(list.map((f) => f.oursWarm)),
      spread(list.map((f) => f.theirs)),
      `${(sum(list.map((f) => f.oursCold)) / sum(list.map((f) => f.theirs))).toFixed(1)}×`,
      `${(sum(list.map((f) => f.oursWarm)) / sum(list.map((f) => f.theirs))).toFixed(1)}×`,
    ]);
  };
  group('corpus', corpusFigures);
  group('examples', exampleFigures);
  if (corpus.length === 0) {
    notes.push(`../shared/corpus/dockerfiles is absent (looked in ${corpusDir}): the corpus rows are skipped.`);
  }
  table(
    `1. Full analysis of real Dockerfiles (n = ${passes.length} fresh process${passes.length === 1 ? '' : 'es'} per file)`,
    ['files', 'ours cold med/p90/max', 'cold CPU med', 'ours warm med/p90/max', 'dockerfile-utils med/p90/max', 'cold/theirs', 'warm/theirs'],
    rows,
    [
      'cold = first analysis of the text in the process (parse, model, shell parse, all rules, createAdvisorService().analyse().findings());',
      'warm = the same text again on a fresh service (the shell parse cache in model/shell.ts hits); ratios are sums of per-file medians.',
      ...notes,
    ],
  );
  const measured = corpusFigures.length > 0 ? corpusFigures : exampleFigures;
  const ratio = sum(measured.map((f) => f.oursCold)) / sum(measured.map((f) => f.theirs));
  const typical = measured.filter((f) => f.lines < 100);
  const typicalCold = median(typical.map((f) => f.oursCold));
  const typicalWarm = median(typical.map((f) => f.oursWarm));
  const slowest = [...corpusFigures].sort((a, b) => b.oursCold - a.oursCold).slice(0, 5);
  table('   Goals for real files', ['figure', 'value', 'goal'], [
    [`typical Dockerfile (<100 lines, ${typical.length} files), ours cold median`, formatMs(typicalCold), goal('typical file < 2 ms', formatMs(typicalCold), typical.length > 0 ? typicalCold < 2 : undefined)],
    ['  the same, warm shell cache', formatMs(typicalWarm), ''],
    [`ours / dockerfile-utils over the ${corpusFigures.length > 0 ? 'corpus' : 'examples'} (cold)`, `${ratio.toFixed(2)}×`, goal('ours ≤ 1.5 × dockerfile-utils', `${ratio.toFixed(2)}×`, Number.isFinite(ratio) ? ratio <= 1.5 : undefined)],
  ], slowest.length > 0 ? ['slowest corpus files (ours cold / theirs):', ...slowest.map((f) => `  ${formatMs(f.oursCold).padStart(8)} / ${formatMs(f.theirs).padStart(8)}  ${f.lines} lines  ${path.basename(f.file)}`)] : []);
}

// ---------------------------------------------------------------------------------------------
// 2. Synthetic large files in this process.

/** Repeats `run` at least once and up to `max` times while the next run, judged by the last, fits the section's budget. */
function repeatWithin<T>(max: number, sectionStart: number, budgetMs: number, run: (iteration: number) => Timed<T>): Timed<T>[] {
  const results: Timed<T>[] = [run(0)];
  while (results.length < max && fits(results[results.length - 1].wallMs, sectionStart, budgetMs)) {
    results.push(run(results.length));
  }
  return results;
}

function syntheticFiles(): void {
  const sectionStart = Date.now();
  const sectionBudget = budget(plan.syntheticBudgetMs);
  const uri = 'file:///bench/big/Dockerfile';
  for (let i = 0; i < 3; i++) {
    // Warm the JIT, as the corpus passes do, so that the first size does not pay for compilation.
    createAdvisorService().analyse(uri, 1, syntheticDockerfile(300, 5, 900_000 + i).text).findings();
  }
  const rows: string[][] = [];
  const perInstruction = new Map<number, Map<number, number>>([[10, new Map()], [100, new Map()]]);
  const sizes = [1000, 5000, 20000];
  const files = sizes.flatMap((instructions) => [10, 100].map((stages) => ({ instructions, stages })));
  let lastMsPerInstruction = 0;
  let salt = 1;
  for (const [position, { instructions, stages }] of files.entries()) {
    const sample = syntheticDockerfile(instructions, stages, salt);
    const label = `${instructions} instr, ${stages} stages`;
    // Cold analysis, theirs and one edit cost about twice one cold analysis; a file growing faster than linearly, more.
    const estimate = 3 * lastMsPerInstruction * instructions;
    if (lastMsPerInstruction > 0 && !fits(estimate, sectionStart, sectionBudget)) {
      rows.push([label, `${sample.lines}`, formatBytes(sample.text.length), `skipped: ~${formatMs(estimate)} estimated (--full runs it)`, '', '', '', '', '', '']);
      continue;
    }
    // The files left share what remains of the budget; within a file, cold runs get half, edits a third.
    const fileStart = Date.now();
    const fileBudget = (sectionBudget - (fileStart - sectionStart)) / (files.length - position);
    let last: { file: ReturnType<typeof syntheticDockerfile>; service: ReturnType<typeof createAdvisorService> } | undefined;
    // Each run gets new RUN texts so that the shell parse cache cannot help: a first open.
    const cold = repeatWithin(plan.syntheticRuns, fileStart, fileBudget * 0.5, () => {
      const file = syntheticDockerfile(instructions, stages, salt++);
      const service = createAdvisorService();
      last = { file, service };
      return timed(() => service.analyse(uri, 1, file.text).findings().length);
    });
    const { file, service } = last!;
    const theirs = repeatWithin(plan.syntheticRuns, Date.now(), fileBudget * 0.15, () => timed(() => theirValidate(file.text)));
    const document = TextDocument.create(uri, 'dockerfile', 1, file.text);
    const line = document.getText({ start: { line: file.editLine, character: 0 }, end: { line: file.editLine + 1, character: 0 } }).replace(/\r?\n$/, '');
    const edits = repeatWithin(plan.edits, Date.now(), fileBudget * 0.35, (edit) =>
      timed(() => {
        // Typing one character into a package name near the end; only that RUN is parsed again.
        const range = { start: { line: file.editLine, character: 0 }, end: { line: file.editLine, character: line.length } };
        TextDocument.update(document, [{ range, text: line.replace('libssl', `libssl${edit}`) }], document.version + 1);
        return service.analyse(uri, document.version, document.getText()).findings().length;
      }),
    );
    const coldMs = median(cold.map((t) => t.wallMs));
    lastMsPerInstruction = coldMs / instructions;
    perInstruction.get(stages)!.set(instructions, lastMsPerInstruction);
    rows.push([
      label,
      `${file.lines}`,
      formatBytes(file.text.length),
      `${formatMs(coldMs)} (n=${cold.length})`,
      formatMs(median(cold.map((t) => t.cpuMs))),
      `${(1000 * lastMsPerInstruction).toFixed(0)} µs`,
      `${formatMs(median(theirs.map((t) => t.wallMs)))} (n=${theirs.length})`,
      `${formatMs(median(edits.map((t) => t.wallMs)))} (n=${edits.length})`,
      formatMs(median(edits.map((t) => t.cpuMs))),
      `${cold[0].value}`,
    ]);
  }
  // Linear growth: time per instruction at the largest size measured against the smallest, for each stage count.
  const growths = [...perInstruction].flatMap(([stages, bySize]) => {
    const sizes = [...bySize.keys()].sort((a, b) => a - b);
    return sizes.length < 2 ? [] : [{ stages, from: sizes[0], to: sizes[sizes.length - 1], ratio: bySize.get(sizes[sizes.length - 1])! / bySize.get(sizes[0])! }];
  });
  const worst = growths.reduce<(typeof growths)[number] | undefined>((a, b) => (a === undefined || b.ratio > a.ratio ? b : a), undefined);
  const growthText = growths.map((g) => `${g.stages} stages ${g.from}→${g.to}: ${g.ratio.toFixed(2)}×`).join(', ') || 'fewer than two sizes measured';
  table(
    '2. Synthetic large files (heredocs, apt-get chains with continuations, pipes), in process',
    ['file', 'lines', 'size', 'full analysis', 'CPU', 'per instr', 'dockerfile-utils', 'one-line edit', 'edit CPU', 'findings'],
    rows,
    [
      'full analysis = first open (every RUN new to the shell parse cache); one-line edit = TextDocument.update near the end + analyse of the new version.',
      `time per instruction, largest size against 1,000 (${growthText}) — ${goal('cost grows linearly (time per instruction ≤ 1.5 × that at 1,000)', worst ? `${worst.ratio.toFixed(2)}×` : '?', worst ? worst.ratio <= 1.5 : undefined)}`,
    ],
  );
  editBreakdown();
}

/** A full garbage collection, with the collector exposed at run time (the bench runs without --expose-gc). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** Where a one-line edit of the 5,000-instruction file spends its time, step by step. */
function editBreakdown(): void {
  const file = syntheticDockerfile(5000, 10, 4242);
  const lines = file.text.split('\n');
  const steps = { parse: [] as number[], model: [] as number[], validation: [] as number[], lines: [] as number[] };
  // The first version fills the caches (shell parses, the stages' dockerfile-utils findings), as the open of the file does.
  let previous = parseDockerfile(file.text);
  validateModel(previous);
  for (let edit = 0; edit < plan.edits; edit++) {
    lines[file.editLine] = lines[file.editLine].replace(/libssl\S*/, `libssl${edit}`);
    const text = lines.join('\n');
    steps.parse.push(timed(() => DockerfileParser.parse(text)).wallMs);
    const model = timed(() => parseDockerfile(text, previous));
    steps.model.push(model.wallMs);
    steps.lines.push(linesParsedFor(model.value) ?? model.value.index.lineCount);
    steps.validation.push(timed(() => validateModel(model.value)).wallMs);
    previous = model.value;
  }
  // A leak shows as live data that grows with edits; RSS also moves with the collector's timing, so the heap after a full collection is measured too.
  const liveHeap = (): number => {
    collectGarbage();
    return process.memoryUsage().heapUsed;
  };
  const service = createAdvisorService();
  const uri = 'file:///bench/leak/Dockerfile';
  service.analyse(uri, 1, file.text).findings();
  const heapBefore = liveHeap();
  const leakEdits = quick ? 50 : 200;
  for (let edit = 0; edit < leakEdits; edit++) {
    lines[file.editLine] = lines[file.editLine].replace(/libssl\S*/, `libssl-leak${edit}`);
    service.analyse(uri, edit + 2, lines.join('\n')).findings();
  }
  const heapAfter = liveHeap();
  const keystrokes = keystrokeCosts(file.text, file.editLine);
  table(
    '2b. One-line edit of the 5,000-instruction file (10 stages), step by step, in process',
    ['step', 'median', 'n'],
    [
      ['a whole-text dockerfile-ast parse, for comparison (not done on an edit)', formatMs(median(steps.parse)), `${steps.parse.length}`],
      [`model: the edited piece parsed again (${median(steps.lines)} of ${file.lines} lines), the edited stage's instructions, scopes, cached shell parses`, formatMs(median(steps.model)), `${steps.model.length}`],
      [`validation: dockerfile-utils on the edited part, stage-local rules on the edited stage, the other rules on the file (${allRules.length} rules)`, formatMs(median(steps.validation)), `${steps.validation.length}`],
      [`live heap after a full collection, before / after ${leakEdits} edits`, `${formatBytes(heapBefore)} / ${formatBytes(heapAfter)}`, '1'],
      [`one keystroke into the server's copy of the document: ChunkedTextDocument / the package's TextDocument`, `${formatMs(keystrokes.chunked)} / ${formatMs(keystrokes.package)}`, `${keystrokes.n}`],
    ],
  );
}

/**
 * What applying one typed character costs the server's copy of a document (before any
 * analysis): the package's TextDocument copies the whole text on each, ours one chunk.
 */
function keystrokeCosts(text: string, line: number): { chunked: number; package: number; n: number } {
  const n = quick ? 50 : 300;
  const type = (document: { update(changes: TextDocumentContentChangeEvent[], version: number): void }): number[] =>
    Array.from({ length: n }, (_, i) => timed(() => document.update([{ range: { start: { line, character: i % 20 }, end: { line, character: i % 20 } }, text: 'x' }], i + 2)).wallMs);
  const packageDocument = TextDocument.create('file:///bench/keys/Dockerfile', 'dockerfile', 1, text);
  return {
    chunked: median(type(new ChunkedTextDocument('file:///bench/keys/Dockerfile', 'dockerfile', 1, text))),
    package: median(type({ update: (changes, version) => TextDocument.update(packageDocument, changes, version) })),
    n,
  };
}

// ---------------------------------------------------------------------------------------------
// 3 and 4. The built server over JSON-RPC, activation, VSIX, memory.

function debounceMs(): number | undefined {
  try {
    const match = /diagnosticsDelayMs\s*=\s*(\d+)/.exec(fs.readFileSync(path.join(projectRoot, 'server', 'src', 'server.ts'), 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** What section 3 learnt that section 4 uses: the cost of opening 5,000 instructions and the memory it took. */
let fiveThousand: EditingResult | undefined;

async function overJsonRpc(): Promise<void> {
  const file = syntheticDockerfile(5000, 10, 777_001);
  const editBudgetMs = budget(plan.lspBudgetMs * 0.4);
  const requestBudgetMs = budget(plan.lspBudgetMs * 0.6);
  const result = await editingLatency(file, { edits: plan.lspEdits, positions: plan.positions, editBudgetMs, requestBudgetMs });
  fiveThousand = result;
  const debounce = debounceMs();
  const change = median(result.changeToDiagnostics);
  const p = (samples: number[]): string => `${formatMs(median(samples))} / ${formatMs(percentile(samples, 0.99))}`;
  const hoverP99 = percentile(result.hover, 0.99);
  const completionP99 = percentile(result.completion, 0.99);
  const rss = (bytes: number | undefined): string => (bytes === undefined ? 'unknown' : formatBytes(bytes));
  table(`3. The built server over JSON-RPC, 5,000-instruction file (${file.lines} lines)`, ['figure', 'median / p99', 'n', 'goal'], [
    ['open → first diagnostics', formatMs(result.openMs), '1', ''],
    ['server RSS after opening it / after the edits', `${rss(result.rssAfterOpen)} / ${rss(result.rssAfterEdits)}`, '1', ''],
    ['didChange → publishDiagnostics (debounce included)', p(result.changeToDiagnostics), `${result.changeToDiagnostics.length}`, goal('5,000 instructions: diagnostics ≤ 100 ms after a change (median)', formatMs(change), change <= 100)],
    [`  of which the server's debounce`, debounce === undefined ? 'unknown' : `${debounce} ms`, '', ''],
    ['  without the debounce', debounce === undefined ? '—' : formatMs(change - debounce), '', ''],
    [`hover (${result.hoverAnswered} of ${result.hover.length} positions answered)`, p(result.hover), `${result.hover.length}`, goal('hover p99 < 10 ms', formatMs(hoverP99), hoverP99 < 10)],
    [`completion (${result.completionAnswered} of ${result.completion.length} positions answered)`, p(result.completion), `${result.completion.length}`, goal('completion p99 < 10 ms', formatMs(completionP99), completionP99 < 10)],
  ]);
}

/** The e2e suite's activation figure, from any JSON file it wrote under test-results/. */
function activationFromE2e(): { ms: number; source: string } | undefined {
  const root = path.join(projectRoot, 'test-results');
  const jsonFiles = (dir: string, depth: number): string[] =>
    !fs.existsSync(dir) || depth > 3
      ? []
      : fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? jsonFiles(path.join(dir, entry.name), depth + 1) : entry.name.endsWith('.json') ? [path.join(dir, entry.name)] : [],
        );
  const find = (value: unknown): number | undefined => {
    if (!value || typeof value !== 'object') {
      return undefined;
    }
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'activation') {
        const ms = typeof inner === 'number' ? inner : typeof inner === 'string' ? Number.parseFloat(inner) : Number.NaN;
        if (Number.isFinite(ms)) {
          return ms;
        }
      }
      const nested = find(inner);
      if (nested !== undefined) {
        return nested;
      }
    }
    return undefined;
  };
  for (const file of jsonFiles(root, 0)) {
    try {
      const ms = find(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (ms !== undefined) {
        return { ms, source: path.relative(projectRoot, file) };
      }
    } catch {
      // Not JSON we can read: look at the next file.
    }
  }
  return undefined;
}

function runNpm(args: string[], timeoutMs: number): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: projectRoot, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${String(error)}` }));
    child.on('exit', (code, signal) => resolve({ ok: code === 0, output: code === 0 ? output : `${output}\nexit ${code ?? signal}` }));
  });
}

async function vsixSize(): Promise<{ bytes?: number; why?: string }> {
  const vsix = path.join(projectRoot, 'dist-vsix', 'dockerfile-advisor.vsix');
  const packaged = await runNpm(['run', 'package', '--silent'], 240_000);
  // Packaging leaves a minified build in dist/; put back the development build the other scripts expect.
  await runNpm(['run', 'build', '--silent'], 120_000);
  if (!packaged.ok || !fs.existsSync(vsix)) {
    const reason = packaged.output.trim().split('\n').filter((l) => /error|ERROR|fail/i.test(l)).slice(-3).join(' | ') || packaged.output.trim().split('\n').slice(-3).join(' | ');
    return { why: `npm run package failed: ${reason}` };
  }
  return { bytes: fs.statSync(vsix).size };
}

async function packageSize(rows: string[][]): Promise<void> {
  const vsix = await vsixSize();
  rows.push([
    'VSIX size (npm run package)',
    vsix.bytes === undefined ? `not measured: ${vsix.why}` : formatBytes(vsix.bytes),
    '1',
    goal('VSIX < 1.5 MB', vsix.bytes === undefined ? '?' : formatBytes(vsix.bytes), vsix.bytes === undefined ? undefined : vsix.bytes < 1.5 * 1024 * 1024),
  ]);
}

/** Server starts measured from a fresh client process (startProbe.ts). */
async function startsInChild(text: string, runs: number, env: NodeJS.ProcessEnv): Promise<StartResult> {
  const textFile = path.join(os.tmpdir(), `dfa-bench-start-${process.pid}.Dockerfile`);
  fs.writeFileSync(textFile, text);
  try {
    return JSON.parse(await runChild([benchEntry('startProbe'), textFile, String(runs), JSON.stringify(env)], 120_000)) as StartResult;
  } finally {
    fs.rmSync(textFile, { force: true });
  }
}

async function startupAndFootprint(): Promise<void> {
  const example = findDockerfiles(path.join(projectRoot, 'examples'))[0];
  const startText = example ? fs.readFileSync(example, 'utf8') : 'FROM alpine:3.20\nRUN apk add curl\n';
  // The server as the client starts it: with a private compile-cache directory (used by Node 22.1+).
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfa-bench-cache-'));
  const clientEnv: NodeJS.ProcessEnv = { ...process.env, DOCKERFILE_ADVISOR_COMPILE_CACHE: cacheDir };
  // NODE_EXTRA_CA_CERTS makes Node load a certificate bundle before running anything (75 ms for this
  // machine's 140 certificates); it is set here by the sandbox, not on a typical machine, so the goal
  // is measured without it and the figure with it is shown below.
  const typicalEnv: NodeJS.ProcessEnv = { ...clientEnv };
  delete typicalEnv.NODE_EXTRA_CA_CERTS;
  const start = await startsInChild(startText, plan.starts + 1, typicalEnv);
  // The first start fills the compile cache; the median is over the starts after it.
  const warm = start.samples.slice(1);
  const startMedian = median(warm);
  const rows: string[][] = [[
    'server start → first diagnostics (small Dockerfile)',
    start.error ? `failed: ${start.error}` : formatMs(startMedian),
    `${warm.length}`,
    goal('start to first diagnostics < 300 ms', formatMs(startMedian), warm.length > 0 ? startMedian < 300 : undefined),
  ], ['  of which spawn → initialize answered', formatMs(median(start.initialized.slice(1))), `${start.initialized.length - 1}`, ''],
  ['  the very first start (compile cache empty)', start.samples.length > 0 ? formatMs(start.samples[0]) : '?', '1', '']];
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const withCertificates = await startsInChild(startText, plan.starts, clientEnv);
    rows.push([`  with this machine's NODE_EXTRA_CA_CERTS (${path.basename(process.env.NODE_EXTRA_CA_CERTS)})`, formatMs(median(withCertificates.samples)), `${withCertificates.samples.length}`, '']);
  }
  fs.rmSync(cacheDir, { recursive: true, force: true });

  const activation = activationFromE2e();
  rows.push([
    'extension activation (e2e suite)',
    activation ? `${formatMs(activation.ms)} (${activation.source})` : 'not measured (run the e2e suite)',
    activation ? '1' : '0',
    goal('activation < 50 ms', activation ? formatMs(activation.ms) : 'not measured', activation ? activation.ms < 50 : undefined),
  ]);

  const big = syntheticDockerfile(20000, 100, 777_002);
  // Opening 20,000 instructions costs at least four times opening 5,000; skip it when that alone overruns the budget.
  const openEstimate = fiveThousand ? 4 * fiveThousand.openMs : 0;
  if (!fits(openEstimate, Date.now(), budget(plan.memoryBudgetMs))) {
    rows.push(
      [`20,000-instruction file: skipped, opening it would take ~${formatMs(openEstimate)} (--full runs it)`, '', '0', goal('RSS < 80 MB on the 20,000-instruction file', 'skipped', undefined)],
      ['  server RSS with the 5,000-instruction file open (section 3)', fiveThousand?.rssAfterOpen === undefined ? 'unknown' : formatBytes(fiveThousand.rssAfterOpen), '1', ''],
    );
    goal('RSS flat across edits (≤ +10%)', 'skipped', undefined);
    await packageSize(rows);
    table('4. Start-up, activation, memory and package size', ['figure', 'value', 'n', 'goal'], rows);
    return;
  }
  const memory = await memoryAcrossEdits(big, { edits: plan.memoryEdits, budgetMs: budget(plan.memoryBudgetMs) });
  const last = memory.checkpoints[memory.checkpoints.length - 1];
  const rssOpen = memory.afterOpen;
  const rssEnd = last?.rss;
  const flat = rssOpen !== undefined && rssEnd !== undefined ? rssEnd <= rssOpen * 1.1 : undefined;
  rows.push(
    [`open 20,000-instruction file (${formatBytes(big.text.length)}) → first diagnostics`, formatMs(memory.openMs), '1', ''],
    ['server RSS after opening it', rssOpen === undefined ? 'unknown' : formatBytes(rssOpen), '1', goal('RSS < 80 MB on the 20,000-instruction file', rssOpen === undefined ? '?' : formatBytes(rssOpen), rssOpen === undefined ? undefined : rssOpen < 80 * 1024 * 1024)],
    [
      `server RSS after ${last?.edits ?? 0} edits (${memory.checkpoints.length} analyses)`,
      rssEnd === undefined ? 'unknown' : `${formatBytes(rssEnd)} (${rssOpen && rssEnd ? `${rssEnd >= rssOpen ? '+' : ''}${formatBytes(rssEnd - rssOpen)}` : ''})`,
      '1',
      goal('RSS flat across edits (≤ +10%)', rssEnd === undefined ? '?' : formatBytes(rssEnd), flat),
    ],
    ['  didChange → diagnostics on it, per analysis', formatMs(median(memory.checkpoints.map((c) => c.analyseMs))), `${memory.checkpoints.length}`, ''],
  );
  // A leak climbs from one half of the edits to the next; collector slack moves within the same band in both.
  const band = (checkpoints: typeof memory.checkpoints): string => {
    const rss = checkpoints.map((c) => c.rss).filter((value): value is number => value !== undefined);
    return rss.length > 0 ? `${formatBytes(Math.min(...rss))}–${formatBytes(Math.max(...rss))}` : 'unknown';
  };
  const half = Math.ceil(memory.checkpoints.length / 2);
  rows.push([
    '  RSS band over the first / second half of the edits',
    `${band(memory.checkpoints.slice(0, half))} / ${band(memory.checkpoints.slice(half))}`,
    `${memory.checkpoints.length}`,
    '',
  ]);
  await referenceMemory(big, rows);

  await packageSize(rows);
  table('4. Start-up, activation, memory and package size', ['figure', 'value', 'n', 'goal'], rows, [
    `RSS trend (edits: RSS): ${memory.checkpoints.map((c) => `${c.edits}: ${c.rss === undefined ? '?' : formatBytes(c.rss)}`).join(', ')}`,
  ]);
}

/**
 * The same memory measurement on Docker's language server, for scale: it keeps each document's
 * text only and parses it again for every request, so its RSS is about the least a server built
 * on dockerfile-ast needs for this file, and its didChange → diagnostics is what keeping
 * nothing costs. It is a devDependency; without it the rows say so.
 */
async function referenceMemory(big: ReturnType<typeof syntheticDockerfile>, rows: string[][]): Promise<void> {
  const reference = dockerLanguageServer(projectRoot);
  const name = `Docker's language server${reference ? ` ${reference.version}` : ''} (dockerfile-language-server-nodejs), same file`;
  if (!reference) {
    rows.push([`${name}: not measured, the package is not installed (npm ci installs it)`, '', '0', '']);
    return;
  }
  try {
    const result = await referenceMemoryAcrossEdits(reference.path, big, { edits: plan.referenceEdits, budgetMs: budget(plan.referenceBudgetMs) });
    const rss = (bytes: number | undefined): string => (bytes === undefined ? 'unknown' : formatBytes(bytes));
    rows.push(
      [`${name}: RSS after opening it`, rss(result.afterOpen), '1', ''],
      [`  its RSS after ${result.edits} edits`, rss(result.afterEdits), '1', ''],
      ['  its didChange → diagnostics (no debounce)', formatMs(median(result.changeToDiagnostics)), `${result.edits}`, ''],
    );
  } catch (error) {
    rows.push([`${name}: failed: ${String(error).split('\n')[0]}`, '', '0', '']);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  printMachine();
  // The in-process section runs last: the heap it leaves behind would delay this process's JSON-RPC requests.
  // Start-up first: a client process that has not yet filled its heap answers the server promptly.
  const sections = [
    ['start-up and footprint', 'startup', startupAndFootprint],
    ['real files', 'real', realFiles],
    ['JSON-RPC', 'rpc', overJsonRpc],
    ['synthetic files', 'synthetic', async () => syntheticFiles()],
  ] as const;
  // `--only=startup,rpc` runs some sections, for quick checks while optimising one figure.
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  for (const [name, key, section] of sections) {
    if (only && !only.includes(key)) {
      continue;
    }
    try {
      await section();
    } catch (error) {
      console.log(`\n[${name}] could not be measured: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  table('Goals of issue 9', ['goal', 'figure', 'result'], goals.map((g) => [g.goal, g.figure, g.meets === undefined ? 'not measured' : g.meets ? 'meets' : 'MISSES']), [
    `bench took ${((Date.now() - started) / 1000).toFixed(0)} s; load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
