import { strict as assert } from 'assert';
import { LegacyKeyValueFormat } from '../../../server/src/rules/buildkit/LegacyKeyValueFormat';
import { applyFix, linesOf, runRule } from '../helpers/analyse';

function fixed(text: string): string {
  return applyFix(text, runRule(text, LegacyKeyValueFormat).findings[0].fixes()[0]);
}

describe('LegacyKeyValueFormat', () => {
  it('reports ENV, LABEL and ARG written as `key value`', () => {
    assert.deepEqual(linesOf('FROM alpine\nENV a b\nLABEL maintainer Ann\nARG foo bar\n', LegacyKeyValueFormat), [2, 3, 4]);
    const [finding] = runRule('FROM alpine\nENV a b\n', LegacyKeyValueFormat).findings;
    assert.equal(finding.diagnostic.message, '"ENV key=value" should be used instead of legacy "ENV key value" format');
  });

  it('accepts key=value', () => {
    assert.deepEqual(linesOf('FROM alpine\nARG foo=bar\nENV DEPS="\\\n    curl \\\n    git"\nARG only\n', LegacyKeyValueFormat), []);
  });

  it('accepts `ARG A B` when B is an ARG the file uses (the multi-platform idiom)', () => {
    assert.deepEqual(linesOf('FROM golang\nARG TARGETOS TARGETARCH\nARG foo bar\nRUN echo $bar\n', LegacyKeyValueFormat), []);
  });

  it('joins key and value with =, quoting values with blanks', () => {
    assert.equal(fixed('FROM alpine\nENV a b\n'), 'FROM alpine\nENV a=b\n');
    assert.equal(fixed('FROM alpine\nENV a b c\n'), 'FROM alpine\nENV a="b c"\n');
    assert.equal(fixed('ENV DEPS \\\n    curl \\\n    git\n'), 'ENV DEPS="curl \\\n    git"\n');
    assert.deepEqual(linesOf(fixed('FROM alpine\nENV a b c\n'), LegacyKeyValueFormat), []);
  });

  it('offers no fix where quoting would change the value, and never prefers joining ARG words', () => {
    assert.deepEqual(runRule('FROM alpine\nENV a "b" c\n', LegacyKeyValueFormat).findings[0].fixes(), []);
    // A quote in a comment line inside the value: dockerfile-ast would read it as closing the fix's quote (found by the fuzzer).
    assert.deepEqual(runRule('FROM alpine\nENV PATH /go/bin:$PATH \\\n# about "COPY\n  /more\n', LegacyKeyValueFormat).findings[0].fixes(), []);
    assert.equal(fixed('FROM alpine\nENV PATH /go/bin:$PATH \\\n# about COPY\n  /more\n'), 'FROM alpine\nENV PATH="/go/bin:$PATH \\\n# about COPY\n  /more"\n');
    assert.notEqual(runRule('FROM alpine\nARG foo bar\n', LegacyKeyValueFormat).findings[0].fixes()[0].isPreferred, true);
  });
});
