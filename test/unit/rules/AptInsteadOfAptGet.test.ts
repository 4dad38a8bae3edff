import { strict as assert } from 'assert';
import { AptInsteadOfAptGet } from '../../../server/src/rules/shell/AptInsteadOfAptGet';
import { linesOf, runRule, textOf } from '../helpers/analyse';
import { fixed } from './shellRuleHelpers';

describe('AptInsteadOfAptGet', () => {
  it('reports the apt word, not apt-get or an apt argument', () => {
    const text = 'FROM ubuntu:24.04\nRUN apt update && apt-get install -y apt\n';
    const findings = runRule(text, AptInsteadOfAptGet).findings;
    assert.equal(findings.length, 1);
    assert.equal(textOf(text, findings[0].diagnostic.range), 'apt');
  });

  it('replaces apt with apt-get or apt-cache as the subcommand needs', () => {
    assert.equal(fixed('FROM ubuntu:24.04\nRUN apt install -y curl\n', AptInsteadOfAptGet), 'FROM ubuntu:24.04\nRUN apt-get install -y curl\n');
    assert.equal(fixed('FROM ubuntu:24.04\nRUN apt search curl\n', AptInsteadOfAptGet), 'FROM ubuntu:24.04\nRUN apt-cache search curl\n');
    assert.equal(fixed('FROM ubuntu:24.04\nRUN apt full-upgrade -y\n', AptInsteadOfAptGet), 'FROM ubuntu:24.04\nRUN apt-get dist-upgrade -y\n');
  });

  it('offers no fix where apt-get has no equivalent', () => {
    const [finding] = runRule('FROM ubuntu:24.04\nRUN apt list --installed\n', AptInsteadOfAptGet).findings;
    assert.deepEqual(finding.fixes(), []);
    assert.deepEqual(linesOf('FROM ubuntu:24.04\nRUN apt list --installed\n', AptInsteadOfAptGet), [2]);
  });
});
