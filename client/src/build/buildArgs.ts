// The one place that turns build options into the argument list of `docker buildx build` or `docker build`.
import { ArgumentList } from '../process/args';
import { isValidPlatform } from './platforms';

export type BuildOutput =
  | { readonly type: 'push' }
  | { readonly type: 'oci'; readonly dest: string }
  | { readonly type: 'load' }
  | { readonly type: 'image' };

export interface BuildOptions {
  readonly dockerfile: string;
  readonly context: string;
  readonly platforms: readonly string[];
  readonly tags: readonly string[];
  readonly builder?: string;
  readonly output: BuildOutput;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly noCache?: boolean;
}

/**
 * `buildx`: `docker buildx build`, any number of platforms and every output.
 * `singlePlatform`: `docker build --platform <one>`, for engines without buildx; the image
 * lands in the engine's image store, so only the `image` and `load` outputs make sense.
 */
export type BuildMode = 'buildx' | 'singlePlatform';

/** Options that no argument list can express; the command checks these before building. */
export class BuildOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildOptionsError';
  }
}

/** Every argument after `docker`; each user value is one argument and can never become an option. */
export function buildCommandArguments(options: BuildOptions, mode: BuildMode = 'buildx'): string[] {
  checkOptions(options, mode);
  const args = new ArgumentList();
  if (mode === 'buildx') {
    args.literal('buildx', 'build');
    if (options.builder !== undefined && options.builder !== '') {
      args.option('--builder', options.builder);
    }
  } else {
    args.literal('build');
  }
  args.option('--file', options.dockerfile);
  if (options.platforms.length > 0) {
    args.option('--platform', options.platforms.join(','));
  }
  for (const tag of options.tags) {
    args.option('--tag', tag);
  }
  for (const [name, value] of Object.entries(options.buildArgs)) {
    args.option('--build-arg', `${name}=${value}`);
  }
  if (options.target !== undefined && options.target !== '') {
    args.option('--target', options.target);
  }
  if (options.noCache) {
    args.literal('--no-cache');
  }
  if (mode === 'buildx') {
    appendBuildxOutput(args, options.output);
    // Plain progress keeps BuildKit's error summary (`Dockerfile:12` and `ERROR: ...`) as lines we can map back.
    args.option('--progress', 'plain');
  }
  return args.endOfOptions().operand(options.context).toArray();
}

function appendBuildxOutput(args: ArgumentList, output: BuildOutput): void {
  switch (output.type) {
    case 'push':
      args.literal('--push');
      break;
    case 'load':
      args.literal('--load');
      break;
    case 'image':
      args.option('--output', 'type=image');
      break;
    case 'oci':
      // buildx reads --output as one CSV record, so a destination holding a comma or a quote is quoted as a field.
      args.option('--output', `type=oci,${csvField(`dest=${output.dest}`)},tar=false`);
      break;
  }
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) || /^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function checkOptions(options: BuildOptions, mode: BuildMode): void {
  // "-" names standard input for both the context and the Dockerfile; we never build from stdin.
  if (options.context === '' || options.context === '-') {
    throw new BuildOptionsError(`The build context "${options.context}" is not a folder or URL.`);
  }
  if (options.dockerfile === '' || options.dockerfile === '-') {
    throw new BuildOptionsError(`The Dockerfile "${options.dockerfile}" is not a file.`);
  }
  for (const platform of options.platforms) {
    if (!isValidPlatform(platform)) {
      throw new BuildOptionsError(`"${platform}" is not a platform such as linux/arm64.`);
    }
  }
  for (const name of Object.keys(options.buildArgs)) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
      throw new BuildOptionsError(`"${name}" is not a build argument name.`);
    }
  }
  if (options.output.type === 'oci' && options.output.dest === '') {
    throw new BuildOptionsError('An OCI layout output needs a destination folder.');
  }
  if (mode === 'singlePlatform') {
    if (options.platforms.length !== 1) {
      throw new BuildOptionsError('docker build without buildx builds exactly one platform.');
    }
    if (options.output.type === 'push' || options.output.type === 'oci') {
      throw new BuildOptionsError('docker build without buildx can only keep the image in the engine, not push it or write an OCI layout.');
    }
  }
}
