import { strict as assert } from 'assert';
import { AptGetMissingNoInstallRecommends } from '../../../server/src/rules/shell/AptGetMissingNoInstallRecommends';
import { linesOf, runRule } from '../helpers/analyse';
import { fixed } from './shellRuleHelpers';

describe('AptGetMissingNoInstallRecommends', () => {
  it('reports apt-get install without --no-install-recommends', () => {
    assert.deepEqual(linesOf('FROM debian:12\nRUN apt-get update\nRUN apt-get -y install curl\n', AptGetMissingNoInstallRecommends), [3]);
  });

  it('accepts the flag and the equivalent apt option', () => {
    assert.deepEqual(linesOf('FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n', AptGetMissingNoInstallRecommends), []);
    assert.deepEqual(linesOf('FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n', AptGetMissingNoInstallRecommends), []);
  });

  it('inserts the flag after install, without marking it preferred', () => {
    const text = 'FROM debian:12\nRUN apt-get install -y curl\n';
    assert.equal(fixed(text, AptGetMissingNoInstallRecommends), 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n');
    const [finding] = runRule(text, AptGetMissingNoInstallRecommends).findings;
    assert.deepEqual(finding.fixes().map((f) => f.isPreferred ?? false), [false]);
  });
});
