// Reads SARIF 2.1.0 written by Trivy, Grype or Docker Scout into findings.
import * as l10n from '@vscode/l10n';
import type { Finding, FindingKind, FindingLocation, ScannerId, Severity } from './model';
import {
  arrayAt,
  fixStateFrom,
  isObject,
  numberAt,
  objectAt,
  parseJsonText,
  ScanOutputError,
  severityFromScore,
  severityFromText,
  splitVersions,
  stringAt,
  stringsAt,
  uniqueStrings,
  type JsonObject,
  type ParsedScan,
} from './parsing';
import { parsePurl } from './purl';
import { dockerfileCheckAliases, normalizeTrivyCheckId } from './trivyChecks';

export function parseSarif(text: string): ParsedScan {
  return readSarifLog(parseJsonText(text, 'SARIF'));
}

export function isSarifLog(document: unknown): boolean {
  return isObject(document) && typeof document.version === 'string' && Array.isArray(document.runs);
}

export function readSarifLog(document: unknown): ParsedScan {
  if (!isSarifLog(document)) {
    throw new ScanOutputError(l10n.t('The output is not a SARIF log (no version and runs).'));
  }
  const version = stringAt(document, 'version');
  if (version !== '2.1.0') {
    throw new ScanOutputError(l10n.t('The SARIF log has version {0}; this extension reads version 2.1.0.', String(version)));
  }
  const runs = arrayAt(document, 'runs').filter(isObject);
  if (runs.length === 0) {
    throw new ScanOutputError(l10n.t('The SARIF log has no runs.'));
  }
  const findings: Finding[] = [];
  let scanner: ParsedScan['scanner'] | undefined;
  let target: string | undefined;
  for (const run of runs) {
    const driver = objectAt(objectAt(run, 'tool'), 'driver');
    const driverName = stringAt(driver, 'name') ?? '';
    const scannerId = scannerOfDriver(driverName);
    if (!scannerId) {
      throw new ScanOutputError(l10n.t('The SARIF log was written by "{0}", which is not Trivy, Grype or Docker Scout.', driverName));
    }
    scanner ??= { id: scannerId, version: stringAt(driver, 'version') };
    target ??= stringAt(objectAt(run, 'properties'), 'imageName');
    const rules = arrayAt(driver, 'rules').filter(isObject);
    const rulesById = new Map(rules.map((rule) => [stringAt(rule, 'id') ?? '', rule]));
    for (const result of arrayAt(run, 'results').filter(isObject)) {
      const ruleIndex = numberAt(result, 'ruleIndex');
      const rule = (ruleIndex !== undefined ? rules[ruleIndex] : undefined) ?? rulesById.get(stringAt(result, 'ruleId') ?? '');
      findings.push(readResult(scannerId, result, rule));
    }
  }
  return { scanner: scanner ?? { id: 'trivy' }, target, findings };
}

function scannerOfDriver(name: string): ScannerId | undefined {
  const lower = name.toLowerCase();
  if (lower === 'trivy') {
    return 'trivy';
  }
  if (lower === 'grype') {
    return 'grype';
  }
  return lower === 'docker scout' ? 'docker-scout' : undefined;
}

function readResult(scanner: ScannerId, result: JsonObject, rule: JsonObject | undefined): Finding {
  switch (scanner) {
    case 'trivy':
      return readTrivyResult(result, rule);
    case 'grype':
      return readGrypeResult(result, rule);
    case 'docker-scout':
      return readScoutResult(result, rule);
  }
}

/** Trivy puts the package in the result message: "Package: x\nInstalled Version: y\n...Fixed Version: z". */
function readTrivyResult(result: JsonObject, rule: JsonObject | undefined): Finding {
  const fields = keyValueLines(stringAt(objectAt(result, 'message'), 'text'));
  const rawId = stringAt(result, 'ruleId') ?? stringAt(rule, 'id') ?? '?';
  const kind = trivyKind(stringAt(rule, 'name'));
  const id = kind === 'misconfiguration' ? normalizeTrivyCheckId(rawId) : rawId;
  const fixedVersions = splitVersions(fields.get('fixed version'));
  const packageName = fields.get('package');
  return {
    scanner: 'trivy',
    kind,
    id,
    aliases: kind === 'misconfiguration' ? uniqueStrings([rawId, ...dockerfileCheckAliases(id)], id) : [],
    severity: ruleSeverity(rule, fields.get('severity')),
    title: kind === 'misconfiguration' ? (fields.get('message') ?? ruleTitle(rule, id)) : ruleTitle(rule, id),
    package: packageName ? { name: packageName, version: fields.get('installed version') ?? '' } : undefined,
    fixedVersions,
    fixState: fixStateFrom(undefined, fixedVersions),
    url: stringAt(rule, 'helpUri'),
    location: resultLocation(result, kind !== 'vulnerability'),
  };
}

