import { strict as assert } from 'assert';
import { InvalidDefaultArgInFrom } from '../../../server/src/rules/buildkit/InvalidDefaultArgInFrom';
import { linesOf, runRule } from '../helpers/analyse';

describe('InvalidDefaultArgInFrom', () => {
  it('reports a FROM that is invalid with the ARG defaults', () => {
    const [finding] = runRule('ARG TAG\nFROM busybox:${TAG}\n', InvalidDefaultArgInFrom).findings;
    assert.equal(finding.diagnostic.message, 'Default value for ARG busybox:${TAG} results in empty or invalid base image name');
    assert.deepEqual(linesOf('ARG IMAGE\nFROM $IMAGE\n', InvalidDefaultArgInFrom), [2]);
  });

  it('accepts defaults, empty suffixes, inline defaults and platform ARGs', () => {
    assert.deepEqual(linesOf('ARG TAG=latest\nFROM busybox:${TAG}\n', InvalidDefaultArgInFrom), []);
    assert.deepEqual(linesOf('ARG VARIANT\nFROM busybox:stable${VARIANT}\n', InvalidDefaultArgInFrom), []);
    assert.deepEqual(linesOf('ARG TAG\nFROM alpine:${TAG:-3.14}\n', InvalidDefaultArgInFrom), []);
    assert.deepEqual(linesOf('FROM alpine AS build_amd64\nFROM build_${TARGETARCH} AS build\n', InvalidDefaultArgInFrom), []);
  });
});
