import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch } from 'node:os';
import * as path from 'node:path';
import { buildCommandArguments, type BuildOptions } from '../../../client/src/build/buildArgs';
import { dockerRunner } from '../../../client/src/build/dockerRunner';
import { outlineDockerfile } from '../../../client/src/build/dockerfileOutline';
import { parseBuildFailure } from '../../../client/src/build/parseBuildFailure';
import { checkBuild, probeEngine, type Translate } from '../../../client/src/build/preflight';
import { runProcess } from '../../../client/src/process/runProcess';
import { listLocalImages } from '../../../client/src/scan/localImages';
import { startEngine, type Engine } from './engine';

const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
const fixture = path.resolve(__dirname, 'fixtures/multistage');
const dockerfile = path.join(fixture, 'Dockerfile');

describe('build preflight and the single-platform fallback against a real Docker engine (Debian dockerd, no buildx)', function () {
  this.timeout(300_000);
  let engine: Engine | undefined;
  const created: string[] = [];

  before(async function () {
    const started = await startEngine();
    if (typeof started === 'string') {
      console.log(`      skipped: the Docker engine could not start (${started})`);
      this.skip();
    }
    engine = started;
  });

  after(async () => {
    if (engine) {
      for (const tag of created) {
        await runProcess('docker', ['image', 'rm', '--force', '--', tag], { env: engine.env, timeoutMs: 30_000 });
      }
      await engine.stop();
    }
  });

  const docker = (args: string[], timeoutMs = 120_000) => runProcess('docker', args, { tool: 'docker', env: engine!.env, timeoutMs });

  it('finds the engine answering and buildx really missing, and offers the native single-platform build', async () => {
    const probe = await probeEngine(dockerRunner('docker', { env: engine!.env }), english);
    assert.equal(probe.engineReachable, true);
    assert.equal(probe.buildxVersion, undefined);
    assert.equal(probe.info?.containerdImageStore, false);
    assert.deepEqual(probe.problems.map((p) => p.check), ['buildx']);
    const [problem] = probe.problems;
    assert.match(problem!.message, /Docker Buildx is not installed \(.*unknown command.*buildx/);
    assert.deepEqual(problem!.nextSteps.map((s) => s.kind), ['openUrl', 'buildSinglePlatform']);
    assert.equal((problem!.nextSteps[1] as { platform: string }).platform, `linux/${process.arch === 'arm64' ? 'arm64' : 'amd64'}`);
    // Without buildx, the later checks have nothing to ask: the report is the probe's.
    const report = await checkBuild(probe, { platforms: ['linux/amd64', 'linux/arm64'], output: { type: 'push' }, baseImages: [], findings: [], checkBaseImages: true }, dockerRunner('docker', { env: engine!.env }), english);
    assert.deepEqual(report.problems.map((p) => p.check), ['buildx']);
  });

  it('reports an engine that does not answer, for real', async () => {
    const env = { ...process.env, DOCKER_HOST: 'unix:///tmp/dfa-no-such-engine.sock' };
    const probe = await probeEngine(dockerRunner('docker', { env }), english);
    assert.equal(probe.engineReachable, false);
    assert.equal(probe.problems[0]!.check, 'docker');
    assert.match(probe.problems[0]!.message, /does not answer \(Cannot connect to the Docker daemon/);
  });

  it('builds a multi-stage fixture (COPY --from) for the native platform with the fallback argument list', async () => {
    const probe = await probeEngine(dockerRunner('docker', { env: engine!.env }), english);
    const tag = 'dfa-test/multistage:1';
    created.push(tag);
    const outline = outlineDockerfile(readFileSync(dockerfile, 'utf8'));
    assert.deepEqual(outline.baseImages.map((b) => b.reference), ['local/busybox:1']);
    const options: BuildOptions = {
      dockerfile, context: fixture, platforms: [probe.nativePlatform], tags: [tag],
      output: { type: 'image' }, buildArgs: { GREETING: 'hola $(id) `id`; | "x"' }, noCache: true,
    };
    const args = buildCommandArguments(options, 'singlePlatform');
    const started = Date.now();
    const result = await runProcess('docker', args, { tool: 'docker', env: engine!.env, cwd: fixture, timeoutMs: 240_000 });
    assert.equal(result.kind, 'ok', JSON.stringify(result).slice(0, 2000));
    console.log(`      real single-platform build: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const inspect = await docker(['image', 'inspect', '--format={{.Os}}/{{.Architecture}}', '--', tag]);
    assert.equal(inspect.kind, 'ok');
    assert.equal(inspect.kind === 'ok' && inspect.stdout.trim(), probe.nativePlatform);
    const greeting = await docker(['run', '--rm', '--network=none', tag]);
    assert.equal(greeting.kind === 'ok' && greeting.stdout.trim(), `hola $(id) \`id\`; | "x" from ${arch() === 'x64' ? 'x86_64' : 'aarch64'}`);
    const arg = await docker(['run', '--rm', '--network=none', tag, 'cat', '/arg.txt']);
    assert.equal(arg.kind === 'ok' && arg.stdout, 'hola $(id) `id`; | "x"', 'the build arg arrived as one literal value');
  });

  it('passes a tag that starts with "-" as a value, so docker refuses it as a reference instead of reading an option', async () => {
    const args = buildCommandArguments({ dockerfile, context: fixture, platforms: ['linux/amd64'], tags: ['--no-cache'], output: { type: 'image' }, buildArgs: {} }, 'singlePlatform');
    const result = await runProcess('docker', args, { tool: 'docker', env: engine!.env, cwd: fixture, timeoutMs: 60_000 });
    assert.equal(result.kind, 'exitedNonZero');
    assert.match(result.kind === 'exitedNonZero' ? result.stderr : '', /invalid argument "--no-cache" for "-t, --tag" flag: invalid reference format/);
  });

  it('maps a failing RUN of the legacy builder to its message', async () => {
    const failing = path.join(fixture, '..', 'failing.Dockerfile');
    writeFileSync(failing, 'FROM local/busybox:1\nRUN echo about to fail && false\n');
    try {
      const args = buildCommandArguments({ dockerfile: failing, context: fixture, platforms: ['linux/amd64'], tags: [], output: { type: 'image' }, buildArgs: {} }, 'singlePlatform');
      const result = await runProcess('docker', args, { tool: 'docker', env: engine!.env, cwd: fixture, timeoutMs: 120_000 });
      assert.equal(result.kind, 'exitedNonZero');
      const failure = parseBuildFailure(result.kind === 'exitedNonZero' ? `${result.stdout}\n${result.stderr}` : '');
      assert.equal(failure?.message, "The command '/bin/sh -c echo about to fail && false' returned a non-zero code: 1");
    } finally {
      rmSync(failing, { force: true });
    }
  });

  it("lists the engine's local images for the scan command's image picker", async () => {
    const listed = await listLocalImages({ dockerPath: 'docker', env: engine!.env, timeoutMs: 60_000 });
    assert.ok(listed.ok, listed.ok ? '' : listed.message);
    assert.ok(listed.images.some((image) => image.reference === 'local/busybox:1'), JSON.stringify(listed.images));
    assert.ok(listed.images.every((image) => /^[0-9a-f]{12}/.test(image.id.replace(/^sha256:/, ''))), JSON.stringify(listed.images));
  });
});
