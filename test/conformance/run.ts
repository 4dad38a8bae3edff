// Conformance check: runs the analysis over ../shared's conformance cases and corpus and prints, per source, passed / applicable.
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { parseDockerfile } from '../../server/src/model/parseDockerfile';
import { buildkitRules } from '../../server/src/rules/buildkit';
import { allRules } from '../../server/src/rules/registry';
import type { BuildContext, Rule } from '../../server/src/rules/rule';
import { syntaxSource, validateModel, type Finding } from '../../server/src/service/validation';
import { onContainedFailure } from '../../server/src/util/contain';

const projectRoot = resolve(__dirname, '../..');
const shared = resolve(projectRoot, '../shared');
const conformance = join(shared, 'conformance');

interface SourceResult {
  readonly name: string;
  passed: number;
  applicable: number;
  /** Required share of applicable cases, 0..1. */
  readonly goal: number;
  readonly failures: string[];
  readonly notFollowed: string[];
}

/**
 * Cases this project deliberately does not follow, keyed by `file: test`; each is reported
 * with its reason and left out of the applicable count.
 */
const notFollowed: Readonly<Record<string, string>> = {
  'buildkit-docs-examples.jsonl: CopyIgnoredFile docs example: Attempting to Copy file "./tmp/Dockerfile" that is excluded by .dockerignore':
    "the page's `.dockerignore` (`*/tmp/*`) needs a folder before `tmp/`; BuildKit cleans `./tmp/helloworld.txt` to `tmp/helloworld.txt`, which that pattern does not exclude, so the file is in the context and the COPY works",
};

/** The docs pages show a `.dockerignore` beside some examples; the JSONL does not carry it. */
const docsBuildContexts: ReadonlyArray<{ readonly testPrefix: string; readonly context: BuildContext }> = [
  // From BuildKit's copy-ignored-file.md ("With the given .dockerignore file").
  { testPrefix: 'CopyIgnoredFile docs example', context: { dockerignore: '*/tmp/*\n' } },
];

/** Experimental rules switched on, as the docs examples assume for their own rule. */
const rulesWithExperimental: readonly Rule[] = allRules.map((rule) => (rule.experimental ? { ...rule, experimental: false } : rule));
const buildkitIds = new Set(buildkitRules.map((r) => r.id));

// Anything the analysis had to contain (a parser or rule throwing) counts as a crash.
const containedFailures: string[] = [];
onContainedFailure((failure) => containedFailures.push(`${failure.what}: ${String(failure.error).split('\n')[0]}`));

