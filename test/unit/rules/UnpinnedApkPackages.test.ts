import { strict as assert } from 'assert';
import { UnpinnedApkPackages } from '../../../server/src/rules/shell/UnpinnedApkPackages';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('UnpinnedApkPackages', () => {
  it('reports only the unpinned names of a continued apk add', () => {
    const text = 'FROM alpine:3.19\nRUN apk add --no-cache \\\n    flex=2.6.4-r1 \\\n    libffi \\\n    git~2.43\n';
    const [finding] = runRule(text, UnpinnedApkPackages).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'libffi');
  });

  it('does not take option values for packages', () => {
    assert.deepEqual(linesOf('FROM alpine:3.19\nRUN apk add --virtual build-deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing gcc=13.2.1-r0 ./local.apk\n', UnpinnedApkPackages), []);
  });
});
