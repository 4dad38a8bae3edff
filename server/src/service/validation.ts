// Runs the baseline validator and every rule over a model, then applies severities and suppressions.
import * as l10n from '@vscode/l10n';
import { validate as validateSyntax, ValidationCode, type ValidatorSettings } from 'dockerfile-utils';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { lendParse } from '../model/dockerfileAstMemo';
import { dockerfileTreeOf, foldContinuations } from '../model/parseDockerfile';
import { pieceInstructions } from '../model/parsePieces';
import type { DockerfileModel } from '../model/types';
import { allRules } from '../rules/registry';
import type { BuildContext, FindingReport, Rule, RuleFix, Severity, SeveritySetting } from '../rules/rule';
import { contain } from '../util/contain';
import { StageValidationCache, stageSplitMinInstructions } from './baselineByStage';
import { StageFindingsCache } from './stageFindings';
import { ruleDocsUri } from './ruleDocs';

export const diagnosticSource = 'dockerfile-advisor';
export const syntaxSource = 'dockerfile-utils';

export interface ValidationOptions {
  /** Rule id or alias → severity or `off`. */
  readonly ruleSeverities?: Readonly<Record<string, SeveritySetting>>;
  readonly buildContext?: BuildContext;
  /** URI of the document, for related information. */
  readonly uri?: string;
  /** Rules to run instead of the registry's (tests). */
  readonly rules?: readonly Rule[];
}

/** A finding as the features see it: an LSP diagnostic plus what the rule knows. */
export interface Finding {
  readonly diagnostic: Diagnostic;
  readonly rule?: Rule;
  readonly severity: Severity;
  readonly fixes: () => readonly RuleFix[];
}

/**
 * dockerfile-utils checks that our BuildKit-named rules replace (with BuildKit's meaning),
 * switched off in the baseline so that nothing is reported twice.
 */
const baselineSettings: ValidatorSettings = {
  instructionCasing: 'ignore' as never,
  emptyContinuationLine: 'ignore' as never,
  deprecatedMaintainer: 'ignore' as never,
  instructionCmdMultiple: 'ignore' as never,
  instructionEntrypointMultiple: 'ignore' as never,
  instructionHealthcheckMultiple: 'ignore' as never,
  instructionWorkdirRelative: 'ignore' as never,
  instructionJSONInSingleQuotes: 'warning' as never,
  directiveCasing: 'warning' as never,
};
const baselineCodesReplaced = new Set<number>([ValidationCode.DUPLICATE_BUILD_STAGE_NAME]);

