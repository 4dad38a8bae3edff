import { strict as assert } from 'assert';
import { LastUserRoot } from '../../../server/src/rules/shell/LastUserRoot';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('LastUserRoot', () => {
  it('reports a stage whose last USER is root, by name, UID or with a group', () => {
    assert.deepEqual(linesOf('FROM debian:12\nUSER app\nRUN id\nUSER root\n', LastUserRoot), [4]);
    const text = 'FROM scratch\nUSER 0:0\n';
    assert.equal(textOf(text, runRule(text, LastUserRoot).findings[0].diagnostic.range), '0:0');
    assert.deepEqual(linesOf('FROM debian:12\nARG RUNAS=root\nUSER ${RUNAS}\n', LastUserRoot), [3]);
  });

  it('accepts a stage that switches back to another user, and stages without USER', () => {
    assert.deepEqual(linesOf('FROM debian:12\nUSER root\nRUN id\nUSER 1000\nFROM debian:12\nRUN id\n', LastUserRoot), []);
  });
});