function trivyKind(ruleName: string | undefined): FindingKind {
  if (ruleName === 'Misconfiguration') {
    return 'misconfiguration';
  }
  return ruleName === 'Secret' ? 'secret' : 'vulnerability';
}

/** Grype names a rule "<vulnerability>-<package>" and lists the details in the rule's help text. */
function readGrypeResult(result: JsonObject, rule: JsonObject | undefined): Finding {
  const help = stringAt(objectAt(rule, 'help'), 'text');
  const fields = keyValueLines(help);
  const ruleId = stringAt(result, 'ruleId') ?? stringAt(rule, 'id') ?? '?';
  // The help text starts "Vulnerability CVE-1999-0001"; the rule id has the package name appended.
  const id = /^Vulnerability\s+(\S+)/m.exec(help ?? '')?.[1] ?? ruleId;
  const purl = stringsAt(objectAt(rule, 'properties'), 'purls')[0];
  const fixedVersions = splitVersions(fields.get('fix version'));
  const link = fields.get('link');
  const location = fields.get('location');
  return {
    scanner: 'grype',
    kind: 'vulnerability',
    id,
    aliases: [],
    severity: ruleSeverity(rule, fields.get('severity')),
    title: ruleTitle(rule, id),
    package: { name: fields.get('package') ?? parsePurl(purl ?? '')?.name ?? '', version: fields.get('version') ?? '', purl },
    fixedVersions,
    fixState: fixStateFrom(undefined, fixedVersions),
    url: link && /^https?:\/\//.test(link) ? link : undefined,
    location: location ? { path: location } : resultLocation(result, false),
  };
}

/** Docker Scout keeps the package and fix in the rule's properties and names the package by purl. */
function readScoutResult(result: JsonObject, rule: JsonObject | undefined): Finding {
  const properties = objectAt(rule, 'properties');
  const id = stringAt(result, 'ruleId') ?? stringAt(rule, 'id') ?? '?';
  const purl = stringAt(properties, 'purl') ?? stringsAt(properties, 'purls')[0];
  const parsed = purl ? parsePurl(purl) : undefined;
  const fixedText = stringAt(properties, 'fixed_version');
  const notFixed = fixedText === undefined || /^not fixed$/i.test(fixedText.trim());
  const fixedVersions = notFixed ? [] : splitVersions(fixedText);
  return {
    scanner: 'docker-scout',
    kind: 'vulnerability',
    id,
    aliases: [],
    severity: ruleSeverity(rule, stringAt(properties, 'cvssV3_severity')),
    title: ruleTitle(rule, id),
    package: parsed ? { name: parsed.name, version: parsed.version ?? stringAt(properties, 'affected_version') ?? '', purl } : undefined,
    fixedVersions,
    fixState: notFixed ? 'notFixed' : 'fixed',
    url: stringAt(rule, 'helpUri'),
    location: resultLocation(result, false),
  };
}

/** The tool's own severity word first; the CVSS `security-severity` score only when it gave none. */
function ruleSeverity(rule: JsonObject | undefined, stated: string | undefined): Severity {
  const fromText = severityFromText(stated);
  if (fromText !== 'unknown') {
    return fromText;
  }
  const properties = objectAt(rule, 'properties');
  for (const tag of stringsAt(properties, 'tags')) {
    const fromTag = severityFromText(tag);
    if (fromTag !== 'unknown') {
      return fromTag;
    }
  }
  const score = stringAt(properties, 'security-severity');
  return severityFromScore(score === undefined ? undefined : Number.parseFloat(score));
}

function ruleTitle(rule: JsonObject | undefined, fallback: string): string {
  return stringAt(objectAt(rule, 'shortDescription'), 'text') ?? stringAt(rule, 'name') ?? fallback;
}

function resultLocation(result: JsonObject, withLines: boolean): FindingLocation | undefined {
  const physical = objectAt(arrayAt(result, 'locations')[0], 'physicalLocation');
  const path = stringAt(objectAt(physical, 'artifactLocation'), 'uri');
  if (!path) {
    return undefined;
  }
  const region = objectAt(physical, 'region');
  const startLine = numberAt(region, 'startLine');
  if (!withLines || startLine === undefined) {
    return { path };
  }
  return { path, startLine, endLine: numberAt(region, 'endLine') ?? startLine };
}

/** "Key: value" lines, keys lower-cased; a key with an empty value is left out. */
function keyValueLines(text: string | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of (text ?? '').split(/\r?\n/)) {
    const match = /^([A-Za-z][A-Za-z ]*?):\s*(.*)$/.exec(line.trim());
    if (match && match[2].trim() !== '' && !fields.has(match[1].toLowerCase())) {
      fields.set(match[1].toLowerCase(), match[2].trim());
    }
  }
  return fields;
}
