import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { reportToSarif } from '../../../client/src/scan/exportSarif';
import type { Finding, ScanReport, Severity } from '../../../client/src/scan/model';
import { parseScanOutput } from '../../../client/src/scan/parseOutput';
import { statusBarView } from '../../../client/src/scan/statusBarModel';
import { baseImageSummaryText, severityCountsText, summarize, worstFindings, worstFindingsMarkdown } from '../../../client/src/scan/summary';
import { projectRoot, readRecorded, skipWithoutRecordedOutputs } from './recorded';

function vulnerability(id: string, severity: Severity, fixedVersions: string[] = [], purl?: string): Finding {
  return {
    scanner: 'trivy',
    kind: 'vulnerability',
    id,
    aliases: [],
    severity,
    title: `title of ${id}`,
    package: { name: `pkg-${id}`, version: '1.0', purl },
    fixedVersions,
    fixState: fixedVersions.length > 0 ? 'fixed' : 'notFixed',
    url: `https://example.test/${id}`,
  };
}

function findingsOf(spec: Partial<Record<Severity, number>>, fixable = 0): Finding[] {
  const findings: Finding[] = [];
  for (const [severity, count] of Object.entries(spec) as Array<[Severity, number]>) {
    for (let i = 0; i < count; i++) {
      findings.push(vulnerability(`CVE-${severity}-${i}`, severity, findings.length < fixable ? ['2.0'] : []));
    }
  }
  return findings;
}

function report(findings: Finding[]): ScanReport {
  return {
    target: 'app:1.0',
    scanner: { id: 'trivy', version: '0.50.1' },
    databaseDate: '2024-05-01T00:00:00Z',
    time: '2024-05-02T10:00:00Z',
    findings,
  };
}

const formatTime = (iso: string) => `<${iso}>`;

describe('scan summary', () => {
  it('counts findings by severity and fixable', () => {
    const summary = summarize(findingsOf({ critical: 2, high: 5, medium: 11, low: 1 }, 9));
    assert.deepEqual(summary, { total: 19, bySeverity: { critical: 2, high: 5, medium: 11, low: 1, unknown: 0 }, fixable: 9 });
    assert.equal(severityCountsText(summary), '2 critical · 5 high · 11 medium · 1 low');
  });

  it('writes the FROM line summary with the vulnerabilities a newer base image fixes', () => {
    const findings = [...findingsOf({ critical: 2, high: 3, medium: 9 }, 9), vulnerability('CVE-npm', 'medium', ['3.0'], 'pkg:npm/jquery@1.0')];
    assert.equal(baseImageSummaryText(findings), '15 vulnerabilities, 2 critical, 9 fixable by updating the base image');
    assert.equal(baseImageSummaryText([vulnerability('CVE-1', 'low', ['2'])]), '1 vulnerability, 1 fixable by updating the base image');
    assert.equal(baseImageSummaryText(findingsOf({ high: 2 })), '2 vulnerabilities');
    assert.equal(baseImageSummaryText([]), 'No known vulnerabilities in the image');
  });

  it('lists the worst findings first, fixable first within a severity', () => {
    const findings = [vulnerability('CVE-L', 'low'), vulnerability('CVE-C1', 'critical'), vulnerability('CVE-C2', 'critical', ['1.1']), vulnerability('CVE-H', 'high')];
    assert.deepEqual(worstFindings(findings, 3).map((f) => f.id), ['CVE-C2', 'CVE-C1', 'CVE-H']);
    const markdown = worstFindingsMarkdown(findings, 2).split('\n');
    assert.equal(markdown[0], '- **Critical** [CVE-C2](https://example.test/CVE-C2) pkg-CVE-C2 1.0 — fixed in 1.1');
    assert.equal(markdown[2], '…and 2 more');
  });

  it('summarises a recorded Trivy image scan (recorded output)', function () {
    skipWithoutRecordedOutputs(this);
    const parsed = parseScanOutput(readRecorded('trivy/image-alpine-39-high-critical.json'), 'trivy');
    assert.equal(baseImageSummaryText(parsed.findings), '2 vulnerabilities, 2 critical, 2 fixable by updating the base image');
  });
});

