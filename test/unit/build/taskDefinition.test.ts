import * as assert from 'node:assert/strict';
import { buildCommandArguments } from '../../../client/src/build/buildArgs';
import { buildOptionsFromTask, TaskDefinitionError, taskDefinitionFromOptions } from '../../../client/src/build/taskDefinition';

describe('buildx task definition', () => {
  const folder = '/w';

  it('reads a full definition into the options the command uses', () => {
    const options = buildOptionsFromTask({
      type: 'buildx', dockerfile: 'app/Dockerfile', context: '${workspaceFolder}/app', platforms: ['linux/amd64', 'linux/arm64'],
      tag: 'app:dev', builder: 'multiarch', output: { type: 'oci', dest: 'out' }, buildArgs: { PY: '3.12' }, target: 'runtime', noCache: true,
    }, folder, []);
    assert.deepEqual(buildCommandArguments(options), [
      'buildx', 'build', '--builder=multiarch', '--file=/w/app/Dockerfile', '--platform=linux/amd64,linux/arm64', '--tag=app:dev',
      '--build-arg=PY=3.12', '--target=runtime', '--no-cache', '--output=type=oci,dest=/w/out,tar=false', '--progress=plain', '--', '/w/app',
    ]);
  });

  it('fills defaults: context is the Dockerfile folder, platforms from the setting, output image; push: true means push', () => {
    const options = buildOptionsFromTask({ type: 'buildx', dockerfile: 'svc/Dockerfile', push: true }, folder, ['linux/amd64', 'linux/arm64']);
    assert.deepEqual(options, { dockerfile: '/w/svc/Dockerfile', context: '/w/svc', platforms: ['linux/amd64', 'linux/arm64'], tags: [], output: { type: 'push' }, buildArgs: {} });
  });

  it('refuses malformed definitions with a reason', () => {
    assert.throws(() => buildOptionsFromTask({ type: 'buildx' }, folder, []), /dockerfile/);
    assert.throws(() => buildOptionsFromTask({ type: 'buildx', dockerfile: 'D', tag: [1] }, folder, []), TaskDefinitionError);
    assert.throws(() => buildOptionsFromTask({ type: 'buildx', dockerfile: 'D', output: 'tar' }, folder, []), /output/);
    assert.throws(() => buildOptionsFromTask({ type: 'buildx', dockerfile: 'D', buildArgs: { A: 1 } }, folder, []), /buildArgs/);
  });

  it('writes a definition that reads back into the same options', () => {
    const options = buildOptionsFromTask({ type: 'buildx', dockerfile: 'a/Dockerfile', platforms: ['linux/arm64'], tag: ['x:1', 'x:latest'], output: 'load', buildArgs: { A: 'b c' }, target: 't' }, folder, []);
    const definition = taskDefinitionFromOptions(options, folder);
    assert.deepEqual(definition, { type: 'buildx', dockerfile: 'a/Dockerfile', context: 'a', platforms: ['linux/arm64'], tag: ['x:1', 'x:latest'], output: 'load', buildArgs: { A: 'b c' }, target: 't' });
    assert.deepEqual(buildOptionsFromTask({ ...definition }, folder, []), options);
  });
});
