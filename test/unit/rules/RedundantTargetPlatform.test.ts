import { strict as assert } from 'assert';
import { RedundantTargetPlatform } from '../../../server/src/rules/buildkit/RedundantTargetPlatform';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('RedundantTargetPlatform', () => {
  it('reports --platform=$TARGETPLATFORM and removes the flag', () => {
    const text = 'FROM --platform=$TARGETPLATFORM alpine AS builder\n';
    const [finding] = runRule(text, RedundantTargetPlatform).findings;
    assert.equal(finding.diagnostic.message, 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior');
    assert.equal(textOf(text, finding.diagnostic.range), '--platform=$TARGETPLATFORM');
    assert.equal(applyFix(text, finding.fixes()[0]), 'FROM alpine AS builder\n');
  });

  it('accepts other platforms', () => {
    assert.deepEqual(linesOf('FROM --platform=$BUILDPLATFORM alpine\nFROM --platform=${TARGETPLATFORM:-linux/amd64} alpine\nFROM alpine\n', RedundantTargetPlatform), []);
  });
});
