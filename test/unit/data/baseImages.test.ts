// Base images: the end-of-life table is consistent, and FROM references are described as Docker would resolve them.
import * as assert from 'assert';
import * as data from '../../../server/src/data/baseImageData';
import { BASE_IMAGE_DATA_DATE, describeBaseImage, knownTags, parseImageReference } from '../../../server/src/data/baseImages';

const today = '2026-11-28';
const describe_ = (ref: Parameters<typeof describeBaseImage>[0]) => describeBaseImage(ref, { today });

describe('base image data table', () => {
  const tables = {
    python: data.PYTHON_CYCLES, node: data.NODE_CYCLES, go: data.GO_CYCLES, java: data.JAVA_CYCLES,
    debian: data.DEBIAN_CYCLES, ubuntu: data.UBUNTU_CYCLES, alpine: data.ALPINE_CYCLES,
  };

  it('states the date its data was taken', () => {
    assert.match(BASE_IMAGE_DATA_DATE, /^\d{4}-\d{2}-\d{2}$/);
    assert.strictEqual(BASE_IMAGE_DATA_DATE, '2026-11-28');
  });

  for (const [name, cycles] of Object.entries(tables)) {
    it(`${name}: real dates, release before end of life, oldest first, no duplicates`, () => {
      const iso = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
      for (const c of cycles) {
        for (const date of [c.released, c.eol, c.supportEnd].filter((d): d is string => d !== undefined)) {
          assert.match(date, iso, `${name} ${c.cycle}: ${date}`);
          assert.ok(!Number.isNaN(Date.parse(date)), `${name} ${c.cycle}: ${date}`);
        }
        assert.ok(c.released < c.eol, `${name} ${c.cycle} ends before it starts`);
        assert.ok(c.supportEnd === undefined || c.supportEnd <= c.eol, `${name} ${c.cycle} support ends after eol`);
      }
      const released = cycles.map((c) => c.released);
      assert.deepStrictEqual(released, [...released].sort());
      assert.strictEqual(new Set(cycles.map((c) => c.cycle)).size, cycles.length);
    });
  }

  it('covers the releases the rules ask about', () => {
    assert.deepStrictEqual(data.DEBIAN_CYCLES.filter((c) => Number(c.cycle) >= 10).map((c) => c.codename), ['buster', 'bullseye', 'bookworm', 'trixie']);
    const ubuntu = data.UBUNTU_CYCLES.map((c) => c.cycle);
    for (const release of ['18.04', '20.04', '22.04', '24.04', '26.04']) {
      assert.ok(ubuntu.includes(release), release);
    }
    assert.ok(data.ALPINE_CYCLES.length >= 15);
  });
});

describe('parseImageReference', () => {
  it('splits registry, repository, tag and digest like Docker', () => {
    assert.deepStrictEqual(parseImageReference('python:3.12'), { registry: undefined, repository: 'python', tag: '3.12', digest: undefined });
    assert.deepStrictEqual(parseImageReference('localhost:5000/team/app:1.0@sha256:ab'),
      { registry: 'localhost:5000', repository: 'team/app', tag: '1.0', digest: 'sha256:ab' });
    assert.deepStrictEqual(parseImageReference('registry.example.com:5000/app'),
      { registry: 'registry.example.com:5000', repository: 'app', tag: undefined, digest: undefined });
    assert.strictEqual(parseImageReference('bitnami/python:3.12').registry, undefined);
  });
});

