import { strict as assert } from 'assert';
import { JSONArgsRecommended } from '../../../server/src/rules/buildkit/JSONArgsRecommended';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('JSONArgsRecommended', () => {
  it('reports CMD and ENTRYPOINT in shell form', () => {
    assert.deepEqual(linesOf('FROM alpine\nCMD echo hi\nENTRYPOINT my-program start\n', JSONArgsRecommended), [2, 3]);
  });

  it('accepts the JSON form and stages that chose their SHELL', () => {
    assert.deepEqual(linesOf('FROM alpine\nCMD ["echo", "hi"]\n', JSONArgsRecommended), []);
    assert.deepEqual(linesOf('FROM alpine\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT echo "hello world"\n', JSONArgsRecommended), []);
  });

  it('converts a simple command to exec form word by word', () => {
    const text = 'FROM python:3.12\nENTRYPOINT python3 main.py\n';
    const [finding] = runRule(text, JSONArgsRecommended).findings;
    assert.equal(textOf(text, finding.diagnostic.range), 'ENTRYPOINT python3 main.py');
    const [fix] = finding.fixes();
    assert.equal(applyFix(text, fix), 'FROM python:3.12\nENTRYPOINT ["python3", "main.py"]\n');
  });

  it('keeps variables and operators working by wrapping them in sh -c', () => {
    const text = 'FROM alpine\nCMD echo $HOME && exec app\n';
    const [fix] = runRule(text, JSONArgsRecommended).findings[0].fixes();
    assert.equal(applyFix(text, fix), 'FROM alpine\nCMD ["/bin/sh", "-c", "echo $HOME && exec app"]\n');
  });
});
