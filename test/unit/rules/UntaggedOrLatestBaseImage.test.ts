import { strict as assert } from 'assert';
import { UntaggedOrLatestBaseImage } from '../../../server/src/rules/guide/UntaggedOrLatestBaseImage';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('UntaggedOrLatestBaseImage', () => {
  it('reports untagged (DL3006) and latest (DL3007) base images', () => {
    const text = 'FROM debian\nFROM debian:latest AS builder\n';
    const findings = runRule(text, UntaggedOrLatestBaseImage).findings;
    assert.deepEqual(findings.map((f) => textOf(text, f.diagnostic.range)), ['debian', 'debian:latest']);
    assert.deepEqual(linesOf('ARG IMAGE=alpine\nFROM $IMAGE\n', UntaggedOrLatestBaseImage), [2]);
  });

  it('accepts tags, digests, scratch, stages and ARGs that do not resolve (hadolint spec)', () => {
    assert.deepEqual(linesOf('FROM debian:jessie AS builder\nFROM builder\nFROM scratch\nFROM ${VALUE}\nFROM ruby@sha256:f1dbca0f5dbc9\n', UntaggedOrLatestBaseImage), []);
    assert.deepEqual(linesOf('FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n', UntaggedOrLatestBaseImage), []);
  });
});
