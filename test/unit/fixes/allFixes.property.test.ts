// Every fix of every rule, on the rule docs' examples, the anchors' conformance cases and the corpus: it parses, removes its finding, adds no error, and fix-all is idempotent.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { fixAllText } from '../../../server/src/service/codeActions';
import { buildPlatformRefactor } from '../../../server/src/service/fixes/buildPlatform';
import type { Rule } from '../../../server/src/rules/rule';
import { syntaxSource, validateModel, type Finding } from '../../../server/src/service/validation';
import { applyEdits, corpusFiles, readCorpus } from './corpus';

const root = path.join(__dirname, '../../..');
const conformanceDir = path.join(root, '../shared/conformance');

interface Input {
  readonly name: string;
  readonly text: string;
}

/** The fenced Dockerfile blocks of each English rule page: the bad and the good example. */
function docExamples(): Input[] {
  const dir = path.join(root, 'docs/rules/en');
  const inputs: Input[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const blocks = fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^```(?:dockerfile|Dockerfile|docker)?[ \t]*\r?\n([\s\S]*?)^```/gm);
    let n = 0;
    for (const block of blocks) {
      inputs.push({ name: `docs/rules/en/${file} block ${++n}`, text: block[1] });
    }
  }
  return inputs;
}

function conformanceCases(file: string): Input[] {
  const full = path.join(conformanceDir, file);
  if (!fs.existsSync(full)) {
    return [];
  }
  return fs
    .readFileSync(full, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { source: string; test: string; dockerfile: string })
    .map((c) => ({ name: `${file}: ${c.test} (${c.source.replace(/^.*:/, '')})`, text: c.dockerfile }));
}

type Analyse = (text: string) => Finding[];

/** Every rule of the registry, or only `rules` (the self-check below). */
const analyser = (rules?: readonly Rule[]): Analyse => (text) => validateModel(parseDockerfile(text), { uri: 'file:///test/Dockerfile', rules });

/** How many findings of each key; a fix may not raise any count. */
function tally(findings: readonly Finding[], keyOf: (f: Finding) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const key = keyOf(finding);
    if (key !== undefined) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function grown(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([key, n]) => n > (before.get(key) ?? 0)).map(([key]) => key);
}

const syntaxErrorKey = (f: Finding): string | undefined =>
  f.diagnostic.source === syntaxSource && f.severity === 'error' ? `${String(f.diagnostic.code)}: ${f.diagnostic.message}` : undefined;
const errorKey = (f: Finding): string | undefined => (f.severity === 'error' ? String(f.rule?.id ?? f.diagnostic.code ?? f.diagnostic.message) : undefined);

const comesBefore = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Where a line of the old text is after the edits: shifted by the lines that edits ending before it added or removed. */
function mapLine(position: Position, edits: readonly TextEdit[]): number {
  let line = position.line;
  for (const edit of edits) {
    if (comesBefore(edit.range.end, position)) {
      line += edit.newText.split('\n').length - 1 - (edit.range.end.line - edit.range.start.line);
    }
  }
  return line;
}

interface Failure {
  readonly input: string;
  readonly rule: string;
  readonly fix: string;
  readonly problem: string;
  readonly before: string;
  readonly after: string;
}

interface Tally {
  tried: number;
  passed: number;
  readonly byRule: Map<string, number>;
  readonly failures: Failure[];
}

function checkFix(
  analyse: Analyse,
  input: Input,
  before: readonly Finding[],
  rule: string,
  title: string,
  edits: readonly TextEdit[],
  finding: Finding | undefined,
  result: Tally,
): void {
  const fixed = applyEdits(input.text, edits);
  const after = analyse(fixed);
  const problems: string[] = [];
  if (parseDockerfile(fixed).parseFailure) {
    problems.push('the fixed file does not parse');
  }
  const newSyntax = grown(tally(before, syntaxErrorKey), tally(after, syntaxErrorKey));
  if (newSyntax.length > 0) {
    problems.push(`new syntax error: ${newSyntax.join('; ')}`);
  }
  const newErrors = grown(tally(before, errorKey), tally(after, errorKey)).filter((key) => !newSyntax.some((s) => s.startsWith(`${key}:`)));
  if (newErrors.length > 0) {
    problems.push(`new error finding: ${newErrors.join(', ')}`);
  }
  if (finding) {
    const range = finding.diagnostic.range;
    const first = mapLine(range.start, edits);
    const last = mapLine(range.end, edits);
    const onLines = (f: Finding, from: number, to: number): boolean => f.rule?.id === rule && f.diagnostic.range.start.line <= to && f.diagnostic.range.end.line >= from;
    const was = before.filter((f) => onLines(f, range.start.line, range.end.line)).length;
    const remains = after.filter((f) => onLines(f, first, last)).length;
    if (remains >= was) {
      problems.push(`the finding is still there (lines ${first + 1}-${last + 1}: ${remains} of ${was})`);
    }
  }
  result.tried++;
  result.byRule.set(rule, (result.byRule.get(rule) ?? 0) + 1);
  if (problems.length === 0) {
    result.passed++;
  } else {
    result.failures.push({ input: input.name, rule, fix: title, problem: problems.join('; '), before: input.text, after: fixed });
  }
}

