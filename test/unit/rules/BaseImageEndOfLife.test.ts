import { strict as assert } from 'assert';
import { BaseImageEndOfLife } from '../../../server/src/rules/guide/BaseImageEndOfLife';
import { BASE_IMAGE_DATA_DATE } from '../../../server/src/data/baseImages';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('BaseImageEndOfLife', () => {
  it('reports the guide image python:3.8.4-slim-buster for Python 3.8 and Debian 10, naming the data date', () => {
    const text = 'FROM python:3.8.4-slim-buster as compile-image\n';
    const [finding] = runRule(text, BaseImageEndOfLife).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'python:3.8.4-slim-buster');
    assert.match(String(finding.diagnostic.message), /Python 3\.8 .*2024-10/);
    assert.match(String(finding.diagnostic.message), /Debian 10 \(buster\).*2024-06/);
    assert.ok(String(finding.diagnostic.message).includes(BASE_IMAGE_DATA_DATE));
  });

  it('reports Node.js, Go, Alpine and Ubuntu releases past their end of life', () => {
    assert.deepEqual(linesOf('FROM node:14-alpine\nFROM golang:1.18\nFROM alpine:3.12\nFROM ubuntu:18.04\n', BaseImageEndOfLife), [1, 2, 3, 4]);
  });

  it('accepts supported releases, unknown images, stages and scratch', () => {
    assert.deepEqual(linesOf('FROM python:3.13-slim AS a\nFROM a\nFROM scratch\nFROM example.com/own/image:1\n', BaseImageEndOfLife), []);
  });

  it('offers the table\'s upgrade, but not on references written with ARGs', () => {
    assert.equal(runRule('FROM python:3.8-slim\n', BaseImageEndOfLife).findings[0].fixes().length, 1);
    assert.equal(runRule('ARG V=3.8\nFROM python:${V}-slim\n', BaseImageEndOfLife).findings[0].fixes().length, 0);
  });
});
