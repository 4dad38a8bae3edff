import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../../client/src/scan/model';
import { parseScanOutput, ScanOutputError, type ParsedScan } from '../../../client/src/scan/parseOutput';
import { parsePurl } from '../../../client/src/scan/purl';
import { summarize } from '../../../client/src/scan/summary';
import { dockerfileCheckAliases, knownDockerfileCheckIds, normalizeTrivyCheckId } from '../../../client/src/scan/trivyChecks';
import { hasRecordedOutputs, listRecorded, ownFixturesDir, readRecorded, skipWithoutRecordedOutputs } from './recorded';

function find(parsed: ParsedScan, id: string, packageName?: string): Finding {
  const found = parsed.findings.find((finding) => finding.id === id && (packageName === undefined || finding.package?.name === packageName));
  assert.ok(found, `no finding ${id} ${packageName ?? ''} in ${parsed.findings.map((f) => f.id).join(', ')}`);
  return found;
}

function counts(parsed: ParsedScan): string {
  const { bySeverity } = summarize(parsed.findings);
  return `c${bySeverity.critical} h${bySeverity.high} m${bySeverity.medium} l${bySeverity.low} u${bySeverity.unknown}`;
}

/** Files that are not scanner outputs: documentation, inputs, check facts. */
const NOT_OUTPUTS = new Set([
  'README.md',
  'SOURCES.tsv',
  'NOTES-buildx.md',
  'docker-scout/NOTE.md',
  'trivy/trivy-checks-dockerfile-ids.tsv',
  'trivy/config-dockerfile.input.Dockerfile',
  'trivy/check-example-latest_tag.yaml',
  'trivy/check-example-root_user.yaml',
  'trivy/check-example-add_instead_of_copy.yaml',
]);

