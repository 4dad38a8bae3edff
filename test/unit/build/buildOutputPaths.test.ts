import { strict as assert } from 'assert';
import { BuildOutputRewriter } from '../../../client/src/build/buildOutputPaths';

describe('build output for the problem matcher', () => {
  it('makes BuildKit error locations absolute against the build folder, across chunk boundaries', () => {
    const rewriter = new BuildOutputRewriter('/work/app/buildx');
    const out = rewriter.push('#5 ERROR: process "/bin/sh -c false" did not complete\nDock') + rewriter.push('erfile:3\r\n--------------------\n   2 |') + rewriter.flush();
    assert.equal(out, '#5 ERROR: process "/bin/sh -c false" did not complete\r\n/work/app/buildx/Dockerfile:3\r\n--------------------\r\n   2 |\r\n');
  });

  it('leaves absolute paths, other lines and names that merely mention Dockerfile alone', () => {
    const rewriter = new BuildOutputRewriter('/w');
    assert.equal(rewriter.push('/abs/api.Dockerfile:12\nsee Dockerfile:3 above\nprod/Containerfile.dev:7\n'), '/abs/api.Dockerfile:12\r\nsee Dockerfile:3 above\r\n/w/prod/Containerfile.dev:7\r\n');
  });
});
