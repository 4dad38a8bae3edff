import { strict as assert } from 'assert';
import { AddInsteadOfCopy } from '../../../server/src/rules/shell/AddInsteadOfCopy';
import { linesOf } from '../helpers/analyse';
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
});
