import { strict as assert } from 'assert';
import { LibcMismatch } from '../../../server/src/rules/guide/LibcMismatch';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('LibcMismatch', () => {
  it('reports the guide: a venv from slim-buster (glibc) copied onto alpine (musl)', () => {
    const text = 'FROM python:3.8.4-slim-buster as compile-image\nRUN python3 -m venv /opt/venv\nFROM python:3.8.4-alpine3.12 AS build-image\nCOPY --from=compile-image /opt/venv /opt/venv\n';
    const [finding] = runRule(text, LibcMismatch).findings;
    assert.equal(textOf(text, finding.diagnostic.range), '/opt/venv');
    assert.match(String(finding.diagnostic.message), /glibc.*musl/);
    assert.equal(textOf(text, finding.diagnostic.relatedInformation![0].location.range), 'python:3.8.4-slim-buster');
  });

  it('reports compiled outputs and site-packages the other way round', () => {
    assert.deepEqual(linesOf('FROM alpine:3.20 AS b\nRUN gcc -o /out/app app.c\nFROM debian:bookworm-slim\nCOPY --from=b /out/app /usr/local/bin/app\n', LibcMismatch), [4]);
    assert.deepEqual(linesOf('FROM python:3.12-alpine AS b\nFROM python:3.12-slim\nCOPY --from=b /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n', LibcMismatch), [3]);
  });

  it('accepts same C library, static binaries, plain files and scratch', () => {
    assert.deepEqual(linesOf('FROM python:3.12-slim AS b\nRUN python -m venv /v\nFROM python:3.12-slim-bookworm\nCOPY --from=b /v /v\n', LibcMismatch), []);
    assert.deepEqual(linesOf('FROM golang:1.23 AS b\nRUN CGO_ENABLED=0 go build -o /app .\nFROM alpine:3.20\nCOPY --from=b /app /app\n', LibcMismatch), []);
    assert.deepEqual(linesOf('FROM node:22 AS b\nRUN npm run build\nFROM nginx:alpine\nCOPY --from=b /src/dist /usr/share/nginx/html\n', LibcMismatch), []);
    assert.deepEqual(linesOf('FROM debian:12 AS b\nRUN gcc -o /a a.c\nFROM scratch\nCOPY --from=b /a /a\n', LibcMismatch), []);
  });
});
