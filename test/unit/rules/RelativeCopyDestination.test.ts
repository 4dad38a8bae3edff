import { strict as assert } from 'assert';
import { RelativeCopyDestination } from '../../../server/src/rules/guide/RelativeCopyDestination';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('RelativeCopyDestination', () => {
  it('reports the guide\'s COPY . usr/src/app and makes it absolute', () => {
    const text = 'FROM python:3.12-alpine\nCOPY . usr/src/app\nWORKDIR /usr/src/app\n';
    const [finding] = runRule(text, RelativeCopyDestination).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'usr/src/app');
    const fixed = applyFix(text, finding.fixes()[0]);
    assert.equal(fixed, 'FROM python:3.12-alpine\nCOPY . /usr/src/app\nWORKDIR /usr/src/app\n');
    assert.deepEqual(linesOf(fixed, RelativeCopyDestination), []);
  });

  it('reports ADD and ./ prefixes', () => {
    const text = 'FROM alpine:3.20\nADD app.tar.gz ./opt/app/\n';
    const fixed = applyFix(text, runRule(text, RelativeCopyDestination).findings[0].fixes()[0]);
    assert.equal(fixed, 'FROM alpine:3.20\nADD app.tar.gz /opt/app/\n');
  });

  it('accepts destinations after WORKDIR (also inherited from a stage), absolute ones, "." and scratch', () => {
    assert.deepEqual(linesOf('FROM alpine:3.20 AS a\nWORKDIR /app\nFROM a\nCOPY x y\n', RelativeCopyDestination), []);
    assert.deepEqual(linesOf('FROM alpine:3.20\nCOPY x /y\nCOPY . .\n', RelativeCopyDestination), []);
    assert.deepEqual(linesOf('FROM scratch\nCOPY app bin/\n', RelativeCopyDestination), []);
  });
});
