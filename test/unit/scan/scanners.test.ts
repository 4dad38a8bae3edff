import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ScanOutcome, ScanFailure, ScanReport } from '../../../client/src/scan/model';
import { listImagesArguments, listLocalImages } from '../../../client/src/scan/localImages';
import {
  DEFAULT_SCANNER_PATHS,
  detectScanner,
  imageScanArguments,
  configScanArguments,
  scanDockerfileText,
  scanImage,
  type ScanEnvironment,
} from '../../../client/src/scan/scanners';
import { projectRoot, skipWithoutRecordedOutputs } from './recorded';

const standInBin = path.join(projectRoot, 'test/fixtures/bin');
const nodeBin = path.dirname(process.execPath);

function report(outcome: ScanOutcome): ScanReport {
  assert.ok(outcome.ok, `expected a report, got ${JSON.stringify(outcome)}`);
  return outcome.report;
}

function failure(outcome: ScanOutcome): ScanFailure {
  assert.ok(!outcome.ok, `expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.failure;
}

describe('scanner argument arrays', () => {
  it('puts the image after "--" and joins every value to its option', () => {
    assert.deepEqual(imageScanArguments('trivy', '-x:1', '/t/r.json'), ['image', '--no-progress', '--format=json', '--output=/t/r.json', '--', '-x:1']);
    assert.deepEqual(imageScanArguments('grype', 'app:1.0', '/t/r.json'), ['--output=json', '--file=/t/r.json', '--', 'app:1.0']);
    assert.deepEqual(imageScanArguments('docker-scout', 'app:1.0', '/t/r.json'), ['scout', 'cves', '--format=sarif', '--output=/t/r.json', '--', 'app:1.0']);
    assert.deepEqual(configScanArguments('/t/in', '/t/r.json'), ['config', '--format=json', '--output=/t/r.json', '--', '/t/in']);
    assert.deepEqual(listImagesArguments(), ['images', '--format={{json .}}']);
  });
});

describe('scanners not installed (real: no scanner is installed here)', function () {
  this.timeout(20000);
  // Only system folders: the stand-ins are not on this PATH.
  const env = { ...process.env, PATH: `${nodeBin}:/usr/local/bin:/usr/bin:/bin` };
  const environment: ScanEnvironment = { paths: DEFAULT_SCANNER_PATHS, env, timeoutMs: 15000 };

  it('names Trivy, how to install it and the setting, when Trivy is chosen', async () => {
    const outcome = await scanImage('alpine:3.10', 'trivy', environment);
    const result = failure(outcome);
    assert.equal(result.reason, 'notInstalled');
    assert.match(result.message, /^Trivy is not installed \(nothing runs as "trivy"\)\. Install it from https:\/\/trivy\.dev\/\S+, or set dockerfileAdvisor\.scan\.trivyPath to its full path\.$/);
    assert.equal(result.target, 'alpine:3.10');
  });

  it('names all three scanners with `auto`, including when the docker CLI lacks Scout', async () => {
    const result = failure(await scanImage('alpine:3.10', 'auto', environment));
    assert.equal(result.reason, 'notInstalled');
    assert.match(result.message, /Trivy, Grype and Docker Scout are not installed/);
    assert.match(result.message, /github\.com\/anchore\/grype/);
    assert.match(result.message, /docs\.docker\.com\/scout/);
  });

  it('reports a configured path that does not exist', async () => {
    const result = failure(await scanImage('alpine:3.10', 'grype', { ...environment, paths: { ...DEFAULT_SCANNER_PATHS, grype: '/opt/nowhere/grype' } }));
    assert.match(result.message, /^Grype is not installed \(nothing runs as "\/opt\/nowhere\/grype"\)/);
  });
});

describe('scanning with stand-in scanners (recorded output)', function () {
  this.timeout(20000);
  let argsLog: string;
  let tempRoot: string;
  let environment: ScanEnvironment;
  let logged: string[];

  before(function () {
    skipWithoutRecordedOutputs(this);
  });

  beforeEach(() => {
    tempRoot = mkdtempSync(path.join(tmpdir(), 'dfa-scan-test-'));
    argsLog = path.join(tempRoot, 'args.jsonl');
    logged = [];
    environment = {
      paths: DEFAULT_SCANNER_PATHS,
      env: { ...process.env, PATH: `${standInBin}:${process.env.PATH}`, STANDIN_ARGS_LOG: argsLog },
      timeoutMs: 15000,
      tempRoot,
      log: (stream, text) => logged.push(`${stream}: ${text}`),
    };
  });

  afterEach(() => {
    rmSync(tempRoot, { recursive: true, force: true });
  });

  function invocations(): Array<{ tool: string; args: string[] }> {
    return readFileSync(argsLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  }

  function leftovers(): string[] {
    return readdirSync(tempRoot).filter((name) => name !== 'args.jsonl');
  }

  it('auto picks Trivy first and reads its report, version and database date', async () => {
    const scan = report(await scanImage('alpine:3.9', 'auto', environment));
    assert.deepEqual(scan.scanner, { id: 'trivy', version: '0.50.1' });
    assert.equal(scan.databaseDate, '2024-05-01T06:00:00Z');
    assert.equal(scan.target, 'alpine:3.9');
    assert.deepEqual(scan.findings.map((f) => `${f.id} ${f.severity} ${f.package?.name}`), ['CVE-2019-14697 critical musl', 'CVE-2019-14697 critical musl-utils']);
    const calls = invocations();
    assert.deepEqual(calls[0], { tool: 'trivy', args: ['version', '--format=json'] });
    assert.equal(calls[1].args[calls[1].args.length - 1], 'alpine:3.9');
    const command = logged.findIndex((line) => /^command: \$ trivy image --no-progress --format=json --output=\S+ -- alpine:3\.9$/.test(line));
    assert.ok(command >= 0, logged.join('\n'));
    assert.match(logged[logged.length - 1], /^result: exit 0 \(\d+ ms\)$/);
  });

  it('writes the report to a private file in a private folder, and removes both', async () => {
    report(await scanImage('alpine:3.10', 'trivy', environment));
    const output = invocations()[1].args.find((arg) => arg.startsWith('--output='))?.slice('--output='.length) ?? '';
    assert.ok(output.startsWith(path.join(tempRoot, 'dockerfile-advisor-scan-')), output);
    assert.equal(existsSync(output), false, 'the report file was not removed');
    assert.equal(existsSync(path.dirname(output)), false, 'the private folder was not removed');
    assert.deepEqual(leftovers(), []);
  });

  it('creates the report file 0600 inside a 0700 folder before the tool runs', async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    const controller = new AbortController();
    const running = scanImage('slow:1', 'trivy', { ...environment, signal: controller.signal });
    const deadline = Date.now() + 10000;
    let folder: string | undefined;
    let file: string | undefined;
    while (!file && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      folder = leftovers()[0];
      file = folder ? readdirSync(path.join(tempRoot, folder))[0] : undefined;
    }
    assert.ok(folder && file, 'no private folder and report file appeared');
    const folderPath = path.join(tempRoot, folder);
    assert.equal(statSync(folderPath).mode & 0o777, 0o700);
    assert.equal(statSync(path.join(folderPath, file)).mode & 0o777, 0o600);
    controller.abort();
    assert.equal(failure(await running).reason, 'cancelled');
    assert.deepEqual(leftovers(), []);
  });

  it('uses Grype when Trivy is absent, and Scout when both are', async () => {
    const onlyGrypeAndDocker = mkdtempSync(path.join(tempRoot, 'bin-'));
    for (const tool of ['grype', 'docker', 'standin.js']) {
      symlinkSync(path.join(standInBin, tool), path.join(onlyGrypeAndDocker, tool));
    }
    const env = { ...environment.env, PATH: `${onlyGrypeAndDocker}:${nodeBin}:/usr/bin:/bin` };
    const grype = report(await scanImage('app:1.0', 'auto', { ...environment, env }));
    assert.deepEqual(grype.scanner, { id: 'grype', version: '0.74.0' });
    assert.equal(grype.findings.length, 2);
    rmSync(path.join(onlyGrypeAndDocker, 'grype'));
    const scout = report(await scanImage('app:1.0', 'auto', { ...environment, env }));
    assert.deepEqual(scout.scanner, { id: 'docker-scout', version: '1.23.0' });
    assert.equal(scout.findings.length, 3);
  });

  it('reads an empty Grype result as a clean report, not a failure', async () => {
    const scan = report(await scanImage('empty:1', 'grype', environment));
    assert.equal(scan.findings.length, 0);
  });

  it('says the image was not found, for each scanner', async () => {
    for (const scanner of ['trivy', 'grype', 'docker-scout'] as const) {
      const result = failure(await scanImage('missing:1', scanner, environment));
      assert.equal(result.reason, 'imageNotFound', scanner);
      assert.equal(result.message, 'The image missing:1 was not found locally. Build or pull it first, then scan again.');
      assert.ok(result.detail?.includes('missing:1'));
    }
  });

  it('says the Docker daemon is unreachable', async () => {
    const result = failure(await scanImage('nodaemon:1', 'grype', environment));
    assert.equal(result.reason, 'daemonUnreachable');
    assert.match(result.message, /^Grype could not reach the Docker daemon/);
  });

  it('says Docker Scout needs a login', async () => {
    const result = failure(await scanImage('nologin:1', 'docker-scout', environment));
    assert.equal(result.reason, 'notLoggedIn');
    assert.match(result.message, /docker login/);
  });

  it('says Docker Scout is not installed when the docker CLI has no scout command', async () => {
    const env = { ...environment.env, STANDIN_NO_SCOUT: '1' };
    const result = failure(await scanImage('app:1.0', 'docker-scout', { ...environment, env }));
    assert.equal(result.reason, 'notInstalled');
    assert.match(result.message, /^Docker Scout is not installed/);
  });

  it('reports a non-zero exit with its code and last line', async () => {
    const result = failure(await scanImage('crash:1', 'trivy', environment));
    assert.equal(result.reason, 'exitedNonZero');
    assert.equal(result.message, 'Trivy exited with code 2: panic: runtime error: invalid memory address or nil pointer dereference');
    assert.deepEqual(result.scanner, { id: 'trivy', version: '0.50.1', databaseDate: '2024-05-01T06:00:00Z' });
  });

  it('reports output that is not valid JSON, and leaves no file behind', async () => {
    const result = failure(await scanImage('garbage:1', 'trivy', environment));
    assert.equal(result.reason, 'badOutput');
    assert.match(result.message, /^Trivy wrote a report that could not be read: The Trivy output is not valid JSON/);
    assert.deepEqual(leftovers(), []);
  });

  it('stops a scan that runs past the timeout', async () => {
    const started = Date.now();
    const result = failure(await scanImage('slow:1', 'grype', { ...environment, timeoutMs: 800 }));
    assert.equal(result.reason, 'timedOut');
    assert.match(result.message, /^Grype did not finish within 1 seconds and was stopped/);
    assert.ok(Date.now() - started < 8000);
  });

  it('stops a scan when cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 700);
    const result = failure(await scanImage('slow:1', 'docker-scout', { ...environment, signal: controller.signal }));
    assert.equal(result.reason, 'cancelled');
    assert.deepEqual(leftovers(), []);
  });

  it('tells a user who typed "docker scan" what replaced it, without running anything', async () => {
    const result = failure(await scanImage('docker scan app:1.0', 'auto', environment));
    assert.equal(result.reason, 'dockerScanRemoved');
    assert.match(result.message, /removed from Docker in 2023; Docker Scout \("docker scout cves"\) replaced it/);
    assert.equal(existsSync(argsLog), false);
  });

  it('passes hostile image names to the scanner as one literal operand after "--"', async () => {
    const hostile = ['-rf', '--output=/etc/passwd', 'a b;c|d', '$(touch /tmp/dfa-injected)', '`id`', "it's\n\"x\""];
    for (const image of hostile) {
      await scanImage(image, 'grype', environment);
    }
    const scans = invocations().filter((call) => call.args[0] !== 'version');
    assert.deepEqual(scans.map((call) => call.args.slice(-2)), hostile.map((image) => ['--', image]));
    assert.equal(existsSync('/tmp/dfa-injected'), false);
  });

  it('scans the text of a Dockerfile with trivy config and normalises check ids', async () => {
    const current = report(await scanDockerfileText('FROM alpine:3.13\nHEALTHCHECK NONE\n', 'Dockerfile', environment));
    assert.deepEqual(current.findings.map((f) => [f.id, f.kind, f.severity]), [['DS-0002', 'misconfiguration', 'high']]);
    const legacy = report(await scanDockerfileText('# legacy-ids\nFROM alpine:3.13\n', 'Dockerfile', environment));
    assert.equal(legacy.findings[0].id, 'DS-0002');
    const call = invocations().find((entry) => entry.args[0] === 'config');
    assert.ok(call);
    assert.deepEqual(call.args.slice(0, 2), ['config', '--format=json']);
    assert.deepEqual(leftovers(), []);
  });

  it('detects the version of the preferred scanner', async () => {
    const detection = await detectScanner('docker-scout', environment);
    assert.deepEqual(detection, { ok: true, scanner: { id: 'docker-scout', version: '1.23.0' } });
  });

  it('lists local images without dangling ones (stand-in docker)', async () => {
    const listed = await listLocalImages({ dockerPath: 'docker', env: environment.env, timeoutMs: 10000 });
    assert.ok(listed.ok);
    assert.deepEqual(listed.images.map((image) => image.reference), ['app:1.0', 'alpine:3.9']);
  });
});

describe('listing local images with the real docker CLI', function () {
  this.timeout(20000);

  it('says the daemon is unreachable when no engine runs at DOCKER_HOST', async function () {
    const docker = ['/usr/local/bin/docker', '/usr/bin/docker'].find((candidate) => existsSync(candidate));
    if (!docker) {
      console.warn('    skipped: no docker CLI on this machine');
      this.skip();
    }
    const env = { ...process.env, DOCKER_HOST: `unix://${path.join(tmpdir(), 'dfa-no-daemon.sock')}` };
    const listed = await listLocalImages({ dockerPath: docker ?? 'docker', env, timeoutMs: 15000 });
    assert.deepEqual(listed, { ok: false, message: 'The Docker daemon is not reachable, so local images cannot be listed; type the image name instead.' });
  });
});
