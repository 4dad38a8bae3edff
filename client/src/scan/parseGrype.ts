// Reads `grype -o json` (`matches[]`) into findings.
import * as l10n from '@vscode/l10n';
import type { Finding } from './model';
import {
  arrayAt,
  fixStateFrom,
  isObject,
  objectAt,
  parseJsonText,
  ScanOutputError,
  severityFromText,
  stringAt,
  stringsAt,
  uniqueStrings,
  type JsonObject,
  type ParsedScan,
} from './parsing';

export function parseGrypeJson(text: string): ParsedScan {
  return readGrypeReport(parseJsonText(text, 'Grype'));
}

export function isGrypeJson(document: unknown): boolean {
  return isObject(document) && Array.isArray(document.matches) && isObject(document.descriptor);
}

export function readGrypeReport(document: unknown): ParsedScan {
  if (!isGrypeJson(document)) {
    throw new ScanOutputError(l10n.t('The Grype output is not a Grype JSON report (no matches and descriptor).'));
  }
  const descriptor = objectAt(document, 'descriptor');
  const version = stringAt(descriptor, 'version');
  const database = objectAt(descriptor, 'db');
  const findings = arrayAt(document, 'matches').filter(isObject).map(readMatch);
  return {
    scanner: { id: 'grype', version: version && !version.startsWith('[') ? version : undefined },
    target: targetOf(objectAt(document, 'source')),
    databaseDate: stringAt(database, 'built') ?? stringAt(objectAt(database, 'status'), 'built'),
    findings,
  };
}

function readMatch(match: JsonObject): Finding {
  const vulnerability = objectAt(match, 'vulnerability');
  const artifact = objectAt(match, 'artifact');
  const fix = objectAt(vulnerability, 'fix');
  const id = stringAt(vulnerability, 'id') ?? '?';
  const fixedVersions = stringsAt(fix, 'versions');
  const related = arrayAt(match, 'relatedVulnerabilities').map((entry) => stringAt(entry, 'id') ?? '');
  const path = stringAt(arrayAt(artifact, 'locations')[0], 'path');
  const description = stringAt(vulnerability, 'description');
  return {
    scanner: 'grype',
    kind: 'vulnerability',
    id,
    aliases: uniqueStrings(related, id),
    severity: severityFromText(stringAt(vulnerability, 'severity')),
    title: description?.split(/\r?\n/)[0].trim() || id,
    package: {
      name: stringAt(artifact, 'name') ?? '',
      version: stringAt(artifact, 'version') ?? '',
      purl: stringAt(artifact, 'purl'),
    },
    fixedVersions,
    fixState: fixStateFrom(stringAt(fix, 'state'), fixedVersions),
    url: stringAt(vulnerability, 'dataSource') ?? stringsAt(vulnerability, 'urls')[0],
    location: path ? { path } : undefined,
  };
}

function targetOf(source: JsonObject | undefined): string | undefined {
  const target = source?.target;
  if (typeof target === 'string') {
    return target === 'unknown' ? undefined : target;
  }
  return stringAt(target, 'userInput');
}
