import { strict as assert } from 'assert';
import { ReservedStageName } from '../../../server/src/rules/buildkit/ReservedStageName';
import { linesOf, runRule } from '../helpers/analyse';

describe('ReservedStageName', () => {
  it('reports scratch and context as stage names', () => {
    const text = 'FROM alpine AS scratch\nFROM alpine AS Context\n';
    const findings = runRule(text, ReservedStageName).findings;
    assert.deepEqual(findings.map((f) => f.diagnostic.message), [
      'Stage name should not use the same name as reserved stage "scratch"',
      'Stage name should not use the same name as reserved stage "context"',
    ]);
  });

  it('accepts other names', () => {
    assert.deepEqual(linesOf('FROM alpine AS builder\nFROM scratch\n', ReservedStageName), []);
  });
});
