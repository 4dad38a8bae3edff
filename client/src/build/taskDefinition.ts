// The `buildx` task type's definition, read into build options the same way the command builds them.
import * as path from 'node:path';
import type { BuildOptions, BuildOutput } from './buildArgs';

export const BUILDX_TASK_TYPE = 'buildx';

/** What a `buildx` task in tasks.json may hold; everything but `dockerfile` is optional. */
export interface BuildxTaskDefinition {
  readonly type: typeof BUILDX_TASK_TYPE;
  readonly dockerfile: string;
  readonly context?: string;
  readonly platforms?: readonly string[];
  readonly tag?: string | readonly string[];
  readonly builder?: string;
  readonly output?: 'image' | 'load' | 'push' | { readonly type: 'oci'; readonly dest: string };
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  /** Shorthand for `"output": "push"`. */
  readonly push?: boolean;
  readonly noCache?: boolean;
}

export class TaskDefinitionError extends Error {}

/**
 * Reads a definition as tasks.json gives it (any JSON). Relative paths and `${workspaceFolder}`
 * are resolved against the folder; the context defaults to the Dockerfile's folder.
 */
export function buildOptionsFromTask(definition: Readonly<Record<string, unknown>>, workspaceFolder: string, defaultPlatforms: readonly string[]): BuildOptions {
  const text = (key: string): string | undefined => {
    const value = definition[key];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw new TaskDefinitionError(`"${key}" must be a string.`);
    }
    return value;
  };
  const list = (key: string): string[] | undefined => {
    const value = definition[key];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value === 'string') {
      return [value];
    }
    if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
      throw new TaskDefinitionError(`"${key}" must be a list of strings.`);
    }
    return value;
  };
  const resolvePath = (value: string) => path.resolve(workspaceFolder, value.split('${workspaceFolder}').join(workspaceFolder));

  const dockerfileSetting = text('dockerfile');
  if (!dockerfileSetting) {
    throw new TaskDefinitionError('"dockerfile" is required.');
  }
  const dockerfile = resolvePath(dockerfileSetting);
  const contextSetting = text('context');
  const buildArgs = definition['buildArgs'] ?? {};
  if (typeof buildArgs !== 'object' || Array.isArray(buildArgs) || !Object.values(buildArgs as object).every((v) => typeof v === 'string')) {
    throw new TaskDefinitionError('"buildArgs" must map names to strings.');
  }
  const builder = text('builder');
  const target = text('target');
  return {
    dockerfile,
    context: contextSetting ? resolvePath(contextSetting) : path.dirname(dockerfile),
    platforms: list('platforms') ?? [...defaultPlatforms],
    tags: list('tag') ?? [],
    ...(builder ? { builder } : {}),
    output: definition['push'] === true ? { type: 'push' } : readOutput(definition['output'], resolvePath),
    buildArgs: buildArgs as Record<string, string>,
    ...(target ? { target } : {}),
    ...(definition['noCache'] === true ? { noCache: true } : {}),
  };
}

function readOutput(value: unknown, resolvePath: (value: string) => string): BuildOutput {
  if (value === undefined || value === null || value === 'image') {
    return { type: 'image' };
  }
  if (value === 'load' || value === 'push') {
    return { type: value };
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const output = value as Record<string, unknown>;
    if (output['type'] === 'oci' && typeof output['dest'] === 'string' && output['dest'] !== '') {
      return { type: 'oci', dest: resolvePath(output['dest']) };
    }
  }
  throw new TaskDefinitionError('"output" must be "image", "load", "push" or {"type": "oci", "dest": "folder"}.');
}

/** The definition that `buildOptionsFromTask` reads back into the same options (paths relative to the folder). */
export function taskDefinitionFromOptions(options: BuildOptions, workspaceFolder: string): BuildxTaskDefinition {
  const relative = (value: string) => path.relative(workspaceFolder, value) || '.';
  const output = options.output.type === 'oci' ? { type: 'oci' as const, dest: relative(options.output.dest) } : options.output.type;
  return {
    type: BUILDX_TASK_TYPE,
    dockerfile: relative(options.dockerfile),
    context: relative(options.context),
    platforms: [...options.platforms],
    ...(options.tags.length > 0 ? { tag: [...options.tags] } : {}),
    ...(options.builder ? { builder: options.builder } : {}),
    output,
    ...(Object.keys(options.buildArgs).length > 0 ? { buildArgs: { ...options.buildArgs } } : {}),
    ...(options.target ? { target: options.target } : {}),
    ...(options.noCache ? { noCache: true } : {}),
  };
}
