import { strict as assert } from 'assert';
import { StageNameCasing } from '../../../server/src/rules/buildkit/StageNameCasing';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('StageNameCasing', () => {
  it('reports a stage name with upper-case letters, on the name', () => {
    const text = 'FROM alpine AS BuilderBase\n';
    const [finding] = runRule(text, StageNameCasing).findings;
    assert.equal(finding.diagnostic.message, "Stage name 'BuilderBase' should be lowercase");
    assert.equal(textOf(text, finding.diagnostic.range), 'BuilderBase');
  });

  it('accepts lowercase names and unnamed stages', () => {
    assert.deepEqual(linesOf('FROM alpine AS builder-base\nFROM alpine\n', StageNameCasing), []);
  });

  it('renames the stage and every reference to it', () => {
    const text = 'FROM golang AS Build\nRUN go build\nFROM Build AS test\nFROM alpine\nCOPY --from=Build /app /app\nRUN --mount=from=build,target=/src ls\n';
    const [fix] = runRule(text, StageNameCasing).findings[0].fixes();
    assert.equal(
      applyFix(text, fix),
      'FROM golang AS build\nRUN go build\nFROM build AS test\nFROM alpine\nCOPY --from=build /app /app\nRUN --mount=from=build,target=/src ls\n',
    );
    assert.deepEqual(linesOf(applyFix(text, fix), StageNameCasing), []);
  });

  it('is silenced by # check=skip=StageNameCasing', () => {
    assert.deepEqual(linesOf('# check=skip=StageNameCasing\nFROM alpine AS Base\n', StageNameCasing), []);
    assert.deepEqual(linesOf('# check=skip=all\nFROM alpine AS Base\n', StageNameCasing), []);
  });
});