/** What each recorded output must parse into. */
const EXPECTED: Record<string, (parsed: ParsedScan) => void> = {
  'trivy/image-alpine-310.json': (parsed) => {
    assert.deepEqual(parsed.scanner, { id: 'trivy', version: 'dev' });
    assert.equal(parsed.target, 'testdata/fixtures/images/alpine-310.tar.gz');
    assert.equal(counts(parsed), 'c0 h0 m4 l0 u0');
    const finding = find(parsed, 'CVE-2019-1549', 'libcrypto1.1');
    assert.equal(finding.kind, 'vulnerability');
    assert.equal(finding.title, 'openssl: information disclosure in fork()');
    assert.deepEqual(finding.package, { name: 'libcrypto1.1', version: '1.1.1c-r0', purl: 'pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64&distro=3.10.2' });
    assert.deepEqual(finding.fixedVersions, ['1.1.1d-r0']);
    assert.equal(finding.fixState, 'fixed');
    assert.equal(finding.url, 'https://avd.aquasec.com/nvd/cve-2019-1549');
    assert.deepEqual(find(parsed, 'CVE-2019-1551', 'libssl1.1').fixedVersions, ['1.1.1d-r2']);
  },
  'trivy/image-alpine-39-high-critical.json': (parsed) => {
    assert.equal(counts(parsed), 'c2 h0 m0 l0 u0');
    assert.deepEqual(
      parsed.findings.map((f) => `${f.id} ${f.package?.name} ${f.fixedVersions.join('|')}`),
      ['CVE-2019-14697 musl 1.1.20-r5', 'CVE-2019-14697 musl-utils 1.1.20-r5'],
    );
  },
  'trivy/image-alpine-310.sarif.json': (parsed) => {
    assert.equal(parsed.scanner.id, 'trivy');
    assert.equal(parsed.target, 'testdata/fixtures/images/alpine-310.tar.gz');
    assert.equal(counts(parsed), 'c0 h0 m4 l0 u0');
    const finding = find(parsed, 'CVE-2019-1551', 'libcrypto1.1');
    assert.equal(finding.package?.version, '1.1.1c-r0');
    assert.deepEqual(finding.fixedVersions, ['1.1.1d-r2']);
    assert.equal(finding.title, 'openssl: Integer overflow in RSAZ modular exponentiation on x86_64');
    assert.equal(finding.url, 'https://avd.aquasec.com/nvd/cve-2019-1551');
  },
  'trivy/fs-npm.json': (parsed) => {
    assert.equal(parsed.findings.length, 1);
    const jquery = find(parsed, 'CVE-2019-11358', 'jquery');
    assert.equal(jquery.package?.purl, 'pkg:npm/jquery@3.3.9');
    assert.deepEqual(jquery.fixedVersions, ['3.4.0']);
    assert.deepEqual(jquery.location, { path: 'package-lock.json' });
  },
  'trivy/fs-secrets.json': (parsed) => {
    assert.deepEqual(
      parsed.findings.map((f) => [f.kind, f.id, f.severity, f.title, f.location?.path, f.location?.startLine, f.location?.endLine]),
      [
        ['secret', 'aws-access-key-id', 'critical', 'AWS Access Key ID', 'deploy.sh', 3, 3],
        ['secret', 'mysecret', 'high', 'My Secret', 'deploy.sh', 7, 7],
      ],
    );
  },
  'trivy/config-dockerfile.json': (parsed) => {
    assert.equal(parsed.findings.length, 1);
    const root = find(parsed, 'DS-0002');
    assert.equal(root.kind, 'misconfiguration');
    assert.equal(root.severity, 'high');
    assert.equal(root.title, 'Specify at least 1 USER command in Dockerfile with non-root user as argument');
    assert.deepEqual(root.location, { path: 'Dockerfile' });
    assert.deepEqual([...root.aliases].sort(), ['AVD-DS-0002', 'DS002', 'docker-least-privilege-user', 'least-privilege-user']);
  },
  'trivy/config-dockerfile-legacy-ids.json': (parsed) => {
    const root = find(parsed, 'DS-0002');
    assert.ok(root.aliases.includes('DS002') && root.aliases.includes('AVD-DS-0002'));
    assert.equal(root.url, 'https://avd.aquasec.com/misconfig/ds002');
  },
  'trivy/config-dockerfile-custom-policies.json': (parsed) => {
    assert.deepEqual(parsed.findings.map((f) => `${f.id} ${f.severity} ${f.title}`), ['AVD-BAR-0001 low something bad: bar', 'AVD-FOO-0001 low something bad: foo']);
  },
  'trivy/config-helm-testchart.json': (parsed) => {
    assert.equal(parsed.findings.length, 6);
    assert.equal(counts(parsed), 'c0 h1 m3 l2 u0');
    assert.deepEqual(find(parsed, 'KSV-0001').location, { path: 'templates/deployment.yaml', startLine: 28, endLine: 57 });
    assert.deepEqual(find(parsed, 'KSV-0117').location, { path: 'templates/deployment.yaml' });
  },
  'grype/image.json': (parsed) => {
    assert.deepEqual(parsed.scanner, { id: 'grype', version: undefined });
    assert.equal(parsed.target, 'user-input');
    assert.equal(counts(parsed), 'c1 h0 m0 l1 u0');
    const low = find(parsed, 'CVE-1999-0001');
    assert.deepEqual(low.fixedVersions, ['1.2.1', '2.1.3', '3.4.0']);
    assert.equal(low.fixState, 'fixed');
    assert.deepEqual(low.package, { name: 'package-1', version: '1.1.1', purl: undefined });
    assert.deepEqual(low.location, { path: '/foo/bar/somefile-1.txt' });
    const critical = find(parsed, 'CVE-1999-0002');
    assert.deepEqual(critical.fixedVersions, []);
    assert.equal(critical.fixState, 'unknown');
    assert.equal(critical.package?.purl, 'pkg:deb/package-2@2.2.2');
  },
  'grype/empty.json': (parsed) => {
    assert.equal(parsed.scanner.id, 'grype');
    assert.equal(parsed.findings.length, 0);
    assert.equal(parsed.target, undefined);
  },
  'grype/image.sarif.json': (parsed) => {
    assert.deepEqual(parsed.scanner, { id: 'grype', version: '0.0.0-dev' });
    assert.equal(counts(parsed), 'c1 h0 m0 l1 u0');
    const low = find(parsed, 'CVE-1999-0001');
    assert.deepEqual(low.package, { name: 'package-1', version: '1.1.1', purl: undefined });
    assert.deepEqual(low.fixedVersions, ['1.2.1', '2.1.3', '3.4.0']);
    assert.deepEqual(low.location, { path: 'somefile-1.txt' });
    const critical = find(parsed, 'CVE-1999-0002');
    assert.deepEqual(critical.package, { name: 'package-2', version: '2.2.2', purl: 'pkg:deb/package-2@2.2.2' });
    assert.equal(critical.fixState, 'unknown');
  },
  'grype/dir.sarif.json': (parsed) => {
    assert.equal(parsed.findings.length, 2);
    assert.deepEqual(find(parsed, 'CVE-1999-0002').location, { path: '/some/path/somefile-2.txt' });
  },
};