/** Flags BuildKit accepts on ADD and COPY that dockerfile-utils does not know yet. */
const buildkitFlags: Readonly<Record<number, ReadonlySet<string>>> = {
  [ValidationCode.UNKNOWN_ADD_FLAG]: new Set(['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'unpack', 'exclude']),
  [ValidationCode.UNKNOWN_COPY_FLAG]: new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude']),
};

/**
 * dockerfile-utils errors that BuildKit does not raise: newer ADD/COPY flags, and HEALTHCHECK's
 * `0s` durations and `--retries=0`, which BuildKit takes as "use the default".
 */
function baselineIsWrong(model: DockerfileModel, diagnostic: Diagnostic): boolean {
  const start = model.index.offsetAt(diagnostic.range.start);
  const written = model.text.slice(start, model.index.offsetAt(diagnostic.range.end));
  const flag = model.instructions
    .flatMap((i) => i.flags)
    .find((f) => f.range.start.line === diagnostic.range.start.line && model.index.offsetAt(f.range.start) <= start && start <= model.index.offsetAt(f.range.end));
  switch (diagnostic.code) {
    case ValidationCode.UNKNOWN_ADD_FLAG:
    case ValidationCode.UNKNOWN_COPY_FLAG:
      return buildkitFlags[diagnostic.code].has(written.replace(/^--/, '').toLowerCase());
    case ValidationCode.FLAG_LESS_THAN_1MS:
      return flag?.value !== undefined && /^0+(?:\.0*)?(?:ns|us|µs|ms|s|m|h)?$/.test(flag.value);
    case ValidationCode.FLAG_AT_LEAST_ONE:
      return flag?.name.toLowerCase() === 'retries' && /^0+$/.test(flag.value ?? '');
    default:
      return false;
  }
}

/** dockerfile-utils' checks that count instructions per stage, which a part of a stage cannot see. */
const perStageCounts = ['instructionCmdMultiple', 'instructionEntrypointMultiple', 'instructionHealthcheckMultiple'] as const;

/**
 * dockerfile-utils' findings per piece of the last long file validated (see baselineByStage.ts):
 * a stage, or as many instructions of a longer one as a parse piece holds (parsePieces.ts),
 * while `baselineSettings` turn off the checks that count instructions per stage (whole
 * stages otherwise).
 */
const stageValidation = new StageValidationCache(
  stageSplitMinInstructions,
  perStageCounts.every((check) => baselineSettings[check] === ('ignore' as never)) ? pieceInstructions : Infinity,
);
/** Reports of the stage-local rules per stage (see stageFindings.ts). */
const stageFindings = new StageFindingsCache();

export function validateModel(model: DockerfileModel, options: ValidationOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (model.parseFailure) {
    findings.push(internalFinding(model, model.parseFailure));
  }
  const tooLarge = exceedsBaselineLimits(model);
  if (tooLarge) {
    findings.push(internalFinding(model, tooLarge));
  }
  const baseline = (): Diagnostic[] =>
    stageValidation.validate(
      model,
      (text) => validateSyntax(text, baselineSettings),
      () => lendParse(model.text, dockerfileTreeOf(model), () => validateSyntax(model.text, baselineSettings)),
    );
  for (const diagnostic of tooLarge ? [] : contain('dockerfile-utils validate', baseline, [])) {
    if (typeof diagnostic.code === 'number' && (baselineCodesReplaced.has(diagnostic.code) || baselineIsWrong(model, diagnostic))) {
      continue;
    }
    const code = typeof diagnostic.code === 'number' ? (ValidationCode[diagnostic.code] ?? String(diagnostic.code)) : diagnostic.code;
    findings.push({
      diagnostic: { ...diagnostic, source: syntaxSource, code },
      severity: severityName(diagnostic.severity),
      fixes: () => [],
    });
  }
  findings.push(...parseErrors(model));
  const suppressions = collectSuppressions(model);
  const check = model.check;
  for (const rule of options.rules ?? allRules) {
    if (rule.experimental && !(check?.experimentalAll || check?.experimental.some((name) => sameId(name, rule)))) {
      continue;
    }
    if (check && rule.origin === 'buildkit' && (check.skipAll || check.skip.some((name) => sameId(name, rule)))) {
      continue;
    }
    if (check && rule.origin !== 'buildkit' && check.skip.some((name) => sameId(name, rule))) {
      continue;
    }
    const configured = configuredSeverity(rule, options.ruleSeverities);
    if (configured === 'off') {
      continue;
    }
    let severity: Severity = configured ?? rule.defaultSeverity;
    if (check?.error && rule.origin === 'buildkit' && configured === undefined) {
      // `# check=error=true` makes BuildKit fail the build on these findings.
      severity = 'error';
    }
    const buildContext = options.buildContext ?? {};
    const reports: FindingReport[] = [];
    if (rule.checkStage) {
      reports.push(...contain(() => `rule ${rule.id}`, () => stageFindings.reports(rule, model, buildContext), []));
    } else {
      contain(() => `rule ${rule.id}`, () => rule.check({ model, buildContext, report: (r) => reports.push(r) }), undefined);
    }
    for (const report of reports) {
      if (isSuppressed(suppressions, report.range, rule)) {
        continue;
      }
      findings.push(toFinding(rule, report, severity, options.uri));
    }
  }
  return findings;
}

/** Instructions whose JSON (exec) form BuildKit parses. */
const execFormInstructions = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD']);

/**
 * Parse errors BuildKit's parser raises that the baseline validator misses: a file with no
 * instruction, and a JSON array that holds something other than strings.
 */
function parseErrors(model: DockerfileModel): Finding[] {
  const errors: Finding[] = [];
  const syntaxError = (range: Range, message: string): Finding => ({
    diagnostic: { range, message, severity: DiagnosticSeverity.Error, source: diagnosticSource, code: 'syntax' },
    severity: 'error',
    fixes: () => [],
  });
  if (model.instructions.length === 0 && !model.parseFailure) {
    errors.push(syntaxError(model.index.rangeOf(0, 0), l10n.t('The Dockerfile cannot be empty: it has no instruction.')));
  }
  for (const instruction of model.instructions) {
    // Only arguments that open with `[` can be a JSON array; folding every shell-form RUN to find out was most of this check's cost.
    if (!execFormInstructions.has(instruction.keyword) || instruction.jsonArgs !== undefined || !instruction.argsRange || !instruction.argsText.trimStart().startsWith('[')) {
      continue;
    }
    const folded = foldContinuations(model.text, model.index.offsetAt(instruction.argsRange.start), instruction.end, model.escapeChar).text.trim();
    if (!folded.startsWith('[') || !folded.endsWith(']')) {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(folded);
    } catch {
      // Not JSON at all: BuildKit runs it in shell form.
      continue;
    }
    if (Array.isArray(value) && value.some((item) => typeof item !== 'string')) {
      errors.push(syntaxError(instruction.argsRange, l10n.t('{0} in JSON form takes an array of strings only; BuildKit refuses to parse nested arrays, numbers or objects.', instruction.keyword)));
    }
  }
  return errors;
}

/** Above these sizes the packages we build on slow down more than linearly (measured: minutes on 50,000 lines). */
export const baselineLimits = { instructionLength: 64 * 1024, instructions: 10_000 } as const;

/** Why the baseline syntax check and the base package's features are skipped for this model, if they are. */
export function exceedsBaselineLimits(model: DockerfileModel): string | undefined {
  if (model.instructions.length > baselineLimits.instructions) {
    return l10n.t('the file has more than {0} instructions, so the syntax checks of dockerfile-utils are skipped; the rules still run.', baselineLimits.instructions);
  }
  const long = model.instructions.find((i) => i.end - i.start > baselineLimits.instructionLength);
  if (long) {
    return l10n.t('the instruction on line {0} is longer than {1} characters, so the syntax checks of dockerfile-utils are skipped; the rules still run.', long.range.start.line + 1, baselineLimits.instructionLength);
  }
  return undefined;
}

function toFinding(rule: Rule, report: FindingReport, severity: Severity, uri: string | undefined): Finding {
  const tags: DiagnosticTag[] = [];
  if (report.unnecessary) {
    tags.push(DiagnosticTag.Unnecessary);
  }
  if (report.deprecated) {
    tags.push(DiagnosticTag.Deprecated);
  }
  const diagnostic: Diagnostic = {
    range: report.range,
    message: report.message,
    severity: lspSeverity(severity),
    source: diagnosticSource,
    code: rule.id,
    codeDescription: { href: ruleDocsUri(rule.id) },
    ...(tags.length > 0 ? { tags } : {}),
    ...(report.related && uri
      ? { relatedInformation: report.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })) }
      : {}),
  };
  return { diagnostic, rule, severity, fixes: () => contain(`fixes of ${rule.id}`, () => report.fixes?.() ?? [], []) };
}

