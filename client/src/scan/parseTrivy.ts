// Reads `trivy image|fs|config --format json` (SchemaVersion 2) into findings.
import * as l10n from '@vscode/l10n';
import type { Finding, FindingLocation } from './model';
import {
  arrayAt,
  fixStateFrom,
  isObject,
  numberAt,
  objectAt,
  parseJsonText,
  ScanOutputError,
  severityFromText,
  splitVersions,
  stringAt,
  stringsAt,
  uniqueStrings,
  type JsonObject,
  type ParsedScan,
} from './parsing';
import { dockerfileCheckAliases, normalizeTrivyCheckId } from './trivyChecks';

export function parseTrivyJson(text: string): ParsedScan {
  const document = parseJsonText(text, 'Trivy');
  return readTrivyReport(document);
}

export function isTrivyJson(document: unknown): boolean {
  return isObject(document) && typeof document.SchemaVersion === 'number' && ('Results' in document || 'ArtifactName' in document);
}

export function readTrivyReport(document: unknown): ParsedScan {
  if (!isTrivyJson(document)) {
    throw new ScanOutputError(l10n.t('The Trivy output is not a Trivy JSON report (no SchemaVersion and Results).'));
  }
  const schemaVersion = numberAt(document, 'SchemaVersion');
  if (schemaVersion !== 2) {
    throw new ScanOutputError(l10n.t('The Trivy JSON report has schema version {0}; this extension reads version 2.', String(schemaVersion)));
  }
  const findings: Finding[] = [];
  for (const result of arrayAt(document, 'Results')) {
    if (!isObject(result)) {
      continue;
    }
    const target = stringAt(result, 'Target') ?? '';
    for (const vulnerability of arrayAt(result, 'Vulnerabilities')) {
      if (isObject(vulnerability)) {
        findings.push(readVulnerability(vulnerability, target));
      }
    }
    for (const misconfiguration of arrayAt(result, 'Misconfigurations')) {
      // Passed checks are listed too when --include-non-failures is given; only failures are findings.
      if (isObject(misconfiguration) && (stringAt(misconfiguration, 'Status') ?? 'FAIL') === 'FAIL') {
        findings.push(readMisconfiguration(misconfiguration, target));
      }
    }
    for (const secret of arrayAt(result, 'Secrets')) {
      if (isObject(secret)) {
        findings.push(readSecret(secret, target));
      }
    }
  }
  return {
    scanner: { id: 'trivy', version: stringAt(objectAt(document, 'Trivy'), 'Version') },
    target: stringAt(document, 'ArtifactName'),
    findings,
  };
}

function readVulnerability(vulnerability: JsonObject, target: string): Finding {
  const id = stringAt(vulnerability, 'VulnerabilityID') ?? stringAt(vulnerability, 'PkgID') ?? '?';
  const fixedVersions = splitVersions(stringAt(vulnerability, 'FixedVersion'));
  return {
    scanner: 'trivy',
    kind: 'vulnerability',
    id,
    aliases: uniqueStrings(stringsAt(vulnerability, 'VendorIDs'), id),
    severity: severityFromText(stringAt(vulnerability, 'Severity')),
    title: stringAt(vulnerability, 'Title') ?? firstLine(stringAt(vulnerability, 'Description')) ?? id,
    package: {
      name: stringAt(vulnerability, 'PkgName') ?? '',
      version: stringAt(vulnerability, 'InstalledVersion') ?? '',
      purl: stringAt(objectAt(vulnerability, 'PkgIdentifier'), 'PURL'),
    },
    fixedVersions,
    fixState: fixStateFrom(stringAt(vulnerability, 'Status'), fixedVersions),
    url: stringAt(vulnerability, 'PrimaryURL'),
    location: target ? { path: stringAt(vulnerability, 'PkgPath') ?? target } : undefined,
  };
}

function readMisconfiguration(misconfiguration: JsonObject, target: string): Finding {
  const rawId = stringAt(misconfiguration, 'ID') ?? stringAt(misconfiguration, 'AVDID') ?? '?';
  const avdId = stringAt(misconfiguration, 'AVDID');
  const id = normalizeTrivyCheckId(rawId);
  const cause = objectAt(misconfiguration, 'CauseMetadata');
  return {
    scanner: 'trivy',
    kind: 'misconfiguration',
    id,
    aliases: uniqueStrings([rawId, ...(avdId ? [avdId] : []), ...dockerfileCheckAliases(id)], id),
    severity: severityFromText(stringAt(misconfiguration, 'Severity')),
    title: stringAt(misconfiguration, 'Message') ?? stringAt(misconfiguration, 'Title') ?? id,
    fixedVersions: [],
    fixState: 'unknown',
    url: stringAt(misconfiguration, 'PrimaryURL') ?? stringsAt(misconfiguration, 'References')[0],
    location: locationOf(target, numberAt(cause, 'StartLine'), numberAt(cause, 'EndLine')),
  };
}

function readSecret(secret: JsonObject, target: string): Finding {
  const id = stringAt(secret, 'RuleID') ?? '?';
  return {
    scanner: 'trivy',
    kind: 'secret',
    id,
    aliases: [],
    severity: severityFromText(stringAt(secret, 'Severity')),
    title: stringAt(secret, 'Title') ?? id,
    fixedVersions: [],
    fixState: 'unknown',
    location: locationOf(target, numberAt(secret, 'StartLine'), numberAt(secret, 'EndLine')),
  };
}

function locationOf(path: string, startLine: number | undefined, endLine: number | undefined): FindingLocation | undefined {
  if (!path) {
    return undefined;
  }
  // Trivy writes 0 when a check is about the whole file (a missing USER), not about a line.
  if (startLine === undefined || startLine < 1) {
    return { path };
  }
  return { path, startLine, endLine: endLine !== undefined && endLine >= startLine ? endLine : startLine };
}

function firstLine(text: string | undefined): string | undefined {
  return text?.split(/\r?\n/)[0].trim() || undefined;
}