describe('scanner output parsers (recorded output)', function () {
  before(function () {
    skipWithoutRecordedOutputs(this);
  });

  it('knows every file in the recorded scanner outputs', () => {
    const unknown = listRecorded().filter((file) => !(file in EXPECTED) && !NOT_OUTPUTS.has(file));
    assert.deepEqual(unknown, [], 'a recorded file has no expectation here; add one');
  });

  for (const [file, check] of Object.entries(EXPECTED)) {
    it(`parses ${file} (recorded output)`, () => {
      check(parseScanOutput(readRecorded(file)));
    });
  }

  for (const file of NOT_OUTPUTS) {
    it(`rejects ${file}, which is not a scanner output, with a clear error (recorded output)`, () => {
      assert.throws(() => parseScanOutput(readRecorded(file)), (error: unknown) => error instanceof ScanOutputError && /not valid JSON/.test(error.message));
    });
  }

  it('splits the comma-separated fixed versions of Trivy (recorded output, one field changed)', () => {
    const report = JSON.parse(readRecorded('trivy/image-alpine-310.json'));
    report.Results[0].Vulnerabilities[0].FixedVersion = '1.1.1d-r0, 1.1.1g-r0,3.0.0';
    const parsed = parseScanOutput(JSON.stringify(report), 'trivy');
    assert.deepEqual(parsed.findings[0].fixedVersions, ['1.1.1d-r0', '1.1.1g-r0', '3.0.0']);
  });

  it("counts Grype's Negligible as low (recorded output, one field changed)", () => {
    const report = JSON.parse(readRecorded('grype/image.json'));
    report.matches[1].vulnerability.severity = 'Negligible';
    const parsed = parseScanOutput(JSON.stringify(report), 'grype');
    assert.equal(counts(parsed), 'c0 h0 m0 l2 u0');
  });

  it('reads fix states and related ids of Grype (recorded output, fields changed)', () => {
    const report = JSON.parse(readRecorded('grype/image.json'));
    report.matches[1].vulnerability.fix.state = 'wont-fix';
    report.matches[1].relatedVulnerabilities = [{ id: 'GHSA-xxxx-yyyy-zzzz' }, { id: 'CVE-1999-0002' }];
    report.descriptor.db = { built: '2024-05-01T01:02:03Z' };
    const parsed = parseScanOutput(JSON.stringify(report), 'grype');
    assert.equal(parsed.findings[1].fixState, 'wontFix');
    assert.deepEqual(parsed.findings[1].aliases, ['GHSA-xxxx-yyyy-zzzz']);
    assert.equal(parsed.databaseDate, '2024-05-01T01:02:03Z');
  });

  it('rejects truncated output as not valid JSON (recorded output, cut in half)', () => {
    const text = readRecorded('trivy/image-alpine-310.json');
    assert.throws(() => parseScanOutput(text.slice(0, text.length / 2), 'trivy'), /The Trivy output is not valid JSON/);
  });

  it('rejects output of another scanner than the one that ran (recorded output)', () => {
    assert.throws(() => parseScanOutput(readRecorded('grype/image.json'), 'trivy'), /expected from Trivy but was written by Grype/);
  });

  it('rejects a SARIF log from a tool that is not a supported scanner (recorded output, driver renamed)', () => {
    const log = JSON.parse(readRecorded('grype/image.sarif.json'));
    log.runs[0].tool.driver.name = 'snyk';
    assert.throws(() => parseScanOutput(JSON.stringify(log)), /written by "snyk"/);
  });

  it('rejects a SARIF log of another version (recorded output, version changed)', () => {
    const log = JSON.parse(readRecorded('trivy/image-alpine-310.sarif.json'));
    log.version = '2.0.0';
    assert.throws(() => parseScanOutput(JSON.stringify(log)), /version 2\.0\.0/);
  });

  it('matches the Dockerfile check ids and aliases of trivy-checks (recorded facts)', () => {
    const rows = readRecorded('trivy/trivy-checks-dockerfile-ids.tsv')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    assert.equal(rows.length, 28);
    assert.deepEqual(knownDockerfileCheckIds(), rows.map((row) => row[0]));
    for (const [id, , , aliases] of rows) {
      assert.deepEqual(dockerfileCheckAliases(id).sort(), aliases.split(',').sort(), id);
      for (const alias of aliases.split(',').filter((alias) => /^(AVD-)?DS/.test(alias))) {
        assert.equal(normalizeTrivyCheckId(alias), id, alias);
      }
    }
  });
});