function readCases(file: string): Record<string, unknown>[] {
  return readFileSync(join(conformance, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function analyse(text: string, buildContext: BuildContext = {}, rules: readonly Rule[] = rulesWithExperimental): Finding[] {
  return validateModel(parseDockerfile(text), { rules, buildContext, uri: 'file:///conformance/Dockerfile' });
}

function ruleIdsOf(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => (f.rule ? [f.rule.id] : []));
}

function isSyntaxError(finding: Finding): boolean {
  return finding.severity === 'error' && (finding.diagnostic.source === syntaxSource || finding.diagnostic.code === 'syntax');
}

function newResult(name: string, goal: number): SourceResult {
  return { name, passed: 0, applicable: 0, goal, failures: [], notFollowed: [] };
}

function record(result: SourceResult, file: string, test: string, problems: string[]): void {
  const reason = notFollowed[`${file}: ${test}`];
  if (reason) {
    result.notFollowed.push(`${test}: ${reason}`);
    return;
  }
  result.applicable++;
  if (problems.length === 0) {
    result.passed++;
  } else {
    result.failures.push(`${test}: ${problems.join('; ')}`);
  }
}

function runDocsExamples(): SourceResult {
  const file = 'buildkit-docs-examples.jsonl';
  const result = newResult(file, 1);
  for (const c of readCases(file)) {
    const expected = (c.expected as string[]).filter((id) => buildkitIds.has(id));
    const absent = (c.expected_absent as string[]).filter((id) => buildkitIds.has(id));
    if (expected.length === 0 && absent.length === 0) {
      continue;
    }
    const test = String(c.test);
    const context = docsBuildContexts.find((d) => test.startsWith(d.testPrefix))?.context ?? {};
    const fired = ruleIdsOf(analyse(String(c.dockerfile), context));
    const problems = [
      ...expected.filter((id) => !fired.includes(id)).map((id) => `${id} did not fire`),
      ...absent.filter((id) => fired.includes(id)).map((id) => `${id} fired but must not`),
    ];
    record(result, file, test, problems);
  }
  return result;
}

interface LspExpectation {
  readonly code: string | null;
  readonly severity: string;
  readonly message: string;
  readonly range: { readonly start: [number, number]; readonly end: [number, number] };
  readonly href: string | null;
  readonly quickfixes: ReadonlyArray<{ readonly title: string | null; readonly edit: string | null }>;
}

function contains(outer: LspExpectation['range'], inner: Range): boolean {
  const before = (a: [number, number], b: { line: number; character: number }) => a[0] < b.line || (a[0] === b.line && a[1] <= b.character);
  const after = (a: [number, number], b: { line: number; character: number }) => a[0] > b.line || (a[0] === b.line && a[1] >= b.character);
  return before(outer.start, inner.start) && after(outer.end, inner.end) && inner.start.line === outer.start[0];
}

/** True when one of the finding's fixes turns its line into `edit` (blank runs compared as one). */
function someFixGives(text: string, finding: Finding, edit: string): boolean {
  const squash = (s: string) => s.replace(/[ \t]+/g, ' ').trim();
  for (const fix of finding.fixes()) {
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///f', 'dockerfile', 1, text), [...fix.edits]);
    if (fixed.split(/\r?\n/).some((line) => squash(line) === squash(edit))) {
      return true;
    }
  }
  return false;
}

function runLanguageServerCases(): SourceResult {
  const file = 'docker-language-server-diagnostics.jsonl';
  const result = newResult(file, 1);
  for (const c of readCases(file)) {
    const text = String(c.dockerfile);
    // Docker Scout's image vulnerability diagnostics are not BuildKit's and need a registry.
    const wanted = (c.expected_lsp_diagnostics as LspExpectation[]).filter((d) => d.code === null || buildkitIds.has(d.code));
    const findings = analyse(text);
    const buildkitFindings = findings.filter((f) => f.rule && buildkitIds.has(f.rule.id));
    const problems: string[] = [];
    for (const want of wanted) {
      if (want.code === null) {
        // A BuildKit parse error: the baseline must report an error on the same line (its own wording).
        if (!findings.some((f) => isSyntaxError(f) && f.diagnostic.range.start.line === want.range.start[0])) {
          problems.push(`no syntax error on line ${want.range.start[0] + 1} (BuildKit: ${want.message})`);
        }
        continue;
      }
      const candidates = buildkitFindings.filter((f) => f.rule!.id === want.code);
      const match = candidates.find((f) => contains(want.range, f.diagnostic.range));
      if (!match) {
        problems.push(candidates.length === 0 ? `${want.code} did not fire` : `${want.code} outside BuildKit's range ${JSON.stringify(want.range)}: ${JSON.stringify(candidates[0].diagnostic.range)}`);
        continue;
      }
      const full = `${match.rule!.description()} (${match.diagnostic.message})`;
      if (full !== want.message) {
        problems.push(`message "${full}" differs from "${want.message}"`);
      }
      if (want.severity !== match.severity) {
        problems.push(`severity ${match.severity} instead of ${want.severity}`);
      }
      if (want.href && match.diagnostic.codeDescription?.href === undefined) {
        problems.push('no documentation link');
      }
      for (const quickfix of want.quickfixes) {
        if (quickfix.edit && quickfix.title && !quickfix.title.startsWith('Ignore this type of error') && !someFixGives(text, match, quickfix.edit)) {
          problems.push(`no fix gives "${quickfix.edit}"`);
        }
      }
    }
    if (c.exact === true) {
      const expectedCodes = wanted.filter((w) => w.code !== null).map((w) => w.code);
      for (const extra of buildkitFindings.filter((f) => !expectedCodes.includes(f.rule!.id))) {
        problems.push(`unexpected ${extra.rule!.id}: ${extra.diagnostic.message}`);
      }
      if (!wanted.some((w) => w.code === null)) {
        for (const error of findings.filter(isSyntaxError)) {
          problems.push(`unexpected syntax error: ${error.diagnostic.message}`);
        }
      }
    }
    record(result, file, String(c.test), problems);
  }
  return result;
}

/**
 * Baseline errors that BuildKit raises when it builds, not when it parses: a fragment with no
 * FROM, unknown flags, HEALTHCHECK without a command. The editor still shows them (the build
 * would fail); they are not parse errors, so the parser cases do not count them.
 */
const buildTimeCodes = new Set(['NO_SOURCE_IMAGE', 'UNKNOWN_ADD_FLAG', 'UNKNOWN_COPY_FLAG', 'UNKNOWN_FROM_FLAG', 'UNKNOWN_HEALTHCHECK_FLAG', 'UNKNOWN_TYPE', 'HEALTHCHECK_CMD_ARGUMENT_MISSING']);

function isParseError(finding: Finding, text: string): boolean {
  if (!isSyntaxError(finding) || buildTimeCodes.has(String(finding.diagnostic.code))) {
    return false;
  }
  // `HEALTHCHECK` alone is accepted by the parser and refused by the build.
  const line = text.split('\n')[finding.diagnostic.range.start.line] ?? '';
  return !(finding.diagnostic.code === 'ARGUMENT_REQUIRES_AT_LEAST_ONE' && /^\s*healthcheck\b/i.test(line));
}

function runParserCases(): SourceResult {
  const file = 'buildkit-parser.jsonl';
  const result = newResult(file, 1);
  for (const c of readCases(file)) {
    const errors = analyse(String(c.dockerfile)).filter((finding) => isParseError(finding, String(c.dockerfile)));
    const problems: string[] = [];
    if (c.expect_parse_error === true && errors.length === 0) {
      problems.push('BuildKit refuses to parse it, but no syntax error was reported');
    }
    if (c.expect_parse_error !== true) {
      problems.push(...errors.map((e) => `line ${e.diagnostic.range.start.line + 1}: ${String(e.diagnostic.code)} ${e.diagnostic.message}`));
    }
    record(result, file, String(c.test), problems);
  }
  return result;
}

function runHadolintCases(): SourceResult {
  const file = 'hadolint-spec.jsonl';
  const result = newResult(file, 0.95);
  const rulesByAlias = new Map<string, Rule[]>();
  for (const rule of allRules) {
    for (const alias of rule.aliases) {
      rulesByAlias.set(alias, [...(rulesByAlias.get(alias) ?? []), rule]);
    }
  }
  for (const c of readCases(file)) {
    if (c.config !== null && c.config !== undefined) {
      continue;
    }
    const counts = (c.expected_counts ?? {}) as Record<string, number>;
    const ids = new Set([...(c.expected as string[]), ...(c.expected_absent as string[]), ...Object.keys(counts)].filter((id) => rulesByAlias.has(id)));
    if (ids.size === 0) {
      continue;
    }
    const findings = analyse(String(c.dockerfile), {}, allRules);
    const problems: string[] = [];
    for (const id of ids) {
      const fired = findings.filter((f) => f.rule && rulesByAlias.get(id)!.includes(f.rule)).length;
      if ((c.expected as string[]).includes(id) && fired === 0) {
        problems.push(`${id} did not fire`);
      }
      if ((c.expected_absent as string[]).includes(id) && fired > 0) {
        problems.push(`${id} fired ${fired} time(s) but must not`);
      }
      if (counts[id] !== undefined && counts[id] !== fired) {
        problems.push(`${id} fired ${fired} time(s), expected ${counts[id]}`);
      }
    }
    record(result, file, `${String(c.test)} [${[...ids].join(',')}]`, problems);
  }
  return result;
}

function runCorpus(): SourceResult {
  const folder = join(shared, 'corpus', 'dockerfiles');
  const result = newResult('corpus/dockerfiles', 1);
  if (!existsSync(folder)) {
    return result;
  }
  for (const name of readdirSync(folder).sort()) {
    const text = readFileSync(join(folder, name), 'utf8');
    const problems: string[] = [];
    containedFailures.length = 0;
    try {
      const errors = analyse(text, {}, allRules).filter(isSyntaxError);
      problems.push(...errors.map((e) => `line ${e.diagnostic.range.start.line + 1}: ${String(e.diagnostic.code)} ${e.diagnostic.message}`));
    } catch (error) {
      problems.push(`crash: ${String(error)}`);
    }
    problems.push(...containedFailures.map((f) => `contained crash: ${f}`));
    record(result, 'corpus', name, problems);
  }
  return result;
}

function main(): number {
  if (!existsSync(conformance)) {
    console.log(`skipped: ../shared not found (looked for ${conformance})`);
    return 0;
  }
  const results = [runDocsExamples(), runLanguageServerCases(), runParserCases(), runHadolintCases(), runCorpus()];
  let failed = false;
  for (const r of results) {
    const share = r.applicable === 0 ? 1 : r.passed / r.applicable;
    const ok = share >= r.goal;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.passed}/${r.applicable} (${(share * 100).toFixed(1)}%, goal ${(r.goal * 100).toFixed(0)}%)`);
    for (const failure of r.failures) {
      console.log(`       failed: ${failure}`);
    }
    for (const skipped of r.notFollowed) {
      console.log(`       not followed: ${skipped}`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
