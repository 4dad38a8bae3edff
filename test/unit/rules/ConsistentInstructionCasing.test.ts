import { strict as assert } from 'assert';
import { ConsistentInstructionCasing } from '../../../server/src/rules/buildkit/ConsistentInstructionCasing';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('ConsistentInstructionCasing', () => {
  it('reports keywords that differ from the majority casing', () => {
    const text = 'From alpine\nRun echo hello > /greeting.txt\nEntRYpOiNT ["cat", "/greeting.txt"]\n';
    assert.deepEqual(linesOf(text, ConsistentInstructionCasing), [1, 2, 3]);
  });

  it('accepts files written all upper or all lower case', () => {
    assert.deepEqual(linesOf('FROM alpine\nRUN echo\n', ConsistentInstructionCasing), []);
    assert.deepEqual(linesOf('from alpine\nrun echo\n', ConsistentInstructionCasing), []);
  });

  it('names the majority and converts the keyword to it', () => {
    const text = 'from scratch\nfrom scratch\nCOPY  --link . .\n';
    const [finding] = runRule(text, ConsistentInstructionCasing).findings;
    assert.equal(finding.diagnostic.message, "Command 'COPY' should match the case of the command majority (lowercase)");
    assert.equal(textOf(text, finding.diagnostic.range), 'COPY');
    assert.equal(applyFix(text, finding.fixes()[0]), 'from scratch\nfrom scratch\ncopy  --link . .\n');
  });

  it('converts the AS of a FROM along with it, which FromAsCasing would report otherwise', () => {
    // Found by the fuzzer: `FROM golang AS build` made `from golang AS build`.
    const text = 'from scratch\nrun echo\nFROM golang:1.23 AS build\n';
    const [finding] = runRule(text, ConsistentInstructionCasing).findings;
    assert.equal(applyFix(text, finding.fixes()[0]), 'from scratch\nrun echo\nfrom golang:1.23 as build\n');
  });
});

