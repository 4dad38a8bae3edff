import { strict as assert } from 'assert';
import { PipeWithoutPipefail } from '../../../server/src/rules/shell/PipeWithoutPipefail';
import { linesOf, runRule, textOf } from '../helpers/analyse';
import { fixed } from './shellRuleHelpers';

describe('PipeWithoutPipefail', () => {
  it('reports the first pipe of a RUN, from its first command to its last', () => {
    const text = 'FROM alpine:3.19\nRUN apk add --no-cache curl && curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n';
    const [finding] = runRule(text, PipeWithoutPipefail).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'curl -fsSL https://example.com/x.tgz | tar -xz -C /opt');
  });

  it('accepts set -o pipefail before the pipe, a SHELL with pipefail, and non-POSIX shells', () => {
    assert.deepEqual(linesOf('FROM alpine:3.19\nRUN set -euo pipefail; wget -O - https://x | wc -l\n', PipeWithoutPipefail), []);
    assert.deepEqual(linesOf('FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN wget -O - https://x | wc -l\n', PipeWithoutPipefail), []);
    assert.deepEqual(linesOf('FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | Select-Object Name\n', PipeWithoutPipefail), []);
  });

  it('still reports with sh -o pipefail, a pipe before the set, and in the next stage', () => {
    assert.deepEqual(linesOf('FROM alpine:3.19\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', PipeWithoutPipefail), [3]);
    assert.deepEqual(linesOf('FROM alpine:3.19\nRUN a | b && set -o pipefail\n', PipeWithoutPipefail), [2]);
    assert.deepEqual(linesOf('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM debian:12\nRUN a | b\n', PipeWithoutPipefail), [5]);
  });

  it('offers only set -o pipefail on Alpine, preferred', () => {
    const text = 'FROM alpine:3.19\nRUN --mount=type=cache,target=/root/.cache wget -O - https://x | wc -l\n';
    const fixes = runRule(text, PipeWithoutPipefail).findings[0].fixes();
    assert.deepEqual(fixes.map((f) => f.isPreferred), [true]);
    assert.equal(fixed(text, PipeWithoutPipefail), 'FROM alpine:3.19\nRUN --mount=type=cache,target=/root/.cache set -o pipefail && wget -O - https://x | wc -l\n');
  });

  it('prefers a bash SHELL on Debian-based images, where /bin/sh has no pipefail', () => {
    const text = 'FROM python:3.12-slim AS app\n  run wget -O - https://x | wc -l\n';
    const fixes = runRule(text, PipeWithoutPipefail).findings[0].fixes();
    assert.deepEqual(fixes.map((f) => f.isPreferred), [false, true]);
    assert.equal(
      fixed(text, PipeWithoutPipefail, (all) => all.find((f) => f.isPreferred)),
      'FROM python:3.12-slim AS app\n  shell ["/bin/bash", "-o", "pipefail", "-c"]\n  run wget -O - https://x | wc -l\n',
    );
    assert.equal(fixed(text, PipeWithoutPipefail), 'FROM python:3.12-slim AS app\n  run set -o pipefail && wget -O - https://x | wc -l\n');
  });

  it('puts set -o pipefail on a line of its own in a heredoc, after the #! line', () => {
    const text = 'FROM alpine:3.19\nRUN <<EOF\n#!/bin/ash\nwget -O - https://x | wc -l\nEOF\n';
    assert.equal(fixed(text, PipeWithoutPipefail), 'FROM alpine:3.19\nRUN <<EOF\n#!/bin/ash\nset -o pipefail\nwget -O - https://x | wc -l\nEOF\n');
  });
});
