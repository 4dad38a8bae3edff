import { strict as assert } from 'assert';
import { ApkAddMissingNoCache } from '../../../server/src/rules/shell/ApkAddMissingNoCache';
import { linesOf } from '../helpers/analyse';
import { fixed } from './shellRuleHelpers';

describe('ApkAddMissingNoCache', () => {
  it('reports apk add without --no-cache', () => {
    assert.deepEqual(linesOf('FROM alpine:3.19\nRUN apk update && apk add curl=8.5.0-r0\n', ApkAddMissingNoCache), [2]);
  });

  it('accepts --no-cache before or after add, and a cache mount on /var/cache/apk', () => {
    assert.deepEqual(linesOf('FROM alpine:3.19\nRUN apk --no-cache add curl\nRUN apk add curl --no-cache\n', ApkAddMissingNoCache), []);
    assert.deepEqual(linesOf('FROM alpine:3.19\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n', ApkAddMissingNoCache), []);
    assert.deepEqual(linesOf('FROM alpine:3.19\nRUN --mount=type=tmpfs,target=/var/cache/foo apk add -U curl\n', ApkAddMissingNoCache), [2]);
  });

  it('inserts --no-cache after add', () => {
    assert.equal(fixed('FROM alpine:3.19\nRUN apk add curl\n', ApkAddMissingNoCache), 'FROM alpine:3.19\nRUN apk add --no-cache curl\n');
  });
});