describe('describeBaseImage', () => {
  it('python:3.8.4-slim-buster: Python 3.8.4 on Debian 10, glibc, both past end of life', () => {
    const d = describe_('python:3.8.4-slim-buster');
    assert.strictEqual(d.status, 'known');
    assert.deepStrictEqual([d.runtime?.name, d.runtime?.version, d.runtime?.cycle], ['Python', '3.8.4', '3.8']);
    assert.deepStrictEqual([d.distribution?.name, d.distribution?.release, d.distribution?.codename], ['Debian', '10', 'buster']);
    assert.strictEqual(d.libc, 'glibc');
    assert.strictEqual(d.variant, 'slim');
    assert.deepStrictEqual([d.runtime?.endOfLife?.date, d.runtime?.endOfLife?.isPast], ['2024-10-07', true]);
    assert.deepStrictEqual([d.distribution?.endOfLife?.date, d.distribution?.endOfLife?.isPast], ['2024-06-30', true]);
    assert.deepStrictEqual(d.slimmerVariants, ['python:3.8.4-alpine']);
    assert.strictEqual(d.upgrade, 'python:3.15-slim-trixie');
    assert.strictEqual(d.dataDate, '2026-11-28');
  });

  it('python:3.12 suggests slim and alpine, on Debian by default', () => {
    const d = describe_('python:3.12');
    assert.deepStrictEqual(d.slimmerVariants, ['python:3.12-slim', 'python:3.12-alpine']);
    assert.strictEqual(d.distribution?.id, 'debian');
    assert.strictEqual(d.distribution?.release, undefined);
    assert.ok(d.notes.includes('defaultDistribution'));
    assert.deepStrictEqual([d.runtime?.endOfLife?.isPast, d.upgrade], [false, undefined]);
  });

  it('docker.io/library/python, a Docker Hub name with digest, is the same image', () => {
    const d = describe_({ registry: 'docker.io', repository: 'library/python', tag: '3.13-slim', digest: 'sha256:0123' });
    assert.deepStrictEqual([d.image, d.runtime?.cycle, d.variant], ['python', '3.13', 'slim']);
    assert.deepStrictEqual(d.slimmerVariants, ['python:3.13-alpine']);
  });

  it('a digest without a tag keeps the image but not the version', () => {
    const d = describe_('python@sha256:0123');
    assert.strictEqual(d.image, 'python');
    assert.strictEqual(d.runtime?.version, undefined);
    assert.ok(!d.notes.includes('movingTag'));
  });

  it('an untagged image is a moving tag', () => {
    const d = describe_('python');
    assert.strictEqual(d.tag, 'latest');
    assert.ok(d.notes.includes('movingTag'));
    assert.deepStrictEqual(d.slimmerVariants, ['python:slim', 'python:alpine']);
  });

  it('python:3.11-alpine3.19 is musl, with Alpine 3.19 past end of life', () => {
    const d = describe_('python:3.11-alpine3.19');
    assert.deepStrictEqual([d.libc, d.distribution?.release, d.distribution?.endOfLife?.isPast], ['musl', '3.19', true]);
    assert.strictEqual(d.runtime?.endOfLife?.isPast, false);
    assert.strictEqual(d.upgrade, 'python:3.11-alpine3.24');
    assert.deepStrictEqual(d.slimmerVariants, []);
  });

  it('node:20 is past end of life since 2026-04-30 and suggests slim and alpine', () => {
    const d = describe_('node:20');
    assert.deepStrictEqual([d.runtime?.name, d.runtime?.endOfLife?.date, d.runtime?.endOfLife?.isPast], ['Node.js', '2026-04-30', true]);
    assert.deepStrictEqual(d.slimmerVariants, ['node:20-slim', 'node:20-alpine']);
    assert.strictEqual(d.upgrade, 'node:26');
  });

  it('node:20-bookworm keeps the distribution before slim, as Node.js tags do', () => {
    const d = describe_('node:20-bookworm');
    assert.deepStrictEqual(d.slimmerVariants, ['node:20-bookworm-slim', 'node:20-alpine']);
    assert.deepStrictEqual([d.distribution?.release, d.distribution?.endOfLife?.supportEnded, d.distribution?.endOfLife?.isPast], ['12', true, false]);
  });

  it('node:iron-alpine is Node.js 20 by its LTS codename', () => {
    const d = describe_('node:iron-alpine');
    assert.deepStrictEqual([d.runtime?.cycle, d.libc, d.upgrade], ['20', 'musl', 'node:26-alpine']);
  });

  it('golang suggests a runtime image for static binaries', () => {
    const d = describe_('golang:1.25-bookworm');
    assert.deepStrictEqual([d.runtime?.name, d.runtime?.cycle, d.runtime?.endOfLife?.isPast], ['Go', '1.25', true]);
    assert.deepStrictEqual(d.slimmerVariants, ['gcr.io/distroless/static', 'scratch', 'golang:1.25-alpine']);
  });

  it('eclipse-temurin:21-jdk-jammy: Java 21 on Ubuntu 22.04, JRE variants', () => {
    const d = describe_('eclipse-temurin:21-jdk-jammy');
    assert.deepStrictEqual([d.runtime?.cycle, d.distribution?.name, d.distribution?.release, d.variant], ['21', 'Ubuntu', '22.04', 'jdk']);
    assert.deepStrictEqual(d.slimmerVariants, ['eclipse-temurin:21-jre-jammy', 'eclipse-temurin:21-jre-alpine']);
  });

  it('eclipse-temurin:8u402-b06-jre reads Java 8 from the update version', () => {
    const d = describe_('eclipse-temurin:8u402-b06-jre');
    assert.deepStrictEqual([d.runtime?.version, d.runtime?.cycle, d.variant], ['8u402-b06', '8', 'jre']);
  });

  it('openjdk is deprecated and points to eclipse-temurin', () => {
    const d = describe_('openjdk:11-jre-slim-buster');
    assert.ok(d.notes.includes('deprecatedImage'));
    assert.deepStrictEqual([d.runtime?.cycle, d.distribution?.codename, d.libc], ['11', 'buster', 'glibc']);
    assert.deepStrictEqual(d.slimmerVariants, ['eclipse-temurin:11-jre', 'eclipse-temurin:11-jre-alpine']);
    assert.strictEqual(d.upgrade, 'eclipse-temurin:11-jre-slim-trixie');
  });

  it('debian:bullseye is past its LTS end on 2026-08-31', () => {
    const d = describe_('debian:bullseye');
    assert.deepStrictEqual([d.distribution?.release, d.distribution?.endOfLife?.date, d.distribution?.endOfLife?.isPast], ['11', '2026-08-31', true]);
    assert.deepStrictEqual([d.slimmerVariants, d.upgrade], [['debian:bullseye-slim'], 'debian:trixie']);
  });

  it('debian:12-slim: bookworm, out of regular support but in LTS', () => {
    const d = describe_('debian:12-slim');
    assert.deepStrictEqual([d.distribution?.codename, d.variant, d.distribution?.endOfLife?.supportEnded, d.distribution?.endOfLife?.isPast],
      ['bookworm', 'slim', true, false]);
  });

  it('debian:stable-slim resolves the moving suite', () => {
    const d = describe_('debian:stable-slim');
    assert.strictEqual(d.distribution?.codename, 'trixie');
    assert.ok(d.notes.includes('movingTag'));
  });

  it('ubuntu:22.04 and ubuntu:18.04', () => {
    const jammy = describe_('ubuntu:22.04');
    assert.deepStrictEqual([jammy.distribution?.codename, jammy.libc, jammy.distribution?.endOfLife?.isPast], ['jammy', 'glibc', false]);
    const bionic = describe_('ubuntu:bionic');
    assert.deepStrictEqual([bionic.distribution?.release, bionic.distribution?.endOfLife?.isPast, bionic.upgrade], ['18.04', true, 'ubuntu:resolute']);
  });

  it('alpine:3.19 is musl and past end of life; alpine:3.23 is not', () => {
    const old = describe_('alpine:3.19.1');
    assert.deepStrictEqual([old.libc, old.distribution?.release, old.distribution?.endOfLife?.isPast], ['musl', '3.19', true]);
    assert.strictEqual(old.upgrade, 'alpine:3.24');
    assert.strictEqual(describe_('alpine:3.23').distribution?.endOfLife?.isPast, false);
  });

  it('unknown releases are reported as such', () => {
    const d = describe_('python:3.99-slim');
    assert.ok(d.notes.includes('unknownRelease'));
    assert.strictEqual(d.runtime?.endOfLife, undefined);
  });

  it('other registries, ports included, are unknown; mirrors of Docker Hub are not', () => {
    assert.strictEqual(describe_('localhost:5000/python:3.12').status, 'unknown');
    assert.strictEqual(describe_('registry.example.com:5000/library/python:3.12').status, 'unknown');
    assert.strictEqual(describe_('ghcr.io/org/app:1.0').status, 'unknown');
    assert.strictEqual(describe_('public.ecr.aws/docker/library/python:3.8').runtime?.endOfLife?.isPast, true);
  });

  it('references with variables are not guessed', () => {
    assert.strictEqual(describe_('python:${PYTHON_VERSION}-slim').status, 'variable');
    assert.strictEqual(describe_({ repository: '$BASE' }).status, 'variable');
  });

  it('scratch and distroless', () => {
    assert.deepStrictEqual([describe_('scratch').status, describe_('scratch').libc], ['scratch', 'none']);
    const d = describe_('gcr.io/distroless/static-debian12:nonroot');
    assert.deepStrictEqual([d.libc, d.distribution?.codename], ['none', 'bookworm']);
    assert.strictEqual(describe_('gcr.io/distroless/base-debian12').libc, 'glibc');
  });

  it('judges end of life against the given day', () => {
    assert.strictEqual(describeBaseImage('python:3.10', { today: '2026-10-31' }).runtime?.endOfLife?.isPast, false);
    assert.strictEqual(describeBaseImage('python:3.10', { today: '2026-11-01' }).runtime?.endOfLife?.isPast, true);
  });
});