function internalFinding(model: DockerfileModel, message: string): Finding {
  return {
    diagnostic: {
      range: model.index.rangeOf(0, 0),
      message: l10n.t('Dockerfile Advisor could not analyse part of this file: {0}', message),
      severity: DiagnosticSeverity.Information,
      source: diagnosticSource,
    },
    severity: 'info',
    fixes: () => [],
  };
}

function sameId(name: string, rule: Rule): boolean {
  const lower = name.trim().toLowerCase();
  return rule.id.toLowerCase() === lower || rule.aliases.some((a) => a.toLowerCase() === lower);
}

function configuredSeverity(rule: Rule, settings: ValidationOptions['ruleSeverities']): SeveritySetting | undefined {
  if (!settings) {
    return undefined;
  }
  for (const [key, value] of Object.entries(settings)) {
    if (sameId(key, rule) && isSeveritySetting(value)) {
      return value;
    }
  }
  return undefined;
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return value === 'off' || value === 'hint' || value === 'info' || value === 'warning' || value === 'error';
}

export function lspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}

export function severityName(severity: DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

/** Lines an ignore comment covers, with the rule names it lists. */
interface Suppression {
  readonly line: number;
  readonly names: readonly string[];
}

const ignorePattern = /^#\s*(?:hadolint|dockerfile-advisor)\s+ignore\s*=\s*([A-Za-z0-9_\-, ]+)/i;

/**
 * `# hadolint ignore=DL3008` or `# dockerfile-advisor ignore=Rule` in the comments right
 * above an instruction covers every line of that instruction.
 */
function collectSuppressions(model: DockerfileModel): Suppression[] {
  const suppressions: Suppression[] = [];
  const commentNames = new Map<number, string[]>();
  for (const comment of model.comments) {
    const match = ignorePattern.exec(model.text.slice(comment.start, comment.end).trim());
    if (match) {
      commentNames.set(comment.range.start.line, match[1].split(',').map((s) => s.trim()).filter(Boolean));
    }
  }
  if (commentNames.size === 0) {
    return suppressions;
  }
  for (const instruction of model.instructions) {
    const names: string[] = [];
    for (let line = instruction.range.start.line - 1; line >= 0; line--) {
      const text = model.index.lineText(line).trim();
      if (!text.startsWith('#')) {
        break;
      }
      names.push(...(commentNames.get(line) ?? []));
    }
    if (names.length > 0) {
      for (let line = instruction.range.start.line; line <= instruction.range.end.line; line++) {
        suppressions.push({ line, names });
      }
    }
  }
  return suppressions;
}

function isSuppressed(suppressions: readonly Suppression[], range: Range, rule: Rule): boolean {
  return suppressions.some((s) => s.line === range.start.line && s.names.some((name) => sameId(name, rule)));
}
