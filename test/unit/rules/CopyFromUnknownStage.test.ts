import { strict as assert } from 'assert';
import { CopyFromUnknownStage } from '../../../server/src/rules/guide/CopyFromUnknownStage';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('CopyFromUnknownStage', () => {
  it('reports a misspelt stage and offers the closest name', () => {
    const text = 'FROM golang:1.23 AS builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=buidler /app /app\n';
    const [finding] = runRule(text, CopyFromUnknownStage).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'buidler');
    assert.match(String(finding.diagnostic.message), /'builder'/);
    const [fix] = finding.fixes();
    assert.equal(fix.title, "Change to 'builder'");
    const fixed = applyFix(text, fix);
    assert.ok(fixed.endsWith('COPY --from=builder /app /app\n'));
    assert.deepEqual(linesOf(fixed, CopyFromUnknownStage), []);
  });

  it('reports RUN --mount=from= and stage indexes that do not come before', () => {
    assert.deepEqual(linesOf('FROM alpine:3.20 AS deps\nFROM alpine:3.20\nRUN --mount=from=dep,target=/d ls /d\n', CopyFromUnknownStage), [3]);
    assert.deepEqual(linesOf('FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=4 /a /a\n', CopyFromUnknownStage), [3]);
  });

  it('leaves image references, far names, later stages and ARGs alone', () => {
    const base = 'FROM alpine:3.20 AS build\nFROM alpine:3.20\n';
    for (const from of ['nginx:latest', 'docker.io/x/y', 'nginx', 'ghcr.io/astral-sh/uv:0.9', '$STAGE', '0']) {
      assert.deepEqual(linesOf(`ARG STAGE=bild\n${base}COPY --from=${from} /a /a\n`, CopyFromUnknownStage), [], from);
    }
    assert.deepEqual(linesOf('FROM alpine:3.20 AS a\nCOPY --from=later /x /x\nFROM alpine:3.20 AS later\n', CopyFromUnknownStage), []);
  });

  it('suggests no stage whose name BuildKit refuses', () => {
    // Found by the fuzzer: a stage named `bui"]ldx` was offered as the fix for `--from=buildx`.
    assert.deepEqual(linesOf('FROM alpine AS bui"]ldx\nFROM alpine\nCOPY --from=buildx /a /a\n', CopyFromUnknownStage), []);
    assert.deepEqual(linesOf('FROM alpine AS Builder\nFROM alpine\nCOPY --from=buidler /a /a\n', CopyFromUnknownStage), [3]);
  });
});

