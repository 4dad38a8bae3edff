import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { DockerRun } from '../../../client/src/build/dockerRunner';
import {
  blockingProblems, OUR_BUILDER_NAME, probeEngine, runPreflight, type BuildRequest, type PreflightReport, type Translate,
} from '../../../client/src/build/preflight';
import type { ProcessResult } from '../../../client/src/process/runProcess';

const outputs = path.resolve(__dirname, '../../fixtures/bin-buildx/outputs');
const sample = (name: string) => readFileSync(path.join(outputs, name), 'utf8');

/** English with `{n}` filled in, as vscode.l10n.t does without a bundle. */
const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

const ok = (stdout: string): ProcessResult => ({ kind: 'ok', commandLine: 'docker', stdout, stderr: '', stdoutTruncated: false, durationMs: 1 });
const failed = (stderr: string, stdout = ''): ProcessResult => ({
  kind: 'exitedNonZero', exitCode: 1, exitSignal: null, stderrTail: stderr, commandLine: 'docker', stdout, stderr, stdoutTruncated: false, durationMs: 1,
});

interface FakeDocker {
  run: DockerRun;
  calls: string[][];
}

/** Answers docker calls from the documented sample outputs; `answers` overrides by the call's first words. */
function fakeDocker(answers: Record<string, ProcessResult> = {}): FakeDocker {
  const calls: string[][] = [];
  const defaults: Record<string, ProcessResult> = {
    'info': ok(sample('info-classic.json')),
    'buildx version': ok('github.com/docker/buildx v0.24.0 d0e5e86\n'),
    'buildx ls': ok(sample('buildx-ls.jsonl')),
  };
  const run: DockerRun = async (args) => {
    calls.push([...args]);
    if (args[0] === 'buildx' && args[1] === 'imagetools') {
      const reference = args[args.length - 1]!;
      const key = `imagetools ${reference}`;
      if (answers[key]) {
        return answers[key]!;
      }
      if (reference.startsWith('single/')) {
        return ok(sample(args[3]!.includes('.Image') ? 'imagetools-single-image.json' : 'imagetools-single-manifest.json'));
      }
      return ok(sample('imagetools-index.json'));
    }
    const key = args[0] === 'buildx' ? `buildx ${args[1]}` : args[0]!;
    return answers[key] ?? defaults[key] ?? failed(`unexpected call ${args.join(' ')}`);
  };
  return { run, calls };
}

const request = (overrides: Partial<BuildRequest> = {}): BuildRequest => ({
  platforms: ['linux/amd64', 'linux/arm64'],
  output: { type: 'push' },
  baseImages: [],
  findings: [],
  checkBaseImages: false,
  ...overrides,
});

const checks = (report: PreflightReport) => report.problems.map((p) => `${p.severity}:${p.check}`);