describe('scanner output parsers (no recorded output needed)', () => {
  it('reads Docker Scout SARIF from rule properties and purls (sample built from the documented shape, not recorded)', () => {
    const parsed = parseScanOutput(readFileSync(path.join(ownFixturesDir, 'docker-scout-cves.sarif.json'), 'utf8'), 'docker-scout');
    assert.deepEqual(parsed.scanner, { id: 'docker-scout', version: '1.23.0' });
    assert.deepEqual(
      parsed.findings.map((f) => [f.id, f.severity, f.package?.name, f.package?.version, f.fixedVersions.join('|'), f.fixState, f.url]),
      [
        ['CVE-2024-0001', 'critical', 'libexample', '1.2.3-1', '1.2.3-2|1.3.0-1', 'fixed', 'https://scout.docker.com/v/CVE-2024-0001'],
        ['GHSA-aaaa-bbbb-cccc', 'high', 'lodash', '4.17.20', '', 'notFixed', 'https://scout.docker.com/v/GHSA-aaaa-bbbb-cccc'],
        ['CVE-2024-0002', 'unknown', 'util-linux', '2.38.1-5+deb12u1', '', 'notFixed', 'https://scout.docker.com/v/CVE-2024-0002'],
      ],
    );
    assert.deepEqual(parsed.findings[1].location, { path: '/app/node_modules/@example/lodash/package.json' });
  });

  it('says the output is empty rather than invalid', () => {
    assert.throws(() => parseScanOutput('  \n', 'grype'), /The Grype output is empty/);
  });

  it('rejects JSON that no supported scanner writes', () => {
    assert.throws(() => parseScanOutput('{"hello": "world"}', 'trivy'), /neither a Trivy or Grype JSON report nor a SARIF log/);
    assert.throws(() => parseScanOutput('[1, 2]'), /neither/);
  });

  it('rejects a Trivy report of another schema version', () => {
    assert.throws(() => parseScanOutput('{"SchemaVersion": 1, "Results": []}'), /schema version 1/);
  });

  it('reads a clean Trivy report without Results as zero findings', () => {
    const parsed = parseScanOutput('{"SchemaVersion": 2, "ArtifactName": "app:1.0", "Trivy": {"Version": "0.50.1"}}', 'trivy');
    assert.deepEqual(parsed, { scanner: { id: 'trivy', version: '0.50.1' }, target: 'app:1.0', findings: [] });
  });

  it('normalises old Trivy check ids and keeps others', () => {
    assert.deepEqual(['DS002', 'AVD-DS-0002', 'DS-0002', 'ds026', 'KSV-0001', 'AVD-BAR-0001'].map(normalizeTrivyCheckId), [
      'DS-0002',
      'DS-0002',
      'DS-0002',
      'DS-0026',
      'KSV-0001',
      'AVD-BAR-0001',
    ]);
  });

  it('parses package URLs with namespaces, scopes, encoded versions and qualifiers', () => {
    assert.deepEqual(parsePurl('pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64'), { type: 'deb', namespace: 'debian', name: 'openssl', version: '3.0.11-1~deb12u2' });
    assert.deepEqual(parsePurl('pkg:npm/%40scope/pkg@1.0.0'), { type: 'npm', namespace: '@scope', name: 'pkg', version: '1.0.0' });
    assert.deepEqual(parsePurl('pkg:npm/@scope/pkg'), { type: 'npm', namespace: '@scope', name: 'pkg', version: undefined });
    assert.deepEqual(parsePurl('pkg:rpm/redhat/bash@1%3A5.1-2?epoch=1'), { type: 'rpm', namespace: 'redhat', name: 'bash', version: '1:5.1-2' });
    assert.equal(parsePurl('not a purl'), undefined);
  });
});

if (!hasRecordedOutputs) {
  console.warn('scan parser tests: ../shared/fixtures/scanners is absent; the recorded-output tests are skipped');
}
