import { strict as assert } from 'assert';
import { NoEmptyContinuation } from '../../../server/src/rules/buildkit/NoEmptyContinuation';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('NoEmptyContinuation', () => {
  it('reports an empty line inside a continued instruction, on the line it runs into', () => {
    const text = 'FROM alpine\nEXPOSE \\\n\n80\n';
    const [finding] = runRule(text, NoEmptyContinuation).findings;
    assert.equal(finding.diagnostic.message, 'Empty continuation line');
    assert.equal(textOf(text, finding.diagnostic.range), '80');
  });

  it('accepts comment lines and empty lines in heredocs', () => {
    assert.deepEqual(linesOf('FROM alpine\nEXPOSE \\\n# Port\n80\n', NoEmptyContinuation), []);
    assert.deepEqual(linesOf('FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n', NoEmptyContinuation), []);
  });

  it('removes the empty lines', () => {
    const text = 'FROM scratch\nRUN ls \\\n\n  \\\n\nls\n';
    const findings = runRule(text, NoEmptyContinuation).findings;
    assert.equal(findings.length, 1);
    const fixed = applyFix(text, findings[0].fixes()[0]);
    assert.equal(fixed, 'FROM scratch\nRUN ls \\\n  \\\nls\n');
    assert.deepEqual(linesOf(fixed, NoEmptyContinuation), []);
  });

  it('keeps the empty line of a CRLF file out of the lines it removes, and leaves the CRLF line ends whole', () => {
    const text = 'FROM scratch\r\nRUN ls \\\r\n\r\nls\r\n';
    const findings = runRule(text, NoEmptyContinuation).findings;
    assert.equal(findings.length, 1);
    assert.equal(textOf(text, findings[0].diagnostic.range), 'ls');
    assert.equal(applyFix(text, findings[0].fixes()[0]), 'FROM scratch\r\nRUN ls \\\r\nls\r\n');
  });

  it('counts lines as BuildKit does, which ends a line at \\n only: a lone \\r makes no empty line', () => {
    // Found by the fuzzer: removing the "empty lines" between lone carriage returns changed what dockerfile-ast parsed.
    assert.deepEqual(linesOf('FROM alpine:3.24 \\\r\r# comment\r   \r\\\r', NoEmptyContinuation), []);
    assert.deepEqual(linesOf('FROM alpine\nEXPOSE \\\n \r \n80\n', NoEmptyContinuation), [5]);
  });
});