describe('knownTags', () => {
  it('offers supported releases only, newest first', () => {
    const python = knownTags('python', { today });
    assert.strictEqual(python[0], '3.15');
    assert.ok(python.includes('3.12-slim') && python.includes('3.10-alpine') === false);
    assert.ok(!python.some((t) => t.startsWith('3.9')));
    assert.deepStrictEqual(knownTags('docker.io/library/python', { today }), python);
    assert.ok(knownTags('node', { today }).includes('22-bookworm-slim'));
    assert.ok(!knownTags('node', { today }).some((t) => t.startsWith('20')));
    assert.deepStrictEqual(knownTags('ubuntu', { today }), ['26.04', 'resolute', '24.04', 'noble', '22.04', 'jammy']);
    assert.deepStrictEqual(knownTags('alpine', { today }), ['3.24', '3.23', '3.22']);
    assert.ok(knownTags('eclipse-temurin', { today }).includes('25-jre-alpine'));
    assert.ok(!knownTags('eclipse-temurin', { today }).some((t) => t.startsWith('26')));
    assert.ok(knownTags('debian', { today }).includes('bookworm-slim'));
    assert.ok(!knownTags('debian', { today }).includes('bullseye'));
    assert.deepStrictEqual(knownTags('openjdk', { today }), []);
    assert.deepStrictEqual(knownTags('ghcr.io/org/app', { today }), []);
  });
});
