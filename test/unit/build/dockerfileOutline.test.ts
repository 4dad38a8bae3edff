import * as assert from 'node:assert/strict';
import { expandVariables, outlineDockerfile } from '../../../client/src/build/dockerfileOutline';

describe('outlineDockerfile', () => {
  const text = [
    'ARG PY=3.12',
    'ARG REGISTRY',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
    'ARG TARGETARCH',
    'ARG VERSION=1.0',
    'RUN go build',
    'FROM python:${PY}-slim AS runtime',
    'ARG PY',
    'COPY --from=build /out /app',
    'FROM build AS test',
    'FROM ${REGISTRY}/tools:1',
    'FROM scratch',
  ].join('\n');
  const outline = outlineDockerfile(text);

  it('lists ARGs once each, without the automatic platform ones', () => {
    assert.deepEqual(outline.args, [
      { name: 'PY', defaultValue: '3.12', line: 0, global: true },
      { name: 'REGISTRY', line: 1, global: true },
      { name: 'VERSION', defaultValue: '1.0', line: 4, global: false },
    ]);
  });

  it('lists stages with names and platform flags', () => {
    assert.deepEqual(outline.stages.map((s) => [s.index, s.name, s.image, s.platformFlag]), [
      [0, 'build', 'golang:1.22', '$BUILDPLATFORM'], [1, 'runtime', 'python:${PY}-slim', undefined],
      [2, 'test', 'build', undefined], [3, undefined, '${REGISTRY}/tools:1', undefined], [4, undefined, 'scratch', undefined],
    ]);
  });

  it('lists registry base images with ARG defaults substituted, leaving out stages, scratch and unresolvable ones', () => {
    assert.deepEqual(outline.baseImages, [
      { reference: 'golang:1.22', line: 2, platformFlag: '$BUILDPLATFORM' },
      { reference: 'python:3.12-slim', line: 6 },
    ]);
    assert.deepEqual(outline.unresolvedImages, ['${REGISTRY}/tools:1']);
  });

  it('expands $VAR, ${VAR}, ${VAR:-word} and ${VAR-word}', () => {
    const values = new Map<string, string | undefined>([['A', 'x'], ['E', ''], ['U', undefined]]);
    assert.equal(expandVariables('$A/${A}-${E:-d}-${E-d}-${N:-n}', values), 'x/x-d--n');
    assert.equal(expandVariables('${U}', values), undefined);
    assert.equal(expandVariables('$U', values), undefined);
    assert.equal(expandVariables('${A', values), undefined);
    assert.equal(expandVariables('cost$', values), 'cost$');
  });

  it('offers nothing for an empty or broken file instead of throwing', () => {
    assert.deepEqual(outlineDockerfile(''), { args: [], stages: [], baseImages: [], unresolvedImages: [] });
    const broken = outlineDockerfile('FROM\nARG\n\u0000\uFFFF FROM "');
    assert.deepEqual(broken.baseImages, []);
  });
});