describe('preflight (documented buildx outputs, fake runner)', () => {
  it('1. docker missing: one error, nothing else is run', async () => {
    const docker = fakeDocker({ info: { kind: 'notFound', tool: 'docker', file: '/opt/nothing/docker', commandLine: '/opt/nothing/docker info' } });
    const report = await runPreflight(docker.run, request(), english);
    assert.deepEqual(checks(report), ['error:docker']);
    assert.match(report.problems[0]!.message, /nothing runs as "\/opt\/nothing\/docker"/);
    assert.deepEqual(report.problems[0]!.nextSteps.map((s) => s.kind), ['openUrl', 'openSetting']);
    assert.equal(docker.calls.length, 1);
  });

  it('1. daemon unreachable: says what docker said', async () => {
    const down = failed('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', '{"ServerVersion":"","ClientInfo":{"Plugins":[]}}');
    const report = await runPreflight(fakeDocker({ info: down }).run, request(), english);
    assert.equal(report.problems[0]!.check, 'docker');
    assert.match(report.problems[0]!.message, /does not answer \(Cannot connect to the Docker daemon/);
  });

  it('1. daemon unreachable does not matter for a remote builder', async () => {
    const down = failed('Cannot connect to the Docker daemon', '{"ServerVersion":""}');
    const report = await runPreflight(fakeDocker({ info: down }).run, request({ builder: 'arm-remote', platforms: ['linux/arm64'] }), english);
    assert.deepEqual(checks(report), []);
  });

  it('2. buildx missing: links the install page and offers a single-platform build for the native platform', async () => {
    const docker = fakeDocker({ 'buildx version': failed("docker: unknown command: docker buildx\n\nRun 'docker --help' for more information") });
    const report = await runPreflight(docker.run, request(), english);
    assert.deepEqual(checks(report), ['error:buildx']);
    const steps = report.problems[0]!.nextSteps;
    assert.deepEqual(steps[0], { kind: 'openUrl', label: 'Install Buildx', url: 'https://docs.docker.com/build/install-buildx/' });
    assert.deepEqual(steps[1], { kind: 'buildSinglePlatform', label: 'Build for linux/amd64 only', platform: 'linux/amd64' });
    assert.match(report.problems[0]!.message, /unknown command: docker buildx/);
    assert.ok(!docker.calls.some((c) => c[1] === 'ls'), 'no builder list without buildx');
  });

  it('3. docker driver without the containerd store: offers to create our docker-container builder, never --use', async () => {
    const report = await runPreflight(fakeDocker().run, request(), english);
    assert.deepEqual(checks(report), ['error:driver']);
    const create = report.problems[0]!.nextSteps[0]!;
    assert.deepEqual(create, {
      kind: 'createBuilder', label: `Create the builder "${OUR_BUILDER_NAME}"`, name: 'dockerfile-advisor',
      args: ['buildx', 'create', '--name=dockerfile-advisor', '--driver=docker-container'],
    });
  });

  it('3. offers to use our builder when it exists already', async () => {
    const lines = sample('buildx-ls.jsonl') + '{"Name":"dockerfile-advisor","Driver":"docker-container","Nodes":[{"Name":"n","Status":"inactive"}]}\n';
    const report = await runPreflight(fakeDocker({ 'buildx ls': ok(lines) }).run, request(), english);
    assert.deepEqual(report.problems[0]!.nextSteps[0], { kind: 'useBuilder', label: 'Use the builder "dockerfile-advisor"', name: 'dockerfile-advisor' });
  });

  it('3. the docker driver is fine with the containerd image store (then --load takes several platforms too)', async () => {
    const docker = fakeDocker({ info: ok(sample('info-containerd.json')), 'buildx ls': ok('{"Name":"default","Driver":"docker","Current":true,"Nodes":[{"Name":"default","Status":"running","Platforms":["linux/arm64","linux/amd64"]}]}\n') });
    const report = await runPreflight(docker.run, request({ output: { type: 'load' } }), english);
    assert.deepEqual(checks(report), []);
    assert.equal(report.probe.nativePlatform, 'linux/arm64');
  });

  it('3. --load of several platforms without the containerd store, and an OCI layout from the docker driver, are refused', async () => {
    const load = await runPreflight(fakeDocker().run, request({ builder: 'multiarch', output: { type: 'load' } }), english);
    assert.deepEqual(checks(load), ['error:output']);
    const oci = await runPreflight(fakeDocker().run, request({ platforms: ['linux/amd64'], output: { type: 'oci', dest: 'out' } }), english);
    assert.deepEqual(checks(oci), ['error:output']);
  });

  it('4. a platform the builder does not list: the binfmt command, and builders that do list it', async () => {
    const report = await runPreflight(fakeDocker().run, request({ builder: 'multiarch', platforms: ['linux/amd64', 'linux/s390x', 'linux/ppc64le'] }), english);
    assert.deepEqual(checks(report), ['error:platforms']);
    const problem = report.problems[0]!;
    assert.match(problem.message, /cannot build linux\/s390x, linux\/ppc64le/);
    assert.deepEqual(problem.nextSteps[0], {
      kind: 'showCommand', label: 'Install emulators (QEMU)',
      command: ['docker', 'run', '--privileged', '--rm', 'tonistiigi/binfmt', '--install', 's390x,ppc64le'],
    });
  });

  it('4. suggests a native node for a remote builder, and other builders that list every platform', async () => {
    const report = await runPreflight(fakeDocker().run, request({ builder: 'arm-remote', platforms: ['linux/amd64', 'linux/arm64'] }), english);
    const problem = report.problems[0]!;
    assert.equal(problem.check, 'platforms');
    assert.match(problem.message, /"arm-remote" \(remote\) cannot build linux\/amd64.*--append --name arm-remote --platform linux\/amd64/);
    assert.ok(!problem.nextSteps.some((s) => s.kind === 'showCommand'), 'no QEMU for a remote builder');
    assert.deepEqual(problem.nextSteps.filter((s) => s.kind === 'useBuilder').map((s) => (s as { name: string }).name), ['multiarch', 'k8s', 'cloud-team-builder']);
  });

  it('4. accepts arm64/v8 for arm64 and notes a builder that has not started', async () => {
    assert.deepEqual(checks(await runPreflight(fakeDocker().run, request({ builder: 'k8s', platforms: ['linux/arm64/v8', 'linux/s390x'] }), english)), []);
    const fresh = await runPreflight(fakeDocker().run, request({ builder: 'fresh' }), english);
    assert.deepEqual(checks(fresh), []);
    assert.match(fresh.notes[0]!, /"fresh" has not started yet/);
  });

  it('4. an unknown builder name is an error', async () => {
    const report = await runPreflight(fakeDocker().run, request({ builder: 'nope' }), english);
    assert.deepEqual(checks(report), ['error:driver']);
  });

  it('5. base images: a missing variant is an error with the line; $BUILDPLATFORM stages are skipped; single-platform images read from their config', async () => {
    const docker = fakeDocker();
    const report = await runPreflight(docker.run, request({
      builder: 'multiarch',
      platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'],
      checkBaseImages: true,
      baseImages: [
        { reference: 'golang:1.22', line: 0, platformFlag: '$BUILDPLATFORM' },
        { reference: 'python:3.12-slim', line: 4 },
        { reference: 'single/tool:1', line: 7 },
      ],
    }), english);
    assert.deepEqual(checks(report), ['error:baseImage', 'error:baseImage']);
    assert.match(report.problems[0]!.message, /"python:3.12-slim" \(line 5\) has no variant for linux\/arm\/v7; it has linux\/amd64, linux\/arm64\/v8/);
    assert.match(report.problems[1]!.message, /"single\/tool:1" \(line 8\) has no variant for linux\/arm64, linux\/arm\/v7; it has linux\/amd64\./);
    assert.deepEqual(report.problems[0]!.nextSteps[0], { kind: 'goToLine', label: 'Go to line 5', line: 4 });
    const inspected = docker.calls.filter((c) => c[1] === 'imagetools');
    assert.deepEqual(inspected[0], ['buildx', 'imagetools', 'inspect', '--format={{json .Manifest}}', '--', 'python:3.12-slim']);
    assert.ok(!inspected.some((c) => c.includes('golang:1.22')));
  });

  it('5. no registry reachable: skipped with a note; a missing image is a warning; look-ups off: a note and no calls', async () => {
    const offline = failed('ERROR: failed to do request: Head "https://registry-1.docker.io/v2/library/python/manifests/3": dial tcp: lookup registry-1.docker.io: no such host');
    const skipped = await runPreflight(fakeDocker({ 'imagetools python:3': offline }).run, request({ builder: 'multiarch', checkBaseImages: true, baseImages: [{ reference: 'python:3', line: 0 }, { reference: 'node:22', line: 1 }] }), english);
    assert.deepEqual(checks(skipped), []);
    assert.deepEqual(skipped.notes, ['No registry could be reached, so base images were not checked for the requested platforms.']);
    const missing = await runPreflight(fakeDocker({ 'imagetools local/busybox:1': failed('ERROR: docker.io/local/busybox:1: not found') }).run, request({ builder: 'multiarch', checkBaseImages: true, baseImages: [{ reference: 'local/busybox:1', line: 0 }] }), english);
    assert.deepEqual(checks(missing), ['warning:baseImage']);
    const docker = fakeDocker();
    const off = await runPreflight(docker.run, request({ builder: 'multiarch', baseImages: [{ reference: 'python:3', line: 0 }] }), english);
    assert.match(off.notes[0]!, /registry look-ups are turned off/);
    assert.ok(!docker.calls.some((c) => c[1] === 'imagetools'));
  });

  it('6. Dockerfile findings that break multi-platform builds, by rule id', async () => {
    const report = await runPreflight(fakeDocker().run, request({
      builder: 'multiarch',
      findings: [{ code: 'FromPlatformFlagConstDisallowed', line: 0 }, { code: 'RedundantTargetPlatform', line: 3 }, { code: 'ArchitectureSpecificDownload', line: 5 }, { code: 'JSONArgsRecommended', line: 9 }],
    }), english);
    assert.deepEqual(checks(report), ['error:dockerfile', 'warning:dockerfile', 'error:dockerfile']);
    assert.match(report.problems[0]!.message, /^Line 1: FROM --platform names a fixed platform/);
    assert.match(report.problems[2]!.message, /^Line 6: .*\$TARGETARCH/);
    assert.deepEqual(blockingProblems(report).length, 2);
  });

  it('probeEngine gives the builder list for the picker', async () => {
    const probe = await probeEngine(fakeDocker().run, english);
    assert.equal(probe.buildxVersion, '0.24.0');
    assert.equal(probe.builders.length, 7);
    assert.equal(probe.engineReachable, true);
    assert.equal(probe.nativePlatform, 'linux/amd64');
  });

  describe('in Spanish', () => {
    const fragment = path.resolve(__dirname, '../../../l10n/bundle.l10n.es.json');
    afterEach(() => l10n.config({ contents: {} }));

    it('every preflight message and next step has a Spanish translation', async function () {
      let bundle: Record<string, string>;
      try {
        bundle = JSON.parse(readFileSync(fragment, 'utf8')) as Record<string, string>;
      } catch {
        this.skip();
      }
      if (!('Install Buildx' in bundle)) {
        // The lead merges the build strings into the bundle; until then there is nothing to check.
        this.skip();
      }
      l10n.config({ contents: bundle });
      const spanish: Translate = (message, ...args) => l10n.t(message, ...args);
      const reports = [
        await runPreflight(fakeDocker({ 'buildx version': failed('docker: unknown command: docker buildx') }).run, request(), spanish),
        await runPreflight(fakeDocker().run, request(), spanish),
        await runPreflight(fakeDocker().run, request({ builder: 'multiarch', platforms: ['linux/s390x'], findings: [{ code: 'ArchitectureSpecificDownload', line: 1 }] }), spanish),
      ];
      for (const report of reports) {
        for (const problem of report.problems) {
          assert.match(problem.message, /[áéíóúñ¿]|el |la /i, problem.message);
        }
      }
    });
  });
});
