// Fuzzes the whole service with mutated Dockerfiles: analysis, every rule, hover, completion and every fix.
// Usage: tsx test/fuzz/run.ts [--seed N] [--count N] [--quick]
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Finding } from '../../server/src/service/validation';
import { createAdvisorService } from '../../server/src/service/advisorService';
import { onContainedFailure, describeError, type ContainedFailure } from '../../server/src/util/contain';
import { checkInput, analyser, type Tally } from '../unit/fixes/fixProperties';
import { createRandom, hugeInputs, mutationNames, mutations } from './mutations';

// Bundled into dist-test/fuzz/ (see scripts/fuzz.mjs) or run from test/fuzz/: both sit two folders below the root.
const root = path.resolve(__dirname, '..', '..');
const regressions = path.join(root, 'test', 'fuzz', 'regressions');
const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const quick = argv.includes('--quick');
const seed = option('--seed', 20261128);
const count = option('--count', quick ? 400 : 5000);

const fixesPerInput = 40;
/** A generous bound (40 µs a character) that grows with the input: a catastrophic regex blows far past it. */
const timeBoundMs = (text: string): number => 1000 + text.length / 25;

function seedTexts(): Array<{ name: string; text: string }> {
  const seeds: Array<{ name: string; text: string }> = [];
  const addFolder = (dir: string, filter: (name: string) => boolean): void => {
    if (!fs.existsSync(dir)) {
      return;
    }
    for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
      const full = path.join(dir, name);
      if (filter(path.basename(name)) && fs.statSync(full).isFile()) {
        seeds.push({ name: path.relative(root, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  addFolder(path.join(root, 'examples'), (n) => /dockerfile/i.test(n));
  addFolder(path.resolve(root, '..', 'shared', 'corpus', 'dockerfiles'), () => true);
  const hadolint = path.resolve(root, '..', 'shared', 'conformance', 'hadolint-spec.jsonl');
  if (fs.existsSync(hadolint)) {
    fs.readFileSync(hadolint, 'utf8').split('\n').filter(Boolean).forEach((line, i) => {
      seeds.push({ name: `hadolint-spec#${i}`, text: (JSON.parse(line) as { dockerfile: string }).dockerfile });
    });
  }
  return seeds;
}

interface Failure {
  readonly input: string;
  readonly what: string;
  readonly detail: string;
}

const service = createAdvisorService();
let contained: ContainedFailure[] = [];
onContainedFailure((failure) => contained.push(failure));

/**
 * Our own code failing is a bug even when contained; the packages we build on failing is
 * expected. The label given to `contain` says which code ran (the stack cannot once bundled).
 */
const thirdPartyCalls = /^(base |dockerfile-ast|dockerfile-utils|unbash|definition|highlights|prepare rename|rename|folding|links|semantic tokens|format|resolve completion)/;

function isOurs(failure: ContainedFailure): boolean {
  return !thirdPartyCalls.test(failure.what);
}

/**
 * dockerfile-utils checks a FROM's image reference only when the instruction holds no variable,
 * its flags' included (dockerValidator.js, case "FROM"). A fix that takes `--platform=$TARGETPLATFORM`
 * away lets it report a malformed reference that was in the input all along (a NUL in the tag,
 * say): that error is not one the fix made.
 */
function revealedByRemovedVariable(syntaxKey: string, text: string, edits: readonly TextEdit[]): boolean {
  if (syntaxKey !== 'INVALID_REFERENCE_FORMAT') {
    return false;
  }
  const doc = TextDocument.create('file:///removed', 'dockerfile', 1, text);
  return edits.some((edit) => doc.getText(edit.range).includes('$') && !edit.newText.includes('$'));
}

/**
 * `# check=error=true` (the directive mutation writes it) makes every BuildKit warning an error.
 * "Split into build and runtime stages" copies the stage's ENV and ARG lines as written, so a
 * warning one of them had (LegacyKeyValueFormat, say) comes again in the new stage, now as an
 * error: a rule that already reported on the input is not a new error there.
 */
function promotedWarningRepeated(rule: string, text: string, before: readonly Finding[]): boolean {
  return /^\ufeff?#\s*check\s*=.*\berror\s*=\s*true/im.test(text) && before.some((finding) => finding.rule?.id === rule);
}

const analyseForFixes = analyser();

async function exercise(name: string, text: string, random: () => number, failures: Failure[]): Promise<number> {
  contained = [];
  const started = performance.now();
  let checksMs = 0;
  const uri = `file:///fuzz/${name.replace(/[^\w.-]/g, '_')}/Dockerfile`;
  try {
    const doc = service.analyse(uri, 1, text);
    const findings = doc.findings();
    const lineCount = doc.model.index.lineCount;
    for (let i = 0; i < 4; i++) {
      const line = Math.floor(random() * (lineCount + 2)) - 1;
      const position = { line, character: Math.floor(random() * 120) - 5 };
      service.hover(doc, position);
      await service.completion(doc, position);
      service.signatureHelp(doc, position);
    }
    service.symbols(doc);
    service.codeActions(doc, { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } }, undefined);
    // Every fix must hold the properties the unit tests check on real files (test/unit/fixes/fixProperties.ts). They are
    // checked on inputs of ordinary size, and for at most `fixesPerInput` fixes, so the harness stays linear.
    if (text.length < 200_000 && findings.some((finding) => finding.fixes().length > 0)) {
      const tally: Tally = { tried: 0, passed: 0, byRule: new Map(), failures: [] };
      // The checks analyse the input again once per fix, up to 40 times: their time is the harness's, not the bound's.
      const checksStarted = performance.now();
      checkInput(analyseForFixes, { name, text }, tally, { maxFixes: fixesPerInput, excused: revealedByRemovedVariable, excusedError: promotedWarningRepeated });
      checksMs = performance.now() - checksStarted;
      for (const failure of tally.failures) {
        failures.push({ input: text, what: `fix "${failure.fix}" of ${failure.rule}: ${failure.problem}`, detail: failure.after.slice(0, 400) });
      }
    }
  } catch (error) {
    failures.push({ input: text, what: 'uncaught exception', detail: describeError(error) });
  }
  const elapsed = performance.now() - started - checksMs;
  for (const failure of contained.filter(isOurs)) {
    failures.push({ input: text, what: `contained failure in our code (${failure.what})`, detail: describeError(failure.error) });
  }
  if (elapsed > timeBoundMs(text)) {
    failures.push({ input: text, what: `took ${elapsed.toFixed(0)} ms, bound ${timeBoundMs(text).toFixed(0)} ms`, detail: `${text.length} characters` });
  }
  service.forget(uri);
  return elapsed;
}

function keep(failure: Failure): string {
  fs.mkdirSync(regressions, { recursive: true });
  const id = createHash('sha256').update(failure.input).digest('hex').slice(0, 12);
  const file = path.join(regressions, `${id}.Dockerfile`);
  if (failure.input.length <= 200_000 && !fs.existsSync(file)) {
    fs.writeFileSync(file, failure.input);
  }
  return file;
}

async function main(): Promise<void> {
  const random = createRandom(seed);
  const seeds = seedTexts();
  const failures: Failure[] = [];
  const perMutation = new Map<string, number>();
  let tried = 0;
  let slowest = 0;

  const regressionFiles = fs.existsSync(regressions) ? fs.readdirSync(regressions).filter((f) => f.endsWith('.Dockerfile')) : [];
  for (const file of regressionFiles) {
    await exercise(`regression-${file}`, fs.readFileSync(path.join(regressions, file), 'utf8'), random, failures);
    tried++;
  }
  for (const huge of hugeInputs()) {
    const elapsed = await exercise(huge.name, huge.text, random, failures);
    console.log(`  ${huge.name}: ${huge.text.length.toLocaleString('en')} characters in ${elapsed.toFixed(0)} ms (bound ${timeBoundMs(huge.text).toFixed(0)} ms)`);
    tried++;
  }
  for (let i = 0; i < count; i++) {
    const base = seeds[Math.floor(random() * seeds.length)];
    let text = base.text;
    const applied: string[] = [];
    const rounds = 1 + Math.floor(random() * 3);
    for (let r = 0; r < rounds; r++) {
      const name = mutationNames[Math.floor(random() * mutationNames.length)];
      text = mutations[name](text, random);
      applied.push(name);
      perMutation.set(name, (perMutation.get(name) ?? 0) + 1);
    }
    slowest = Math.max(slowest, await exercise(`${base.name}:${applied.join('+')}`, text, random, failures));
    tried++;
  }

  console.log(`fuzz: seed ${seed}, ${seeds.length} seed files, ${tried} inputs tried (${regressionFiles.length} regression fixtures, ${hugeInputs().length} huge inputs), slowest mutated input ${slowest.toFixed(0)} ms`);
  console.log(`mutations applied: ${[...perMutation.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const unique = new Map<string, Failure>();
  for (const failure of failures) {
    unique.set(`${failure.what}|${failure.detail.split('\n')[0]}`, failure);
  }
  for (const failure of unique.values()) {
    console.log(`FAIL ${failure.what}\n  ${failure.detail.split('\n').slice(0, 4).join('\n  ')}\n  input kept as ${keep(failure)}`);
  }
  console.log(`${tried - new Set(failures.map((f) => f.input)).size} passed, ${new Set(failures.map((f) => f.input)).size} failed`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

void main();
