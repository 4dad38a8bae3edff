// Names and words shown to the user for scanners and severities.
import * as l10n from '@vscode/l10n';
import type { ScannerId, Severity } from './model';

export function scannerDisplayName(scanner: ScannerId): string {
  switch (scanner) {
    case 'trivy':
      return 'Trivy';
    case 'grype':
      return 'Grype';
    case 'docker-scout':
      return 'Docker Scout';
  }
}

/** The severity as a label on its own (tree headings, hovers). */
export function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'critical':
      return l10n.t('Critical');
    case 'high':
      return l10n.t('High');
    case 'medium':
      return l10n.t('Medium');
    case 'low':
      return l10n.t('Low');
    case 'unknown':
      return l10n.t('Unknown severity');
  }
}

/** "2 critical" — a count of findings of one severity. */
export function severityCount(severity: Severity, count: number): string {
  switch (severity) {
    case 'critical':
      return l10n.t('{0} critical', count);
    case 'high':
      return l10n.t('{0} high', count);
    case 'medium':
      return l10n.t('{0} medium', count);
    case 'low':
      return l10n.t('{0} low', count);
    case 'unknown':
      return l10n.t('{0} unknown', count);
  }
}

/** "2C" — the narrow form of `severityCount`. */
export function severityCountShort(severity: Severity, count: number): string {
  switch (severity) {
    case 'critical':
      return l10n.t('{0}C', count);
    case 'high':
      return l10n.t('{0}H', count);
    case 'medium':
      return l10n.t('{0}M', count);
    case 'low':
      return l10n.t('{0}L', count);
    case 'unknown':
      return l10n.t('{0}?', count);
  }
}
