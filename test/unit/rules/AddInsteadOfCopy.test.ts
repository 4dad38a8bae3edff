import { strict as assert } from 'assert';
import { AddInsteadOfCopy } from '../../../server/src/rules/shell/AddInsteadOfCopy';
import { linesOf, runRule } from '../helpers/analyse';
import { fixed } from './shellRuleHelpers';

describe('AddInsteadOfCopy', () => {
  it('reports ADD of local files, folders and non-tar archives', () => {
    assert.deepEqual(linesOf('FROM alpine:3.19\nADD . /app\nADD "file.zip" /app/\nONBUILD ADD app.py /app/\n', AddInsteadOfCopy), [2, 3, 4]);
  });

  it('accepts URLs, git sources, tar archives and ADD-only flags', () => {
    const text = [
      'FROM alpine:3.19',
      'ADD https://example.com/tool /usr/local/bin/tool',
      'ADD git@github.com:moby/buildkit.git /src',
      'ADD rootfs.tar.xz /',
      'ADD --checksum=sha256:0123 app.bin /app/',
      '',
    ].join('\n');
    assert.deepEqual(linesOf(text, AddInsteadOfCopy), []);
  });

  it('replaces the keyword in the casing the author used', () => {
    assert.equal(fixed('FROM alpine:3.19\nADD --chown=app app.py /app/\n', AddInsteadOfCopy), 'FROM alpine:3.19\nCOPY --chown=app app.py /app/\n');
    assert.equal(fixed('from alpine:3.19\nadd app.py /app/\n', AddInsteadOfCopy), 'from alpine:3.19\ncopy app.py /app/\n');
  });

  it('offers no swap for several sources into a destination that is no folder, which fails as ADD and as COPY', () => {
    // Found by running the fix properties on mutated corpus files: the swap moved the error onto a line dockerfile-utils checks.
    const [finding] = runRule('FROM alpine:3.19\nADD a.py b.py /app\n', AddInsteadOfCopy).findings;
    assert.deepEqual(finding.fixes(), []);
    assert.equal(fixed('FROM alpine:3.19\nADD a.py b.py /app/\n', AddInsteadOfCopy), 'FROM alpine:3.19\nCOPY a.py b.py /app/\n');
    assert.equal(fixed('FROM alpine:3.19\nADD ["a.py", "b.py", "/app/"]\n', AddInsteadOfCopy), 'FROM alpine:3.19\nCOPY ["a.py", "b.py", "/app/"]\n');
  });
});

