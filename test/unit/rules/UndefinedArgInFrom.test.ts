import { strict as assert } from 'assert';
import { UndefinedArgInFrom } from '../../../server/src/rules/buildkit/UndefinedArgInFrom';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('UndefinedArgInFrom', () => {
  it('reports an ARG used in FROM that is not declared before it', () => {
    const text = 'FROM node:22${VARIANT} AS jsbuilder\n';
    const [finding] = runRule(text, UndefinedArgInFrom).findings;
    assert.equal(finding.diagnostic.message, "FROM argument 'VARIANT' is not declared");
    assert.equal(textOf(text, finding.diagnostic.range), '${VARIANT}');
  });

  it('accepts declared and automatic ARGs, in the image and the platform', () => {
    assert.deepEqual(linesOf('ARG VARIANT="-alpine3.20"\nFROM node:22${VARIANT}\n', UndefinedArgInFrom), []);
    assert.deepEqual(linesOf('ARG TAG\nFROM --platform=$BUILDPLATFORM alpine:${TAG}\n', UndefinedArgInFrom), []);
  });

  it('suggests the closest declared name and fixes it', () => {
    const text = 'ARG VERSION=3\nFROM alpine:$VERSON\n';
    const [finding] = runRule(text, UndefinedArgInFrom).findings;
    assert.equal(finding.diagnostic.message, "FROM argument 'VERSON' is not declared (did you mean VERSION?)");
    assert.equal(applyFix(text, finding.fixes()[0]), 'ARG VERSION=3\nFROM alpine:$VERSION\n');
  });

  it('offers no rename to a declared name that a reference cannot spell', () => {
    // Found by running the fix properties on mutated corpus files: `$B[ASE_IMAGE` is `$B` followed by text.
    const [finding] = runRule('ARG B[ASE_IMAGE=alpine\nFROM $BASE_IMAGE\n', UndefinedArgInFrom).findings;
    assert.equal(finding.diagnostic.message, "FROM argument 'BASE_IMAGE' is not declared (did you mean B[ASE_IMAGE?)");
    assert.deepEqual(finding.fixes(), []);
  });

  it('does not see ARGs declared inside a stage', () => {
    assert.deepEqual(linesOf('FROM alpine\nARG BASE=debian\nFROM $BASE\n', UndefinedArgInFrom), [3]);
  });
});
