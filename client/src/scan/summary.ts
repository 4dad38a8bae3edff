// Counts of a scan's findings by severity, and the summary shown on the final stage's FROM line.
import * as l10n from '@vscode/l10n';
import { severityCount, severityLabel } from './display';
import { isFixable, SEVERITIES, severityRank, type Finding, type Severity } from './model';
import { parsePurl } from './purl';

export interface SeveritySummary {
  readonly total: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Findings with at least one fixed version. */
  readonly fixable: number;
}

export function summarize(findings: readonly Finding[]): SeveritySummary {
  const bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
  let fixable = 0;
  for (const finding of findings) {
    bySeverity[finding.severity]++;
    if (isFixable(finding)) {
      fixable++;
    }
  }
  return { total: findings.length, bySeverity, fixable };
}

/** "2 critical · 5 high · 11 medium": the non-zero counts, most severe first. */
export function severityCountsText(summary: SeveritySummary, separator = ' · '): string {
  return SEVERITIES.filter((severity) => summary.bySeverity[severity] > 0)
    .map((severity) => severityCount(severity, summary.bySeverity[severity]))
    .join(separator);
}

/** Packages of the distribution, which a newer base image brings at fixed versions. */
const OS_PACKAGE_TYPES = new Set(['apk', 'deb', 'rpm', 'alpm', 'alpine', 'debian', 'ubuntu', 'redhat']);

function comesWithBaseImage(finding: Finding): boolean {
  const purl = finding.package?.purl;
  if (!purl) {
    // Without a purl the scanner did not say; OS packages are what image scanners report by default.
    return true;
  }
  const type = parsePurl(purl)?.type;
  return type !== undefined && OS_PACKAGE_TYPES.has(type);
}

/** "14 vulnerabilities, 2 critical, 9 fixable by updating the base image" for the final stage's FROM line. */
export function baseImageSummaryText(findings: readonly Finding[]): string {
  const vulnerabilities = findings.filter((finding) => finding.kind === 'vulnerability');
  if (vulnerabilities.length === 0) {
    return l10n.t('No known vulnerabilities in the image');
  }
  const critical = vulnerabilities.filter((finding) => finding.severity === 'critical').length;
  const fixableByBase = vulnerabilities.filter((finding) => isFixable(finding) && comesWithBaseImage(finding)).length;
  const parts = [
    vulnerabilities.length === 1 ? l10n.t('1 vulnerability') : l10n.t('{0} vulnerabilities', vulnerabilities.length),
  ];
  if (critical > 0) {
    parts.push(l10n.t('{0} critical', critical));
  }
  if (fixableByBase > 0) {
    parts.push(fixableByBase === 1 ? l10n.t('1 fixable by updating the base image') : l10n.t('{0} fixable by updating the base image', fixableByBase));
  }
  return parts.join(', ');
}

/** The most severe findings first, fixable before unfixable within a severity. */
export function worstFindings(findings: readonly Finding[], count: number): Finding[] {
  return [...findings]
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || Number(isFixable(b)) - Number(isFixable(a)) || a.id.localeCompare(b.id))
    .slice(0, count);
}

/** A markdown list of the worst findings, for the hover on the FROM line. */
export function worstFindingsMarkdown(findings: readonly Finding[], count: number): string {
  const lines = worstFindings(findings, count).map((finding) => {
    const id = finding.url ? `[${escapeMarkdown(finding.id)}](${finding.url})` : escapeMarkdown(finding.id);
    const pkg = finding.package ? ` ${escapeMarkdown(`${finding.package.name} ${finding.package.version}`.trim())}` : '';
    const fix = isFixable(finding) ? ` — ${l10n.t('fixed in {0}', finding.fixedVersions.join(', '))}` : '';
    return `- **${severityLabel(finding.severity)}** ${id}${pkg}${escapeMarkdown(fix)}`;
  });
  const more = findings.length - lines.length;
  if (more > 0) {
    lines.push(l10n.t('…and {0} more', more));
  }
  return lines.join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
