import { strict as assert } from 'assert';
import { DuplicateStageName } from '../../../server/src/rules/buildkit/DuplicateStageName';
import { linesOf, runRule } from '../helpers/analyse';

describe('DuplicateStageName', () => {
  it('reports the second stage of a name, ignoring case, pointing at the first', () => {
    const text = 'FROM debian:latest AS builder\nRUN true\n\nFROM golang:latest AS Builder\n';
    const [finding] = runRule(text, DuplicateStageName).findings;
    assert.equal(finding.diagnostic.range.start.line, 3);
    assert.equal(finding.diagnostic.message, 'Duplicate stage name "builder", stage names should be unique');
    assert.equal(finding.diagnostic.relatedInformation?.[0].location.range.start.line, 0);
  });

  it('accepts unique names', () => {
    assert.deepEqual(linesOf('FROM debian AS deb-builder\nFROM golang AS go-builder\n', DuplicateStageName), []);
  });

  it('is found by its hadolint alias in ignore comments', () => {
    assert.deepEqual(linesOf('FROM a AS x\n# hadolint ignore=DL3024\nFROM b AS x\n', DuplicateStageName), []);
  });
});
