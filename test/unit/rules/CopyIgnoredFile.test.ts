import { strict as assert } from 'assert';
import { CopyIgnoredFile } from '../../../server/src/rules/buildkit/CopyIgnoredFile';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('CopyIgnoredFile', () => {
  it('reports a COPY or ADD source that .dockerignore excludes, on the source', () => {
    const text = 'FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\nADD build/out.bin /out\n';
    const findings = runRule(text, CopyIgnoredFile, { dockerignore: 'tmp\n*/out.bin\n' }).findings;
    assert.deepEqual(findings.map((f) => f.diagnostic.message), [
      'Attempting to Copy file "tmp/helloworld.txt" that is excluded by .dockerignore',
      'Attempting to Add file "build/out.bin" that is excluded by .dockerignore',
    ]);
    assert.equal(textOf(text, findings[0].diagnostic.range), './tmp/helloworld.txt');
  });

  it('accepts kept files, other stages, and any file when there is no .dockerignore or it has exceptions', () => {
    const text = 'FROM scratch\nCOPY ./forever/helloworld.txt /helloworld.txt\nCOPY --from=build /tmp/x /x\nCOPY . /app\n';
    assert.deepEqual(linesOf(text, CopyIgnoredFile, { dockerignore: 'tmp\n' }), []);
    assert.deepEqual(linesOf('FROM scratch\nCOPY tmp/a /a\n', CopyIgnoredFile), []);
    assert.deepEqual(linesOf('FROM scratch\nCOPY tmp/a /a\n', CopyIgnoredFile, { dockerignore: 'tmp\n!tmp/a\n' }), []);
  });

  it('reports copying the whole context only when everything is ignored', () => {
    assert.deepEqual(linesOf('FROM scratch\nCOPY . /app\n', CopyIgnoredFile, { dockerignore: '*\n' }), [2]);
  });
});
