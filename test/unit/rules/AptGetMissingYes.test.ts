import { strict as assert } from 'assert';
import { AptGetMissingYes } from '../../../server/src/rules/shell/AptGetMissingYes';
import { linesOf, runRule, textOf } from '../helpers/analyse';
import { fixed } from './shellRuleHelpers';

describe('AptGetMissingYes', () => {
  it('reports install and other prompting subcommands without -y, on the subcommand', () => {
    const text = 'FROM debian:12\nRUN apt-get install -q curl\nRUN apt-get remove curl\nRUN apt-get update\n';
    assert.deepEqual(linesOf(text, AptGetMissingYes), [2, 3]);
    assert.equal(textOf(text, runRule(text, AptGetMissingYes).findings[0].diagnostic.range), 'install');
  });

  it('accepts -y in any spelling, -qq and the Assume-Yes option', () => {
    for (const options of ['-y', '-yq', '--yes', '--assume-yes', '-qq', '--quiet --quiet', '-q=2', '-o APT::Get::Assume-Yes=true']) {
      assert.deepEqual(linesOf(`FROM debian:12\nRUN apt-get ${options} install curl\n`, AptGetMissingYes), [], options);
    }
  });

  it('inserts -y after the subcommand', () => {
    assert.equal(fixed('FROM debian:12\nRUN apt-get install curl\n', AptGetMissingYes), 'FROM debian:12\nRUN apt-get install -y curl\n');
    assert.equal(fixed('FROM debian:12\nONBUILD RUN apt-get -q install \\\n  curl\n', AptGetMissingYes), 'FROM debian:12\nONBUILD RUN apt-get -q install -y \\\n  curl\n');
  });
});
