import { strict as assert } from 'assert';
import { WorkdirRelativePath } from '../../../server/src/rules/buildkit/WorkdirRelativePath';
import { applyFix, linesOf, runRule } from '../helpers/analyse';

describe('WorkdirRelativePath', () => {
  it('reports the first relative WORKDIR of a stage without an absolute one', () => {
    const text = 'FROM nginx AS web\nWORKDIR usr/share/nginx/html\nWORKDIR sub\n';
    const findings = runRule(text, WorkdirRelativePath).findings;
    assert.deepEqual(findings.map((f) => f.diagnostic.range.start.line), [1]);
    assert.equal(findings[0].diagnostic.message, 'Relative workdir "usr/share/nginx/html" can have unexpected results if the base image changes');
  });

  it('accepts absolute paths and relative ones after an absolute WORKDIR, also from a parent stage', () => {
    assert.deepEqual(linesOf('FROM nginx\nWORKDIR /usr/share/nginx/html\nWORKDIR sub\n', WorkdirRelativePath), []);
    assert.deepEqual(linesOf('FROM alpine AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n', WorkdirRelativePath), []);
  });

  it('makes the path absolute, preferred only when the stage starts from scratch', () => {
    const scratch = 'FROM scratch\nWORKDIR dir\n';
    const [fromScratch] = runRule(scratch, WorkdirRelativePath).findings[0].fixes();
    assert.equal(fromScratch.isPreferred, true);
    assert.equal(applyFix(scratch, fromScratch), 'FROM scratch\nWORKDIR /dir\n');
    const image = 'FROM nginx\nWORKDIR html\n';
    const [fromImage] = runRule(image, WorkdirRelativePath).findings[0].fixes();
    assert.notEqual(fromImage.isPreferred, true);
    assert.deepEqual(linesOf(applyFix(image, fromImage), WorkdirRelativePath), []);
  });
});