function checkInput(analyse: Analyse, input: Input, result: Tally): void {
  const before = analyse(input.text);
  for (const finding of before) {
    if (!finding.rule) {
      continue;
    }
    for (const fix of finding.fixes()) {
      checkFix(analyse, input, before, finding.rule.id, fix.title, fix.edits, finding, result);
    }
  }
  const model = parseDockerfile(input.text);
  for (const stage of model.stages) {
    const refactor = buildPlatformRefactor(model, stage);
    if (refactor) {
      checkFix(analyse, input, before, '(refactor)', refactor.title, refactor.edits, undefined, result);
    }
  }
  const once = fixAllText(input.text, before, analyse);
  if (once !== input.text) {
    const twice = fixAllText(once, analyse(once), analyse);
    result.tried++;
    result.byRule.set('(fix all)', (result.byRule.get('(fix all)') ?? 0) + 1);
    if (twice === once) {
      result.passed++;
    } else {
      result.failures.push({ input: input.name, rule: '(fix all)', fix: 'fix all, applied a second time', problem: 'the second fix-all changed the file (input: after the first)', before: once, after: twice });
    }
  }
}

function report(label: string, result: Tally): void {
  console.log(`    ${label}: ${result.passed} of ${result.tried} fixes passed`);
  console.log(`    tried by rule: ${[...result.byRule].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  const byRule = new Map<string, number>();
  for (const failure of result.failures) {
    byRule.set(failure.rule, (byRule.get(failure.rule) ?? 0) + 1);
  }
  if (byRule.size > 0) {
    console.log(`    failures by rule: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  }
  for (const failure of result.failures.slice(0, 40)) {
    console.log(`\n    ✗ ${failure.rule} — "${failure.fix}" on ${failure.input}\n      ${failure.problem}`);
    console.log(`      input:\n${indent(failure.before)}\n      output:\n${indent(failure.after)}`);
  }
  if (result.failures.length > 40) {
    console.log(`    ... and ${result.failures.length - 40} more failures`);
  }
}

const indent = (text: string): string => text.split('\n').map((line) => `        | ${line}`).join('\n');

function check(inputs: readonly Input[], rules?: readonly Rule[]): Tally {
  const result: Tally = { tried: 0, passed: 0, byRule: new Map(), failures: [] };
  const analyse = analyser(rules);
  for (const input of inputs) {
    checkInput(analyse, input, result);
  }
  return result;
}

function run(label: string, inputs: readonly Input[]): void {
  const result = check(inputs);
  report(label, result);
  assert.ok(result.tried > 0, `${label}: no fix was tried`);
  assert.equal(result.failures.length, 0, `${label}: ${result.failures.length} of ${result.tried} fixes failed (listed above)`);
}

describe('every fix (properties)', function () {
  this.timeout(600000);

  it('catches a fix that breaks the syntax, one that leaves its finding, and a fix-all that is not stable', () => {
    // A stand-in rule whose fixes are wrong on purpose: the checks above must see each mistake.
    const flawed: Rule = {
      id: 'FlawedFixes',
      aliases: [],
      origin: 'best-practice',
      defaultSeverity: 'warning',
      description: () => 'flawed',
      check({ model, report: reportFinding }) {
        for (const instruction of model.instructions.filter((i) => i.keyword === 'EXPOSE')) {
          reportFinding({
            range: instruction.range,
            message: 'expose',
            fixes: () => [
              { title: 'drop the port', edits: [{ range: instruction.argsRange!, newText: '' }] },
              { title: 'change nothing', edits: [{ range: instruction.keywordRange, newText: instruction.keywordText }] },
              { title: 'add another', edits: [{ range: { start: instruction.range.end, end: instruction.range.end }, newText: '\nEXPOSE 81' }], isPreferred: true },
            ],
          });
        }
      },
    };
    const result = check([{ name: 'flawed', text: 'FROM alpine:3.20\nEXPOSE 80\n' }], [flawed]);
    assert.deepEqual(result.failures.map((f) => [f.fix, f.problem.replace(/:.*/, '')]), [
      ['drop the port', 'new syntax error'],
      ['change nothing', 'the finding is still there (lines 2-2'],
      ['add another', 'the finding is still there (lines 2-3'],
      ['fix all, applied a second time', 'the second fix-all changed the file (input'],
    ]);
  });

  it('holds on the examples of every rule page', () => {
    run('rule docs', docExamples());
  });

  it('holds on the BuildKit docs examples and the hadolint specs', function () {
    const cases = [...conformanceCases('buildkit-docs-examples.jsonl'), ...conformanceCases('hadolint-spec.jsonl')];
    if (cases.length === 0) {
      console.log('    (skipped: ../shared/conformance is absent)');
      this.skip();
    }
    run('conformance cases', cases);
  });

  it('holds on every corpus file', function () {
    const files = corpusFiles();
    if (files.length === 0) {
      console.log('    (skipped: ../shared/corpus/dockerfiles is absent)');
      this.skip();
    }
    const inputs = files.map((file) => ({ name: `corpus ${file}`, text: readCorpus(file) }));
    // Files that already run build stages on $BUILDPLATFORM, without it: where "Use $BUILDPLATFORM" has work to do.
    const withoutBuildPlatform = inputs
      .filter((input) => /^FROM\s+--platform=\$BUILDPLATFORM\s/im.test(input.text))
      .map((input) => ({ name: `${input.name} without --platform=$BUILDPLATFORM`, text: input.text.replace(/^(FROM\s+)--platform=\$BUILDPLATFORM\s+/gim, '$1') }));
    run(`corpus (${files.length} files, ${withoutBuildPlatform.length} of them also without --platform=$BUILDPLATFORM)`, [...inputs, ...withoutBuildPlatform]);
  });
});