describe('scan status bar', () => {
  it('shows a spinner while scanning', () => {
    const view = statusBarView({ state: 'scanning', target: 'app:1.0', scanner: 'grype' });
    assert.equal(view.text, '$(loading~spin) Scanning app:1.0…');
    assert.equal(view.tooltip, 'Grype is scanning app:1.0.');
    assert.equal(view.background, undefined);
  });

  it('shows a clean result without a count of zero severities', () => {
    const view = statusBarView({ state: 'done', report: report([]), stale: false }, formatTime);
    assert.equal(view.text, '$(shield) no known vulnerabilities');
    assert.equal(view.background, undefined);
    assert.match(view.tooltip, /Image: app:1\.0/);
    assert.match(view.tooltip, /Scanner: Trivy 0\.50\.1/);
    assert.match(view.tooltip, /Vulnerability database: <2024-05-01T00:00:00Z>/);
    assert.match(view.tooltip, /Scanned: <2024-05-02T10:00:00Z>/);
  });

  it('shows the counts, with an error background when any is critical', () => {
    const view = statusBarView({ state: 'done', report: report(findingsOf({ critical: 2, high: 5, medium: 11 })), stale: false }, formatTime);
    assert.equal(view.text, '$(shield) 2 critical · 5 high · 11 medium');
    assert.equal(view.background, 'error');
  });

  it('uses a warning background for high without critical, none for medium', () => {
    assert.equal(statusBarView({ state: 'done', report: report(findingsOf({ high: 1 })), stale: false }).background, 'warning');
    assert.equal(statusBarView({ state: 'done', report: report(findingsOf({ medium: 3 })), stale: false }).background, undefined);
  });

  it('switches to the short form when all severities are present', () => {
    const view = statusBarView({ state: 'done', report: report(findingsOf({ critical: 12, high: 25, medium: 110, low: 300, unknown: 4 })), stale: false });
    assert.equal(view.text, '$(shield) 12C 25H 110M 300L 4?');
  });

  it('shows failure without any count, with the reason in the tooltip', () => {
    const view = statusBarView({
      state: 'failed',
      failure: { reason: 'timedOut', message: 'Trivy did not finish within 600 seconds.', target: 'app:1.0', time: '2024-05-02T10:00:00Z' },
    });
    assert.equal(view.text, '$(shield) scan failed');
    assert.doesNotMatch(view.text, /\d/);
    assert.match(view.tooltip, /The scan of app:1\.0 failed: Trivy did not finish within 600 seconds\./);
    assert.equal(view.background, 'warning');
  });

  it('marks a result as stale when the Dockerfile changed', () => {
    const view = statusBarView({ state: 'done', report: report(findingsOf({ high: 1 })), stale: true }, formatTime);
    assert.equal(view.text, '$(shield) 1 high (stale)');
    assert.match(view.tooltip, /The Dockerfile changed after this scan/);
  });
});

describe('SARIF export', () => {
  it('writes one rule per id and one result per finding (recorded output)', function () {
    skipWithoutRecordedOutputs(this);
    const parsed = parseScanOutput(readRecorded('trivy/image-alpine-310.json'), 'trivy');
    const log = reportToSarif({ target: 'alpine:3.10', scanner: parsed.scanner, time: '2024-05-02T10:00:00Z', findings: parsed.findings });
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'Trivy');
    assert.deepEqual(run.tool.driver.rules?.map((rule) => rule.id), ['CVE-2019-1549', 'CVE-2019-1551']);
    assert.equal(run.results?.length, 4);
    assert.deepEqual(run.results?.map((result) => result.ruleIndex), [0, 1, 0, 1]);
    assert.equal(run.results?.[0].level, 'warning');
    assert.equal(run.results?.[0].properties?.purl, 'pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2');
  });

  it('round-trips through the SARIF reader: same ids, severities and lines (recorded output)', function () {
    skipWithoutRecordedOutputs(this);
    const parsed = parseScanOutput(readRecorded('trivy/config-helm-testchart.json'), 'trivy');
    const log = reportToSarif({ target: 'chart', scanner: parsed.scanner, time: '2024-05-02T10:00:00Z', findings: parsed.findings });
    const text = JSON.stringify(log);
    // Our export names the driver "Trivy", so it reads back with the Trivy SARIF reader.
    const again = parseScanOutput(text);
    assert.deepEqual(
      again.findings.map((f) => [f.id, f.severity]),
      parsed.findings.map((f) => [f.id, f.severity]),
    );
    assert.equal(log.runs[0].results?.[0].locations?.[0].physicalLocation?.region?.startLine, 28);
  });
});

/** Spanish strings come from the project's bundle, into which l10n-scan.json is merged. */
describe('scan texts in Spanish', function () {
  const bundlePath = path.join(projectRoot, 'l10n', 'bundle.l10n.es.json');

  before(function () {
    if (!existsSync(bundlePath)) {
      console.warn(`    skipped: ${bundlePath} does not exist yet`);
      this.skip();
    }
    l10n.config({ contents: JSON.parse(readFileSync(bundlePath, 'utf8')) });
  });

  after(() => {
    l10n.config({ contents: {} });
  });

  it('has a Spanish translation of every string of the scan and process modules', () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as Record<string, string>;
    const missing: string[] = [];
    for (const dir of ['client/src/scan', 'client/src/process']) {
      for (const key of l10nKeysIn(path.join(projectRoot, dir))) {
        if (!(key in bundle)) {
          missing.push(key);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it('writes the FROM line summary and the status bar in Spanish', () => {
    assert.equal(baseImageSummaryText(findingsOf({ critical: 2, high: 3, medium: 9 }, 9)), '14 vulnerabilidades, 2 críticas, 9 corregibles actualizando la imagen base');
    const view = statusBarView({ state: 'done', report: report(findingsOf({ critical: 2, high: 5, medium: 11 })), stale: true });
    assert.equal(view.text, '$(shield) 2 críticas · 5 altas · 11 medias (desactualizado)');
    assert.equal(statusBarView({ state: 'failed', failure: { reason: 'cancelled', message: 'x', target: 'a', time: '' } }).text, '$(shield) análisis fallido');
  });
});

/** The English keys of `l10n.t('...')` and `t('...')` (client/src/localize.ts) calls in the source. */
function l10nKeysIn(dir: string): string[] {
  const keys: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) {
      continue;
    }
    const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const match of source.matchAll(/(?:l10n\.t|\bt)\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)) {
      keys.push(match[2].replace(/\\(.)/g, '$1'));
    }
  }
  return keys;
}
