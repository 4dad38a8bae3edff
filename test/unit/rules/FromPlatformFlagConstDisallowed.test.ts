import { strict as assert } from 'assert';
import { FromPlatformFlagConstDisallowed } from '../../../server/src/rules/buildkit/FromPlatformFlagConstDisallowed';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('FromPlatformFlagConstDisallowed', () => {
  it('reports a constant --platform, on the flag', () => {
    const text = 'FROM --platform=linux/amd64 alpine AS base\n';
    const [finding] = runRule(text, FromPlatformFlagConstDisallowed).findings;
    assert.equal(finding.diagnostic.message, 'FROM --platform flag should not use constant value "linux/amd64"');
    assert.equal(textOf(text, finding.diagnostic.range), '--platform=linux/amd64');
  });

  it('accepts variables and stages named after their platform', () => {
    assert.deepEqual(linesOf('FROM --platform=${BUILDPLATFORM} alpine AS base\nFROM --platform=${BUILDPLATFORM:-} debian\n', FromPlatformFlagConstDisallowed), []);
    assert.deepEqual(linesOf('FROM --platform=linux/amd64 alpine AS build_amd64\nFROM --platform=linux/arm64 alpine AS build_arm64\n', FromPlatformFlagConstDisallowed), []);
  });

  it('offers $BUILDPLATFORM or removing the flag, neither preferred', () => {
    const text = 'FROM --platform=linux/amd64 alpine AS base\n';
    const fixes = runRule(text, FromPlatformFlagConstDisallowed).findings[0].fixes();
    assert.deepEqual(fixes.map((f) => applyFix(text, f)), ['FROM --platform=$BUILDPLATFORM alpine AS base\n', 'FROM alpine AS base\n']);
    assert.ok(fixes.every((f) => f.isPreferred !== true));
  });
});
