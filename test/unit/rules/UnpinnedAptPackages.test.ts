import { strict as assert } from 'assert';
import { UnpinnedAptPackages } from '../../../server/src/rules/shell/UnpinnedAptPackages';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('UnpinnedAptPackages', () => {
  it('reports the unpinned packages of apt-get install, naming them', () => {
    const text = 'FROM debian\nRUN apt-get update && apt-get install -y curl=7.88.1-10 git vim\n';
    const [finding] = runRule(text, UnpinnedAptPackages).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'git vim');
    assert.match(String(finding.diagnostic.message), /git, vim/);
  });

  it('accepts pinned packages, .deb files, option values and variables', () => {
    assert.deepEqual(linesOf('FROM debian\nRUN apt-get install -y python=1.2.2 ./tool_1.0_amd64.deb $EXTRA\n', UnpinnedAptPackages), []);
    assert.deepEqual(linesOf('FROM debian\nRUN apt-get -o Dpkg::Options::=--force-confnew -t bookworm-backports install -y "git=1:2.39*"\n', UnpinnedAptPackages), []);
  });

  it('reads through sudo and ONBUILD', () => {
    assert.deepEqual(linesOf('FROM debian\nONBUILD RUN sudo apt-get install -y curl\n', UnpinnedAptPackages), [2]);
  });
});
