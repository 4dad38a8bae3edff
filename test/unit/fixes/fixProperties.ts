// The properties every fix must hold, shared by the unit test on real files (allFixes.property.test.ts)
// and the fuzzer on mutated ones (test/fuzz/run.ts): the fixed file parses, gains no syntax error and no
// error finding, loses the finding the fix was for, and fix-all applied twice changes nothing the second time.
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { fixAllText } from '../../../server/src/service/codeActions';
import { buildPlatformRefactor } from '../../../server/src/service/fixes/buildPlatform';
import type { Rule } from '../../../server/src/rules/rule';
import { syntaxSource, validateModel, type Finding } from '../../../server/src/service/validation';
import { applyEdits } from './corpus';

export interface Input {
  readonly name: string;
  readonly text: string;
}

export interface CheckOptions {
  /** Try at most this many fixes of the input (the fuzzer's bound on its own time). */
  readonly maxFixes?: number;
  /** A new syntax error (by its code) the fix is not to blame for; see the fuzzer's use. */
  readonly excused?: (syntaxKey: string, input: string, edits: readonly TextEdit[]) => boolean;
  /** A new error finding of a rule (its id) the fix is not to blame for, given the input's findings; see the fuzzer's use. */
  readonly excusedError?: (rule: string, input: string, before: readonly Finding[]) => boolean;
}

export type Analyse = (text: string) => Finding[];

/** Every rule of the registry, or only `rules` (the self-check below). */
export const analyser = (rules?: readonly Rule[]): Analyse => (text) => validateModel(parseDockerfile(text), { uri: 'file:///test/Dockerfile', rules });

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

/**
 * Syntax errors are counted by code: some messages quote the instruction's text ("Unknown
 * instruction: …"), which a fix may change while the error stays the one the input had.
 */
const syntaxErrorKey = (f: Finding): string | undefined =>
  f.diagnostic.source === syntaxSource && f.severity === 'error' ? String(f.diagnostic.code ?? f.diagnostic.message) : undefined;
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

export interface Failure {
  readonly input: string;
  readonly rule: string;
  readonly fix: string;
  readonly problem: string;
  readonly before: string;
  readonly after: string;
}

export interface Tally {
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
  options: CheckOptions = {},
): void {
  const fixed = applyEdits(input.text, edits);
  const after = analyse(fixed);
  const problems: string[] = [];
  if (parseDockerfile(fixed).parseFailure) {
    problems.push('the fixed file does not parse');
  }
  const newSyntax = grown(tally(before, syntaxErrorKey), tally(after, syntaxErrorKey));
  const blamed = newSyntax.filter((key) => !options.excused?.(key, input.text, edits));
  if (blamed.length > 0) {
    problems.push(`new syntax error: ${blamed.join('; ')}`);
  }
  const newErrors = grown(tally(before, errorKey), tally(after, errorKey))
    .filter((key) => !newSyntax.includes(key) && !options.excusedError?.(key, input.text, before));
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

export function checkInput(analyse: Analyse, input: Input, result: Tally, options: CheckOptions = {}): void {
  const before = analyse(input.text);
  let fixes = 0;
  for (const finding of before) {
    if (!finding.rule) {
      continue;
    }
    for (const fix of finding.fixes()) {
      if (fixes++ >= (options.maxFixes ?? Number.POSITIVE_INFINITY)) {
        return;
      }
      checkFix(analyse, input, before, finding.rule.id, fix.title, fix.edits, finding, result, options);
    }
  }
  const model = parseDockerfile(input.text);
  for (const stage of model.stages) {
    const refactor = buildPlatformRefactor(model, stage);
    if (refactor) {
      checkFix(analyse, input, before, '(refactor)', refactor.title, refactor.edits, undefined, result, options);
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

export function report(label: string, result: Tally): void {
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

export function check(inputs: readonly Input[], rules?: readonly Rule[]): Tally {
  const result: Tally = { tried: 0, passed: 0, byRule: new Map(), failures: [] };
  const analyse = analyser(rules);
  for (const input of inputs) {
    checkInput(analyse, input, result);
  }
  return result;
}

