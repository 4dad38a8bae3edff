import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildCommandArguments } from '../../../client/src/build/buildArgs';
import { dockerRunner } from '../../../client/src/build/dockerRunner';
import { parseBuildFailure } from '../../../client/src/build/parseBuildFailure';
import { parseCallCheck } from '../../../client/src/build/parseCallCheck';
import { runPreflight, type BuildRequest, type Translate } from '../../../client/src/build/preflight';
import { runProcess } from '../../../client/src/process/runProcess';

const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
const standins = path.resolve(__dirname, '../../fixtures/bin-buildx');

describe('buildx paths against the stand-in docker first on PATH (documented output shapes, recorded arguments)', function () {
  this.timeout(30_000);
  let scratch: string;
  let argsLog: string;

  beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'dfa-buildx-'));
    argsLog = path.join(scratch, 'args.jsonl');
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    ...process.env, PATH: `${standins}${path.delimiter}${process.env.PATH ?? ''}`, STANDIN_ARGS_LOG: argsLog, ...extra,
  });
  const recorded = (): string[][] => readFileSync(argsLog, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { args: string[] }).args);
  const request = (overrides: Partial<BuildRequest>): BuildRequest => ({
    platforms: ['linux/amd64', 'linux/arm64'], output: { type: 'push' }, baseImages: [], findings: [], checkBaseImages: false, ...overrides,
  });

  it('buildx missing (stand-in): the install link and the native fallback, and no builder list asked for', async () => {
    const report = await runPreflight(dockerRunner('docker', { env: env({ STANDIN_NO_BUILDX: '1' }) }), request({}), english);
    assert.deepEqual(report.problems.map((p) => p.check), ['buildx']);
    assert.deepEqual(recorded(), [['info', '--format', 'json'], ['buildx', 'version']]);
  });

  it('default docker-driver builder without the containerd store (stand-in): offers our docker-container builder', async () => {
    const report = await runPreflight(dockerRunner('docker', { env: env() }), request({}), english);
    assert.deepEqual(report.problems.map((p) => p.check), ['driver']);
    const step = report.problems[0]!.nextSteps[0]!;
    assert.equal(step.kind, 'createBuilder');
    // Running the step's arguments: the builder is created under our name, never with --use.
    const create = await runProcess('docker', (step as { args: readonly string[] }).args, { env: env(), timeoutMs: 10_000 });
    assert.equal(create.kind === 'ok' && create.stdout.trim(), 'dockerfile-advisor');
    const calls = recorded();
    assert.deepEqual(calls.slice(0, 3), [['info', '--format', 'json'], ['buildx', 'version'], ['buildx', 'ls', '--format', 'json']]);
    assert.deepEqual(calls[3], ['buildx', 'create', '--name=dockerfile-advisor', '--driver=docker-container']);
    assert.ok(!calls.flat().includes('--use'));
  });

  it('containerd image store (stand-in): the docker driver may build several platforms', async () => {
    const report = await runPreflight(dockerRunner('docker', { env: env({ STANDIN_STORE: 'containerd' }) }), request({ platforms: ['linux/amd64'], output: { type: 'load' } }), english);
    assert.deepEqual(report.problems, []);
    assert.equal(report.builder?.name, 'default');
  });

  it('platforms (stand-in): a remote builder missing amd64 gets a native node suggestion; the kubernetes one passes', async () => {
    const remote = await runPreflight(dockerRunner('docker', { env: env() }), request({ builder: 'arm-remote' }), english);
    assert.deepEqual(remote.problems.map((p) => p.check), ['platforms']);
    assert.match(remote.problems[0]!.message, /--append --name arm-remote --platform linux\/amd64/);
    const k8s = await runPreflight(dockerRunner('docker', { env: env() }), request({ builder: 'k8s', platforms: ['linux/arm64', 'linux/s390x'] }), english);
    assert.deepEqual(k8s.problems, []);
  });

  it('base images (stand-in): imagetools is asked with "--" before the reference; offline registries are a note', async () => {
    const report = await runPreflight(dockerRunner('docker', { env: env() }), request({
      builder: 'multiarch', platforms: ['linux/amd64', 'linux/riscv64'], checkBaseImages: true,
      baseImages: [{ reference: 'python:3.12', line: 0 }, { reference: 'offline/x:1', line: 3 }, { reference: 'never/asked:1', line: 5 }],
    }), english);
    assert.deepEqual(report.problems.map((p) => p.check), ['baseImage']);
    assert.match(report.problems[0]!.message, /"python:3.12" \(line 1\) has no variant for linux\/riscv64/);
    assert.deepEqual(report.notes, ['No registry could be reached, so base images were not checked for the requested platforms.']);
    const inspected = recorded().filter((args) => args[1] === 'imagetools');
    assert.deepEqual(inspected, [
      ['buildx', 'imagetools', 'inspect', '--format={{json .Manifest}}', '--', 'python:3.12'],
      ['buildx', 'imagetools', 'inspect', '--format={{json .Manifest}}', '--', 'offline/x:1'],
    ]);
  });

  it('build (stand-in): hostile values arrive as recorded single arguments, and a failure maps to its Dockerfile line', async () => {
    const hostile = 'failing $(id) `id`; | "q"\nnext';
    const args = buildCommandArguments({
      dockerfile: '/w/Dockerfile', context: '-ctx dir', platforms: ['linux/amd64', 'linux/arm64'], tags: [hostile, '-t'],
      builder: 'multiarch', output: { type: 'oci', dest: 'out,dir' }, buildArgs: { A: '$(rm -rf /)' },
    });
    const result = await runProcess('docker', args, { env: env(), timeoutMs: 10_000 });
    assert.equal(result.kind, 'exitedNonZero');
    assert.deepEqual(recorded(), [args]);
    assert.deepEqual(recorded()[0]!.slice(-2), ['--', '-ctx dir']);
    const failure = parseBuildFailure(result.kind === 'exitedNonZero' ? result.stderr : '');
    assert.equal(failure?.line, 3);
    assert.equal(failure?.file, 'Dockerfile');
  });

  it('--call=check (stand-in): reads the lint result whatever the exit status', async () => {
    const result = await runProcess('docker', ['buildx', 'build', '--call=check,format=json', '--file=Dockerfile', '--', '.'], { env: env(), timeoutMs: 10_000 });
    assert.equal(result.kind, 'exitedNonZero');
    const check = parseCallCheck(result.kind === 'exitedNonZero' ? result.stdout : '');
    assert.deepEqual(check?.warnings.map((w) => [w.ruleName, w.range?.startLine]), [['FromPlatformFlagConstDisallowed', 1], ['RedundantTargetPlatform', 4]]);
  });
});
