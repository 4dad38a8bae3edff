// What the scan status bar item says in each state: scanning, clean, findings, failed, stale.
import * as l10n from '@vscode/l10n';
import { scannerDisplayName, severityCountShort } from './display';
import { SEVERITIES, type ScanFailure, type ScanReport, type ScannerId } from './model';
import { severityCountsText, summarize } from './summary';

export type ScanStatus =
  | { readonly state: 'scanning'; readonly target: string; readonly scanner?: ScannerId }
  | { readonly state: 'done'; readonly report: ScanReport; readonly stale: boolean }
  | { readonly state: 'failed'; readonly failure: ScanFailure };

export interface StatusBarView {
  readonly text: string;
  /** Markdown. */
  readonly tooltip: string;
  readonly background?: 'error' | 'warning';
}

/** Above this many characters the counts use the narrow form ("2C 5H 11M"). */
const MAX_FULL_TEXT_LENGTH = 48;

export function statusBarView(status: ScanStatus, formatTime: (iso: string) => string = defaultFormatTime): StatusBarView {
  switch (status.state) {
    case 'scanning':
      return {
        text: `$(loading~spin) ${l10n.t('Scanning {0}…', status.target)}`,
        tooltip: status.scanner ? l10n.t('{0} is scanning {1}.', scannerDisplayName(status.scanner), escape(status.target)) : l10n.t('Scanning {0}.', escape(status.target)),
      };
    case 'failed':
      return {
        text: `$(shield) ${l10n.t('scan failed')}`,
        tooltip: [l10n.t('The scan of {0} failed: {1}', escape(status.failure.target), escape(status.failure.message)), '', l10n.t('Select to show the details.')].join('\n\n'),
        background: 'warning',
      };
    case 'done':
      return doneView(status.report, status.stale, formatTime);
  }
}

function doneView(report: ScanReport, stale: boolean, formatTime: (iso: string) => string): StatusBarView {
  const summary = summarize(report.findings);
  let counts: string;
  if (summary.total === 0) {
    counts = l10n.t('no known vulnerabilities');
  } else {
    counts = severityCountsText(summary);
    if (counts.length + 10 > MAX_FULL_TEXT_LENGTH) {
      counts = SEVERITIES.filter((severity) => summary.bySeverity[severity] > 0)
        .map((severity) => severityCountShort(severity, summary.bySeverity[severity]))
        .join(' ');
    }
  }
  const text = stale ? `$(shield) ${counts} ${l10n.t('(stale)')}` : `$(shield) ${counts}`;
  const scanner = report.scanner.version ? `${scannerDisplayName(report.scanner.id)} ${report.scanner.version}` : scannerDisplayName(report.scanner.id);
  const lines = [
    l10n.t('Image: {0}', escape(report.target)),
    l10n.t('Scanner: {0}', escape(scanner)),
    report.databaseDate ? l10n.t('Vulnerability database: {0}', formatTime(report.databaseDate)) : l10n.t('Vulnerability database: date not reported'),
    l10n.t('Scanned: {0}', formatTime(report.time)),
    summary.total === 0 ? l10n.t('No known vulnerabilities found.') : severityCountsText(summary, ', '),
  ];
  if (stale) {
    lines.push(l10n.t('The Dockerfile changed after this scan; scan again to update the result.'));
  }
  return {
    text,
    tooltip: lines.join('\n\n'),
    background: summary.bySeverity.critical > 0 ? 'error' : summary.bySeverity.high > 0 ? 'warning' : undefined,
  };
}

function defaultFormatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>$]/g, '\\$&');
}
