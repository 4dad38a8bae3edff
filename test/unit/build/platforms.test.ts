import * as assert from 'node:assert/strict';
import { canonicalPlatform, emulatorName, isValidPlatform, nativePlatform, platformListed } from '../../../client/src/build/platforms';

describe('platforms', () => {
  it('accepts os/arch[/variant] and refuses anything that could smuggle text', () => {
    for (const good of ['linux/amd64', 'linux/arm/v7', 'windows/amd64', 'linux/ppc64le', 'LINUX/ARM64']) {
      assert.ok(isValidPlatform(good), good);
    }
    for (const bad of ['linux', 'linux/', '/amd64', 'linux/amd64,linux/arm64', 'linux/ amd64', 'linux/amd64/v2/x', '--push', 'linux/$(id)', 'linux/a;b']) {
      assert.ok(!isValidPlatform(bad), bad);
    }
  });

  it('compares the way BuildKit does (arm64/v8, amd64/v1, bare arm, uname names)', () => {
    assert.equal(canonicalPlatform('linux/arm64/v8'), 'linux/arm64');
    assert.equal(canonicalPlatform('linux/amd64/v1'), 'linux/amd64');
    assert.equal(canonicalPlatform('linux/arm'), 'linux/arm/v7');
    assert.equal(canonicalPlatform('linux/aarch64'), 'linux/arm64');
    assert.ok(platformListed(['linux/amd64', 'linux/arm64/v8'], 'linux/arm64'));
    assert.ok(!platformListed(['linux/amd64', 'linux/amd64/v2'], 'linux/arm64'));
    assert.ok(!platformListed(['linux/arm/v6'], 'linux/arm'));
  });

  it('names the native platform from docker info, then from this process', () => {
    assert.equal(nativePlatform('linux', 'x86_64'), 'linux/amd64');
    assert.equal(nativePlatform('linux', 'aarch64'), 'linux/arm64');
    assert.equal(nativePlatform('linux', 'armv7l'), 'linux/arm/v7');
    const fallback = nativePlatform(undefined, 'unknown-cpu');
    assert.match(fallback, /^linux\/[a-z0-9]+(\/v\d)?$/);
    assert.equal(fallback, nativePlatform());
  });

  it('names the binfmt emulator for a platform', () => {
    assert.equal(emulatorName('linux/arm64/v8'), 'arm64');
    assert.equal(emulatorName('linux/arm/v7'), 'arm');
    assert.equal(emulatorName('linux/riscv64'), 'riscv64');
  });
});
