import { strict as assert } from 'assert';
import { UndefinedVar } from '../../../server/src/rules/buildkit/UndefinedVar';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('UndefinedVar', () => {
  it('reports a variable no ARG or ENV defines, on the variable', () => {
    const text = 'FROM alpine AS base\nCOPY $foo .\n';
    const [finding] = runRule(text, UndefinedVar).findings;
    assert.equal(finding.diagnostic.message, "Usage of undefined variable '$foo'");
    assert.equal(textOf(text, finding.diagnostic.range), '$foo');
    assert.deepEqual(linesOf('FROM alpine AS base\nARG VERSION=$foo\n', UndefinedVar), [2]);
  });

  it('accepts ARGs, ENVs, parent stages and variables the base image defines', () => {
    assert.deepEqual(linesOf('FROM alpine AS base\nARG foo\nCOPY $foo .\n', UndefinedVar), []);
    assert.deepEqual(linesOf('FROM python AS base\nARG VERSION=$PYTHON_VERSION\n', UndefinedVar), []);
    assert.deepEqual(linesOf('FROM alpine AS a\nENV APP=/app\nARG TARGETPLATFORM\nFROM a\nWORKDIR $APP\nRUN --mount=type=cache,id=c-$TARGETPLATFORM,target=/c true\n', UndefinedVar), []);
    assert.deepEqual(linesOf('FROM alpine\nARG A=1 B=$A\nENV PATH=$PATH:/x\n', UndefinedVar), []);
  });

  it('takes both words of `ARG TARGETOS TARGETARCH` as declared', () => {
    assert.deepEqual(linesOf('FROM alpine\nARG TARGETOS TARGETARCH\nCOPY bin/$TARGETOS-$TARGETARCH /app\n', UndefinedVar), []);
  });

  it('does not check RUN commands, which the shell expands', () => {
    assert.deepEqual(linesOf('FROM alpine\nRUN echo $HOME $foo\n', UndefinedVar), []);
  });

  it('keeps quiet about upper-case names an unknown image may define, but not about lower-case ones', () => {
    assert.deepEqual(linesOf('FROM example/app\nWORKDIR $APP_HOME\nCOPY $src .\n', UndefinedVar), [3]);
    assert.deepEqual(linesOf('FROM alpine\nWORKDIR $APP_HOME\n', UndefinedVar), [2]);
  });

  it('suggests a close name and replaces it', () => {
    const text = 'FROM alpine\nARG VERSION=1\nCOPY app-$VERSON.tar /app/\n';
    const [finding] = runRule(text, UndefinedVar).findings;
    assert.equal(finding.diagnostic.message, "Usage of undefined variable '$VERSON' (did you mean $VERSION?)");
    assert.equal(applyFix(text, finding.fixes()[0]), 'FROM alpine\nARG VERSION=1\nCOPY app-$VERSION.tar /app/\n');
  });
});
