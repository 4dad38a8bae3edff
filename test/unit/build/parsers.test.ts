import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builderPlatforms, builderUsable, currentBuilder, parseBuilderList, parseBuildxVersion } from '../../../client/src/build/parseBuilders';
import { parseBuildFailure } from '../../../client/src/build/parseBuildFailure';
import { parseCallCheck } from '../../../client/src/build/parseCallCheck';
import { parseDockerInfo } from '../../../client/src/build/parseDockerInfo';
import { classifyRegistryError, parseImageConfigPlatforms, parseManifestPlatforms } from '../../../client/src/build/parseImagetools';

const outputs = path.resolve(__dirname, '../../fixtures/bin-buildx/outputs');
const sample = (name: string) => readFileSync(path.join(outputs, name), 'utf8');

describe('buildx output parsers (documented shapes from NOTES-buildx.md)', () => {
  describe('docker buildx ls --format json', () => {
    const builders = parseBuilderList(sample('buildx-ls.jsonl'));

    it('reads every builder with its driver, including remote, kubernetes and cloud', () => {
      assert.deepEqual(builders.map((b) => [b.name, b.driver]), [
        ['default', 'docker'], ['multiarch', 'docker-container'], ['fresh', 'docker-container'],
        ['arm-remote', 'remote'], ['k8s', 'kubernetes'], ['cloud-team-builder', 'cloud'], ['broken', 'docker-container'],
      ]);
      assert.equal(currentBuilder(builders)?.name, 'default');
    });

    it('joins the platforms of all nodes, canonical and without duplicates', () => {
      const byName = new Map(builders.map((b) => [b.name, b]));
      assert.deepEqual(builderPlatforms(byName.get('k8s')!), ['linux/amd64', 'linux/arm64', 'linux/s390x']);
      assert.deepEqual(builderPlatforms(byName.get('cloud-team-builder')!), ['linux/amd64', 'linux/amd64/v2', 'linux/386', 'linux/arm64', 'linux/arm/v7']);
      assert.deepEqual(builderPlatforms(byName.get('fresh')!), []);
      assert.equal(byName.get('broken')!.nodes[0]!.error, 'failed to connect: ssh: no route to host');
      assert.equal(builderUsable(byName.get('broken')!), false);
      assert.equal(builderUsable(byName.get('fresh')!), true);
    });

    it('finds the current builder by the old "*" suffix, skips non-JSON lines, and reads object platforms', () => {
      const text = [
        'WARNING: some warning',
        '{"Name":"a","Driver":"docker","Nodes":[]}',
        '{"Name":"mine *","Driver":"docker-container","Nodes":[{"Name":"mine0","Status":"running","Platforms":[{"os":"linux","architecture":"arm64","variant":"v8"},"not a platform"]}]}',
        '{"Name":',
      ].join('\n');
      const list = parseBuilderList(text);
      assert.deepEqual(list.map((b) => b.name), ['a', 'mine']);
      assert.equal(currentBuilder(list)?.name, 'mine');
      assert.deepEqual(builderPlatforms(list[1]!), ['linux/arm64']);
    });

    it('reads the buildx version', () => {
      assert.equal(parseBuildxVersion('github.com/docker/buildx v0.24.0 d0e5e86\n'), '0.24.0');
      assert.equal(parseBuildxVersion('github.com/docker/buildx 0.12.1+ds1-1 0.12.1+ds1-1'), '0.12.1+ds1-1');
      assert.equal(parseBuildxVersion('nothing'), undefined);
    });
  });

  describe('docker info --format json', () => {
    it('detects the containerd image store from DriverStatus driver-type', () => {
      const info = parseDockerInfo(sample('info-containerd.json'))!;
      assert.equal(info.containerdImageStore, true);
      assert.equal(info.architecture, 'aarch64');
      assert.deepEqual(info.clientPlugins, ['buildx']);
    });

    it('sees the classic store (overlay2 driver status pairs)', () => {
      const info = parseDockerInfo(sample('info-classic.json'))!;
      assert.equal(info.containerdImageStore, false);
      assert.equal(info.serverReachable, true);
      assert.equal(info.serverVersion, '28.2.2');
    });

    it('reads the output of a real docker 28 client whose engine is down, and of a real 20.10 engine (vfs, DriverStatus null)', () => {
      // Both recorded on this machine from /usr/local/bin/docker (28.2.2) and Debian's dockerd 20.10.
      const down = parseDockerInfo('{"ID":"","Driver":"","DriverStatus":null,"OSType":"","Architecture":"","ServerVersion":"","ClientInfo":{"Version":"28.2.2","Plugins":[],"Warnings":null}}')!;
      assert.equal(down.serverReachable, false);
      assert.deepEqual(down.clientPlugins, []);
      const vfs = parseDockerInfo('{"Driver":"vfs","DriverStatus":null,"OSType":"linux","Architecture":"x86_64","ServerVersion":"20.10.24+dfsg1"}')!;
      assert.equal(vfs.serverReachable, true);
      assert.equal(vfs.containerdImageStore, false);
      const errors = parseDockerInfo('{"ServerVersion":"","ServerErrors":["Cannot connect to the Docker daemon"]}')!;
      assert.deepEqual(errors.serverErrors, ['Cannot connect to the Docker daemon']);
      assert.equal(parseDockerInfo('Client: Docker Engine'), undefined);
    });
  });

  describe('docker buildx imagetools inspect', () => {
    it('lists an index\'s platforms without attestation manifests', () => {
      assert.deepEqual(parseManifestPlatforms(sample('imagetools-index.json')), { kind: 'index', platforms: ['linux/amd64', 'linux/arm64/v8'] });
    });

    it('recognises a single-platform manifest and reads its platform from the image config', () => {
      assert.deepEqual(parseManifestPlatforms(sample('imagetools-single-manifest.json')), { kind: 'single' });
      assert.deepEqual(parseImageConfigPlatforms(sample('imagetools-single-image.json')), ['linux/amd64']);
      assert.deepEqual(parseImageConfigPlatforms('{"linux/amd64":{"os":"linux","architecture":"amd64"},"linux/arm/v7":{"os":"linux","architecture":"arm","variant":"v7"}}'), ['linux/amd64', 'linux/arm/v7']);
      assert.deepEqual(parseManifestPlatforms('garbage'), { kind: 'unreadable' });
    });

    it('sorts registry errors into unreachable, not found and the rest', () => {
      assert.equal(classifyRegistryError('ERROR: failed to do request: Head "https://registry-1.docker.io/v2/library/python/manifests/3": dial tcp: lookup registry-1.docker.io: no such host'), 'unreachable');
      assert.equal(classifyRegistryError('ERROR: docker.io/library/nope:1: not found'), 'notFound');
      assert.equal(classifyRegistryError('ERROR: unauthorized: authentication required'), 'unauthorized');
      assert.equal(classifyRegistryError('something else'), 'other');
    });
  });

  describe('docker buildx build --call=check,format=json', () => {
    it('reads warnings with 1-based lines, file names, and absent zero fields', () => {
      const result = parseCallCheck(sample('call-check.json'))!;
      assert.equal(result.warnings.length, 2);
      assert.deepEqual(result.warnings[0], {
        ruleName: 'FromPlatformFlagConstDisallowed',
        description: 'FROM --platform flag should not use a constant value',
        url: 'https://docs.docker.com/go/dockerfile/rule/from-platform-flag-const-disallowed/',
        detail: 'FROM --platform flag should not use constant value "linux/amd64"',
        file: 'Dockerfile',
        range: { startLine: 1, startCharacter: 0, endLine: 1, endCharacter: 0 },
      });
      assert.deepEqual(result.warnings[1]!.range, { startLine: 4, startCharacter: 0, endLine: 4, endCharacter: 42 });
      assert.equal(result.buildError, undefined);
    });

    it('reads a build error', () => {
      const result = parseCallCheck('{"buildError":{"message":"dockerfile parse error on line 2: unknown instruction: RUNN","location":{"ranges":[{"start":{"line":2},"end":{"line":2}}]}},"sources":[{"filename":"app.Dockerfile"}]}')!;
      assert.deepEqual(result.buildError, { message: 'dockerfile parse error on line 2: unknown instruction: RUNN', file: 'app.Dockerfile', range: { startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 0 } });
      assert.deepEqual(result.warnings, []);
      assert.equal(parseCallCheck('ERROR: unknown flag: --call'), undefined);
    });
  });

  describe('build failure output', () => {
    it('maps BuildKit\'s error summary to the Dockerfile line (documented shape)', () => {
      assert.deepEqual(parseBuildFailure(sample('build-failure.txt')), {
        message: 'failed to solve: process "/bin/sh -c curl -fsSL https://example.com/tool-linux-amd64 -o /usr/local/bin/tool" did not complete successfully: exit code: 1',
        file: 'Dockerfile',
        line: 3,
      });
    });

    it('reads a parse error\'s line, and the legacy builder\'s message (recorded on Debian\'s engine 20.10)', () => {
      assert.deepEqual(parseBuildFailure('ERROR: failed to solve: dockerfile parse error on line 147: unknown instruction: echo\n'), {
        message: 'failed to solve: dockerfile parse error on line 147: unknown instruction: echo', line: 147,
      });
      assert.deepEqual(parseBuildFailure('Step 3/3 : RUN echo hello && false\n ---> Running in f37db66bea5e\nhello\nThe command \'/bin/sh -c echo hello && false\' returned a non-zero code: 1\n'), {
        message: 'The command \'/bin/sh -c echo hello && false\' returned a non-zero code: 1',
      });
      assert.equal(parseBuildFailure('#5 DONE 0.5s\nhost:8080\n'), undefined);
    });
  });
});
