import { strict as assert } from 'assert';
import { CopyFromOwnStage } from '../../../server/src/rules/guide/CopyFromOwnStage';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('CopyFromOwnStage', () => {
  it('reports COPY --from naming its own stage, by name or index (DL3023)', () => {
    const text = 'FROM node as foo\nCOPY --from=foo bar .\n';
    const [finding] = runRule(text, CopyFromOwnStage).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'foo');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(linesOf('FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=1 /a /a\n', CopyFromOwnStage), [3]);
  });

  it('accepts copying from another stage (hadolint spec)', () => {
    assert.deepEqual(linesOf('FROM scratch as build\nRUN foo\nFROM node as run\nCOPY --from=build foo .\nRUN baz\n', CopyFromOwnStage), []);
  });
});
