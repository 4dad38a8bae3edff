import { strict as assert } from 'assert';
import { BothCurlAndWget } from '../../../server/src/rules/shell/BothCurlAndWget';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('BothCurlAndWget', () => {
  it('reports the first use of the second tool once per stage, pointing at the first', () => {
    const text = 'FROM debian:12\nRUN wget -q https://a.example/x\nRUN curl -fsSL https://b.example/y\nRUN curl -fsSL https://c.example/z\n';
    const findings = runRule(text, BothCurlAndWget).findings;
    assert.equal(findings.length, 1);
    assert.equal(textOf(text, findings[0].diagnostic.range), 'curl');
    const related = findings[0].diagnostic.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.range.start.line, 1);
  });

  it('accepts each tool in its own stage', () => {
    assert.deepEqual(linesOf('FROM debian:12 AS a\nRUN wget https://a.example/x\nFROM debian:12\nRUN curl https://b.example/y\n', BothCurlAndWget), []);
  });
});
