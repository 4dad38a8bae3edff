import { strict as assert } from 'assert';
import { AptListsNotRemoved } from '../../../server/src/rules/shell/AptListsNotRemoved';
import { linesOf, runRule, textOf } from '../helpers/analyse';
import { fixed } from './shellRuleHelpers';

describe('AptListsNotRemoved', () => {
  it('reports apt-get update without removing the lists, on the update command', () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n';
    const [finding] = runRule(text, AptListsNotRemoved).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'apt-get update');
  });

  it('accepts the lists removed in the same RUN, or kept in cache mounts', () => {
    assert.deepEqual(linesOf('FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', AptListsNotRemoved), []);
    assert.deepEqual(linesOf('FROM debian:13\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n', AptListsNotRemoved), []);
    const mounted = 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n';
    assert.deepEqual(linesOf(mounted, AptListsNotRemoved), []);
  });

  it('only counts stages that end up in an image, but always ONBUILD triggers', () => {
    const text = 'FROM debian:12 AS tools\nRUN apt-get update\nONBUILD RUN apt-get update\nFROM scratch\nCOPY --from=tools /bin/sh /sh\n';
    assert.deepEqual(linesOf(text, AptListsNotRemoved), [3]);
    assert.deepEqual(linesOf('FROM debian:12 AS base\nRUN apt-get update\nFROM base\n', AptListsNotRemoved), [2]);
  });

  it('appends the removal to a one-line RUN', () => {
    assert.equal(
      fixed('FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', AptListsNotRemoved),
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    );
  });

  it('adds a continuation line in the RUN layout: leading &&', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\nUSER app\n';
    assert.equal(fixed(text, AptListsNotRemoved), 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nUSER app\n');
  });

  it('adds a continuation line in the RUN layout: trailing &&, CRLF, backtick escape', () => {
    const text = '# escape=`\r\nFROM debian:12\r\nSHELL ["/bin/sh", "-c"]\r\nRUN apt-get update && `\r\n  apt-get install -y curl\r\n';
    assert.equal(fixed(text, AptListsNotRemoved), '# escape=`\r\nFROM debian:12\r\nSHELL ["/bin/sh", "-c"]\r\nRUN apt-get update && `\r\n  apt-get install -y curl && `\r\n  rm -rf /var/lib/apt/lists/*\r\n');
  });

  it('keeps the removal on the last command line of a heredoc', () => {
    const text = 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n';
    assert.equal(fixed(text, AptListsNotRemoved), 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n');
  });

  it('offers no removal where the continuation it writes would carry the RUN into the lines after it', () => {
    // Found by the fuzzer: after `\\ \\` (an escaped blank, then a continuation) the line the fix wrote took in the
    // instructions below the RUN.
    const text = 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl \\ \\\n\nUSER app\n';
    const [finding] = runRule(text, AptListsNotRemoved).findings;
    assert.deepEqual(finding.fixes(), []);
  });
});

