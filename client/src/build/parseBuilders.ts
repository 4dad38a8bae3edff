// Reads `docker buildx ls --format json` (one builder per line) and `docker buildx version`.
import { arrayField, isObject, parseJson, stringField, type JsonObject } from './json';
import { formatPlatform, normalizePlatform, parsePlatform } from './platforms';

/** The builder drivers buildx knows; anything newer is kept as its own text. */
export type BuilderDriver = 'docker' | 'docker-container' | 'kubernetes' | 'remote' | 'cloud' | (string & {});

export interface BuilderNode {
  readonly name: string;
  readonly endpoint: string;
  /** `running`, `inactive`, `stopped`, `error`...; empty when buildx did not say. */
  readonly status: string;
  readonly platforms: readonly string[];
  readonly error?: string;
}

export interface Builder {
  readonly name: string;
  readonly driver: BuilderDriver;
  readonly current: boolean;
  readonly nodes: readonly BuilderNode[];
  readonly error?: string;
}

/** Lines that are not a builder object (a warning, a truncated line) are skipped. */
export function parseBuilderList(stdout: string): Builder[] {
  const builders: Builder[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) {
      continue;
    }
    const value = parseJson(trimmed);
    if (!isObject(value)) {
      continue;
    }
    const builder = readBuilder(value);
    if (builder) {
      builders.push(builder);
    }
  }
  return builders;
}

function readBuilder(object: JsonObject): Builder | undefined {
  const rawName = stringField(object, 'Name');
  if (!rawName) {
    return undefined;
  }
  // Before buildx 0.24 there is no Current field; the table's "*" after the current builder's name is the only sign.
  const starred = /\s*\*$/.test(rawName);
  const name = rawName.replace(/\s*\*$/, '');
  const error = stringField(object, 'Err');
  return {
    name,
    driver: stringField(object, 'Driver') ?? '',
    current: object['Current'] === true || starred,
    nodes: arrayField(object, 'Nodes').filter(isObject).map(readNode),
    ...(error ? { error } : {}),
  };
}

function readNode(object: JsonObject): BuilderNode {
  const error = stringField(object, 'Err');
  return {
    name: stringField(object, 'Name') ?? '',
    endpoint: stringField(object, 'Endpoint') ?? '',
    status: stringField(object, 'Status') ?? '',
    platforms: arrayField(object, 'Platforms').map(readPlatform).filter((p): p is string => p !== undefined),
    ...(error ? { error } : {}),
  };
}

/** buildx writes platforms as strings; older or other writers use OCI objects. */
function readPlatform(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const parsed = parsePlatform(value);
    return parsed ? formatPlatform(parsed) : undefined;
  }
  if (isObject(value)) {
    const os = stringField(value, 'os') ?? stringField(value, 'OS');
    const architecture = stringField(value, 'architecture') ?? stringField(value, 'Architecture');
    const variant = stringField(value, 'variant') ?? stringField(value, 'Variant');
    if (os && architecture) {
      return formatPlatform(variant ? { os, architecture, variant } : { os, architecture });
    }
  }
  return undefined;
}

/** Every platform any node of the builder lists, canonical and without duplicates, in first-seen order. */
export function builderPlatforms(builder: Builder): string[] {
  const seen = new Set<string>();
  for (const node of builder.nodes) {
    for (const platform of node.platforms) {
      const parsed = parsePlatform(platform);
      seen.add(parsed ? formatPlatform(normalizePlatform(parsed)) : platform);
    }
  }
  return [...seen];
}

/** The builder a build without `--builder` uses: the current one, else the one named `default`. */
export function currentBuilder(builders: readonly Builder[]): Builder | undefined {
  return builders.find((builder) => builder.current) ?? builders.find((builder) => builder.name === 'default');
}

/** Whether the builder has a node that can take work now, or will start on demand (docker-container). */
export function builderUsable(builder: Builder): boolean {
  return builder.nodes.some((node) => node.status === 'running' || node.status === 'inactive' || node.status === '');
}

/** `github.com/docker/buildx v0.24.0 d0e5e86` → `0.24.0`. */
export function parseBuildxVersion(stdout: string): string | undefined {
  const match = /\bv?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)\b/.exec(stdout);
  return match?.[1];
}
