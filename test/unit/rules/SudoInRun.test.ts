import { strict as assert } from 'assert';
import { SudoInRun } from '../../../server/src/rules/shell/SudoInRun';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('SudoInRun', () => {
  it('reports the sudo word of each command run through sudo', () => {
    const text = 'FROM debian\nRUN apt-get update && sudo apt-get install -y curl\n';
    const findings = runRule(text, SudoInRun).findings;
    assert.equal(findings.length, 1);
    assert.equal(textOf(text, findings[0].diagnostic.range), 'sudo');
  });

  it('does not report installing the sudo package', () => {
    assert.deepEqual(linesOf('FROM debian\nRUN apt-get install -y sudo\n', SudoInRun), []);
  });
});
