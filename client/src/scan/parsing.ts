// Shared pieces of the scanner output parsers: the parse result, the error, and safe readers of untyped JSON.
import * as l10n from '@vscode/l10n';
import type { Finding, FixState, ScannerInfo, Severity } from './model';

/** What a parser reads from one output file; the runner adds the target and time. */
export interface ParsedScan {
  readonly scanner: ScannerInfo;
  /** The target the tool says it scanned, if it says. */
  readonly target?: string;
  readonly databaseDate?: string;
  readonly findings: Finding[];
}

/** Output that is not what the scanner should have written; the message says which and why. */
export class ScanOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanOutputError';
  }
}

export type JsonObject = { readonly [key: string]: unknown };

export function parseJsonText(text: string, what: string): unknown {
  if (text.trim() === '') {
    throw new ScanOutputError(l10n.t('The {0} output is empty.', what));
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScanOutputError(l10n.t('The {0} output is not valid JSON: {1}', what, reason));
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, key: string): JsonObject | undefined {
  const child = isObject(value) ? value[key] : undefined;
  return isObject(child) ? child : undefined;
}

export function stringAt(value: unknown, key: string): string | undefined {
  const child = isObject(value) ? value[key] : undefined;
  return typeof child === 'string' && child !== '' ? child : undefined;
}

export function numberAt(value: unknown, key: string): number | undefined {
  const child = isObject(value) ? value[key] : undefined;
  return typeof child === 'number' && Number.isFinite(child) ? child : undefined;
}

export function arrayAt(value: unknown, key: string): unknown[] {
  const child = isObject(value) ? value[key] : undefined;
  return Array.isArray(child) ? child : [];
}

export function stringsAt(value: unknown, key: string): string[] {
  return arrayAt(value, key).filter((item): item is string => typeof item === 'string' && item !== '');
}

export function severityFromText(text: string | undefined): Severity {
  switch (text?.trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
    // Grype's lowest level; it is counted with low so that nothing disappears from the totals.
    case 'negligible':
      return 'low';
    default:
      return 'unknown';
  }
}

/** CVSS v3 qualitative ratings, used when a SARIF rule carries only a `security-severity` score. */
export function severityFromScore(score: number | undefined): Severity {
  if (score === undefined || Number.isNaN(score)) {
    return 'unknown';
  }
  if (score >= 9) {
    return 'critical';
  }
  if (score >= 7) {
    return 'high';
  }
  if (score >= 4) {
    return 'medium';
  }
  return score > 0 ? 'low' : 'unknown';
}

/** Trivy prints several fixed versions as one string: "1.2.3, 1.3.1". */
export function splitVersions(text: string | undefined): string[] {
  if (!text) {
    return [];
  }
  return text
    .split(',')
    .map((version) => version.trim())
    .filter((version) => version !== '');
}

/** Trivy's and Grype's fix states (`fixed`, `affected`, `will_not_fix`, `not-fixed`, `wont-fix`...). */
export function fixStateFrom(status: string | undefined, fixedVersions: readonly string[]): FixState {
  switch (status?.toLowerCase().replace(/[-\s]/g, '_')) {
    case 'fixed':
      return 'fixed';
    case 'affected':
    case 'not_fixed':
    case 'fix_deferred':
    case 'under_investigation':
      return 'notFixed';
    case 'will_not_fix':
    case 'wont_fix':
    case 'end_of_life':
      return 'wontFix';
    default:
      return fixedVersions.length > 0 ? 'fixed' : 'unknown';
  }
}

export function uniqueStrings(values: Iterable<string>, except?: string): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    if (value !== '' && value !== except) {
      seen.add(value);
    }
  }
  return [...seen];
}
