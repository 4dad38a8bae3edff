// Writes a scan report as a SARIF 2.1.0 log, whichever scanner produced it.
import type * as Sarif from 'sarif';
import { scannerDisplayName } from './display';
import type { Finding, ScanReport, Severity } from './model';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub code scanning reads `security-severity` as a CVSS-like score; these are the midpoints of each band. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string | undefined>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  unknown: undefined,
};

export function reportToSarif(report: ScanReport): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Sarif.Result[] = [];
  for (const finding of report.findings) {
    let index = ruleIndex.get(finding.id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(finding.id, index);
      rules.push(ruleOf(finding));
    }
    results.push(resultOf(finding, index, report.target));
  }
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: scannerDisplayName(report.scanner.id),
        ...(report.scanner.version ? { version: report.scanner.version } : {}),
        rules,
      },
    },
    results,
    invocations: [{ executionSuccessful: true, endTimeUtc: report.time }],
    properties: {
      target: report.target,
      ...(report.databaseDate ? { databaseDate: report.databaseDate } : {}),
    },
  };
  return { version: '2.1.0', $schema: SARIF_SCHEMA, runs: [run] };
}

function ruleOf(finding: Finding): Sarif.ReportingDescriptor {
  const securitySeverity = SECURITY_SEVERITY[finding.severity];
  return {
    id: finding.id,
    shortDescription: { text: finding.title },
    ...(finding.url ? { helpUri: finding.url } : {}),
    defaultConfiguration: { level: levelOf(finding.severity) },
    properties: {
      tags: [finding.kind, 'security', finding.severity],
      ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
      ...(finding.aliases.length > 0 ? { aliases: [...finding.aliases] } : {}),
    },
  };
}

function resultOf(finding: Finding, ruleIndex: number, target: string): Sarif.Result {
  const pkg = finding.package;
  const subject = pkg ? `${pkg.name} ${pkg.version}`.trim() : (finding.location?.path ?? target);
  const fix = finding.fixedVersions.length > 0 ? ` (fixed in ${finding.fixedVersions.join(', ')})` : '';
  const location: Sarif.Location = finding.location
    ? {
        physicalLocation: {
          artifactLocation: { uri: finding.location.path },
          ...(finding.location.startLine ? { region: { startLine: finding.location.startLine, endLine: finding.location.endLine ?? finding.location.startLine } } : {}),
        },
      }
    : { logicalLocations: [{ name: target, kind: 'module' }] };
  return {
    ruleId: finding.id,
    ruleIndex,
    level: levelOf(finding.severity),
    message: { text: `${finding.id}: ${subject}${fix}. ${finding.title}` },
    locations: [location],
    properties: {
      severity: finding.severity,
      fixState: finding.fixState,
      fixedVersions: [...finding.fixedVersions],
      ...(pkg ? { packageName: pkg.name, packageVersion: pkg.version } : {}),
      ...(pkg?.purl ? { purl: pkg.purl } : {}),
    },
  };
}

function levelOf(severity: Severity): Sarif.ReportingConfiguration.level {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    default:
      return 'note';
  }
}
