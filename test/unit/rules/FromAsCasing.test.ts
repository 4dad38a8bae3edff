import { strict as assert } from 'assert';
import { FromAsCasing } from '../../../server/src/rules/buildkit/FromAsCasing';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('FromAsCasing', () => {
  it('reports `as` after an upper-case FROM, on the AS keyword', () => {
    const text = 'FROM debian:latest as builder\n';
    const [finding] = runRule(text, FromAsCasing).findings;
    assert.equal(finding.diagnostic.message, "'as' and 'FROM' keywords' casing do not match");
    assert.equal(textOf(text, finding.diagnostic.range), 'as');
    assert.equal(applyFix(text, finding.fixes()[0]), 'FROM debian:latest AS builder\n');
  });

  it('accepts matching casings and leaves a mixed-case FROM alone', () => {
    assert.deepEqual(linesOf('FROM debian AS a\nfrom debian as b\nFrom debian as c\n', FromAsCasing), []);
  });

  it('fixes a lowercase from to a lowercase as', () => {
    const text = 'from debian AS b\n';
    assert.equal(applyFix(text, runRule(text, FromAsCasing).findings[0].fixes()[0]), 'from debian as b\n');
  });
});
