import * as assert from 'node:assert/strict';
import { buildCommandArguments, BuildOptionsError, type BuildOptions, type BuildOutput } from '../../../client/src/build/buildArgs';

const base: BuildOptions = {
  dockerfile: '/w/app/Dockerfile',
  context: '/w/app',
  platforms: ['linux/amd64', 'linux/arm64'],
  tags: ['app:1'],
  output: { type: 'image' },
  buildArgs: {},
};

describe('buildCommandArguments', () => {
  it('builds the exact buildx argument list for the common case', () => {
    assert.deepEqual(buildCommandArguments(base), [
      'buildx', 'build', '--file=/w/app/Dockerfile', '--platform=linux/amd64,linux/arm64', '--tag=app:1',
      '--output=type=image', '--progress=plain', '--', '/w/app',
    ]);
  });

  it('builds the exact single-platform docker build list', () => {
    assert.deepEqual(buildCommandArguments({ ...base, platforms: ['linux/amd64'], builder: 'ignored', buildArgs: { V: '1' }, target: 'final', noCache: true }, 'singlePlatform'), [
      'build', '--file=/w/app/Dockerfile', '--platform=linux/amd64', '--tag=app:1', '--build-arg=V=1', '--target=final', '--no-cache', '--', '/w/app',
    ]);
  });

  it('builds the exact array for every combination of options (864)', () => {
    const outputs: Array<[BuildOutput, string[]]> = [
      [{ type: 'push' }, ['--push']],
      [{ type: 'load' }, ['--load']],
      [{ type: 'image' }, ['--output=type=image']],
      [{ type: 'oci', dest: 'out/layout' }, ['--output=type=oci,dest=out/layout,tar=false']],
    ];
    const builders: Array<[string | undefined, string[]]> = [[undefined, []], ['', []], ['remote-arm', ['--builder=remote-arm']]];
    const platformSets: Array<[string[], string[]]> = [[[], []], [['linux/arm64'], ['--platform=linux/arm64']], [['linux/amd64', 'linux/arm/v7'], ['--platform=linux/amd64,linux/arm/v7']]];
    const tagSets: Array<[string[], string[]]> = [[[], []], [['a:1', 'reg.io/a:latest'], ['--tag=a:1', '--tag=reg.io/a:latest']]];
    const argSets: Array<[Record<string, string>, string[]]> = [[{}, []], [{ PY: '3.12', EMPTY: '' }, ['--build-arg=PY=3.12', '--build-arg=EMPTY=']]];
    const targets: Array<[string | undefined, string[]]> = [[undefined, []], ['runtime', ['--target=runtime']]];
    const noCaches: Array<[boolean | undefined, string[]]> = [[undefined, []], [false, []], [true, ['--no-cache']]];
    let count = 0;
    for (const [output, outputArgs] of outputs) {
      for (const [builder, builderArgs] of builders) {
        for (const [platforms, platformArgs] of platformSets) {
          for (const [tags, tagArgs] of tagSets) {
            for (const [buildArgs, buildArgArgs] of argSets) {
              for (const [target, targetArgs] of targets) {
                for (const [noCache, noCacheArgs] of noCaches) {
                  count++;
                  const options: BuildOptions = { dockerfile: 'Dockerfile', context: '.', platforms, tags, builder, output, buildArgs, target, noCache };
                  const expected = [
                    'buildx', 'build', ...builderArgs, '--file=Dockerfile', ...platformArgs, ...tagArgs, ...buildArgArgs,
                    ...targetArgs, ...noCacheArgs, ...outputArgs, '--progress=plain', '--', '.',
                  ];
                  assert.deepEqual(buildCommandArguments(options), expected, JSON.stringify(options));
                  if (platforms.length === 1 && (output.type === 'image' || output.type === 'load')) {
                    const single = ['build', '--file=Dockerfile', ...platformArgs, ...tagArgs, ...buildArgArgs, ...targetArgs, ...noCacheArgs, '--', '.'];
                    assert.deepEqual(buildCommandArguments(options, 'singlePlatform'), single, JSON.stringify(options));
                  }
                }
              }
            }
          }
        }
      }
    }
    assert.equal(count, 4 * 3 * 3 * 2 * 2 * 2 * 3);
  });

  describe('injection: each value arrives as one literal argument and never as an option', () => {
    const hostile = ['my app', 'a"b\'c', 'x;rm -rf /', 'a|b', '$(id)', '`id`', 'line1\nline2', '-rm', '--push', '-', '--', 'a=b'];
    for (const value of hostile) {
      it(`keeps ${JSON.stringify(value)} in tags, build args, target, builder and paths`, () => {
        const context = value === '-' ? './-' : value;
        const dockerfile = value === '-' ? './-' : value;
        const args = buildCommandArguments({
          dockerfile, context, platforms: ['linux/amd64'], tags: [value], builder: value,
          output: { type: 'image' }, buildArgs: { V: value }, target: value,
        });
        assert.deepEqual(args, [
          'buildx', 'build', `--builder=${value}`, `--file=${dockerfile}`, '--platform=linux/amd64', `--tag=${value}`,
          `--build-arg=V=${value}`, `--target=${value}`, '--output=type=image', '--progress=plain', '--', context,
        ]);
        // Only our own fixed flags start with "-" before "--"; every user value is glued to its flag.
        const end = args.indexOf('--');
        for (const arg of args.slice(2, end)) {
          assert.match(arg, /^--(builder|file|platform|tag|build-arg|target|output|progress)=/s);
        }
        assert.equal(args.length - end - 1, 1, 'exactly one operand after --');
      });
    }

    it('quotes an OCI destination holding a comma or quote as one CSV field', () => {
      const args = buildCommandArguments({ ...base, output: { type: 'oci', dest: 'out,dir "x"' } });
      assert.ok(args.includes('--output=type=oci,"dest=out,dir ""x""",tar=false'));
      const plain = buildCommandArguments({ ...base, output: { type: 'oci', dest: '$(id);`ls`|x' } });
      assert.ok(plain.includes('--output=type=oci,dest=$(id);`ls`|x,tar=false'));
    });

    it('refuses stdin ("-") as context or Dockerfile, a platform holding a comma, and a bad build-arg name', () => {
      assert.throws(() => buildCommandArguments({ ...base, context: '-' }), BuildOptionsError);
      assert.throws(() => buildCommandArguments({ ...base, dockerfile: '-' }), BuildOptionsError);
      assert.throws(() => buildCommandArguments({ ...base, platforms: ['linux/amd64,linux/s390x'] }), BuildOptionsError);
      assert.throws(() => buildCommandArguments({ ...base, platforms: ['--push'] }), BuildOptionsError);
      assert.throws(() => buildCommandArguments({ ...base, buildArgs: { 'A=B': 'x' } }), BuildOptionsError);
      assert.throws(() => buildCommandArguments({ ...base, buildArgs: { '-A': 'x' } }), BuildOptionsError);
      assert.throws(() => buildCommandArguments({ ...base, tags: ['a\0b'] }), /NUL/);
    });
  });

  it('refuses what docker build without buildx cannot do', () => {
    assert.throws(() => buildCommandArguments(base, 'singlePlatform'), /exactly one platform/);
    assert.throws(() => buildCommandArguments({ ...base, platforms: ['linux/amd64'], output: { type: 'push' } }, 'singlePlatform'), /push/);
    assert.throws(() => buildCommandArguments({ ...base, platforms: ['linux/amd64'], output: { type: 'oci', dest: 'o' } }, 'singlePlatform'), /OCI/);
    assert.throws(() => buildCommandArguments({ ...base, output: { type: 'oci', dest: '' } }), /destination/);
  });
});
