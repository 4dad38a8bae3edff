// Hover-sized reference docs for Dockerfile syntax, read from docs/reference/{en,es}, and the value sets completion offers.
import * as fs from 'fs';
import * as path from 'path';

export type DocLanguage = 'en' | 'es';

/** Maps a locale such as `es-MX` or `en-GB` to a language the docs exist in; anything else falls back to English. */
export function docLanguage(locale: string | undefined): DocLanguage {
  return locale !== undefined && /^es(?:[-_]|$)/i.test(locale) ? 'es' : 'en';
}

export const INSTRUCTIONS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
] as const;

export const PLATFORMS = [
  'linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386',
  'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'windows/amd64',
] as const;
export const CHMOD_MODES = ['755', '644', '700', '600', '555', '444', '+x', 'u=rwX,go=rX'] as const;
export const NETWORK_MODES = ['default', 'none', 'host'] as const;
export const SECURITY_MODES = ['sandbox', 'insecure'] as const;
export const SHARING_MODES = ['shared', 'private', 'locked'] as const;
export const BOOLEAN_VALUES = ['true', 'false'] as const;
export const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;
export const DIRECTIVES = ['syntax', 'escape', 'check'] as const;
export const CHECK_KEYS = ['skip', 'error', 'experimental'] as const;
export type MountType = typeof MOUNT_TYPES[number];

export interface FlagInfo {
  /** Without the leading dashes, e.g. `platform`. */
  readonly name: string;
  /** Values completion can offer after `--name=`; absent when the value is free text or comes from the model (stage names). */
  readonly values?: readonly string[];
  /** False for boolean flags that may be written bare, like `--link`. */
  readonly valueRequired: boolean;
  readonly repeatable: boolean;
}

const flag = (name: string, values?: readonly string[], valueRequired = true, repeatable = false): FlagInfo =>
  ({ name, values, valueRequired, repeatable });

const COPY_ADD_COMMON = [flag('chown'), flag('chmod', CHMOD_MODES), flag('link', BOOLEAN_VALUES, false), flag('exclude', undefined, true, true)];

const FLAGS: Readonly<Record<string, readonly FlagInfo[]>> = {
  FROM: [flag('platform', PLATFORMS)],
  COPY: [flag('from'), ...COPY_ADD_COMMON, flag('parents', BOOLEAN_VALUES, false)],
  ADD: [...COPY_ADD_COMMON, flag('checksum'), flag('keep-git-dir', BOOLEAN_VALUES, false), flag('unpack', BOOLEAN_VALUES, false)],
  RUN: [flag('mount', undefined, true, true), flag('network', NETWORK_MODES), flag('security', SECURITY_MODES), flag('device', undefined, true, true)],
  HEALTHCHECK: [flag('interval'), flag('timeout'), flag('start-period'), flag('start-interval'), flag('retries')],
};

export interface MountOptionInfo {
  readonly name: string;
  /** Other spellings BuildKit accepts for the same option. */
  readonly aliases: readonly string[];
  readonly values?: readonly string[];
  /** True for options written without `=value`, like `ro`. */
  readonly bare: boolean;
}

const option = (name: string, aliases: readonly string[] = [], values?: readonly string[], bare = false): MountOptionInfo =>
  ({ name, aliases, values, bare });

const TARGET = option('target', ['dst', 'destination']);
const SOURCE = option('source', ['src']);
const OWNER = [option('mode'), option('uid'), option('gid')];

const MOUNT_OPTIONS: Readonly<Record<MountType, readonly MountOptionInfo[]>> = {
  bind: [TARGET, SOURCE, option('from'), option('rw', ['readwrite'], undefined, true)],
  cache: [TARGET, option('id'), option('sharing', [], SHARING_MODES), option('from'), SOURCE, ...OWNER, option('ro', ['readonly'], undefined, true)],
  tmpfs: [TARGET, option('size')],
  secret: [option('id'), TARGET, option('env'), option('required', [], BOOLEAN_VALUES), ...OWNER],
  ssh: [option('id'), TARGET, option('required', [], BOOLEAN_VALUES), ...OWNER],
};

/** Doc file of each mount option spelling; `ro`/`rw` share one page because they are two sides of the same setting. */
const MOUNT_OPTION_FILES: Readonly<Record<string, string>> = {
  target: 'target', dst: 'target', destination: 'target',
  source: 'source', src: 'source',
  from: 'from', id: 'id', sharing: 'sharing', mode: 'mode', uid: 'uid', gid: 'gid',
  required: 'required', env: 'env', size: 'size',
  ro: 'readonly', readonly: 'readonly', rw: 'readonly', readwrite: 'readonly',
};

export type AutomaticArgKind = 'platform' | 'proxy' | 'buildkit';

export interface AutomaticArg {
  readonly name: string;
  /**
   * `platform` ARGs live in the global scope and need `ARG NAME` inside a stage; `proxy` ARGs
   * reach RUN without a declaration; `buildkit` ARGs configure the builder through `--build-arg`.
   */
  readonly kind: AutomaticArgKind;
}

const PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];
const PROXY_ARGS = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'];
const BUILDKIT_ARGS = [
  'BUILDKIT_SYNTAX', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_CACHE_MOUNT_NS', 'BUILDKIT_BUILD_NAME', 'BUILDKIT_DOCKERFILE_CHECK', 'SOURCE_DATE_EPOCH',
];

const AUTOMATIC_ARGS: readonly AutomaticArg[] = [
  ...PLATFORM_ARGS.map((name) => ({ name, kind: 'platform' as const })),
  ...PROXY_ARGS.flatMap((name) => [{ name, kind: 'proxy' as const }, { name: name.toLowerCase(), kind: 'proxy' as const }]),
  ...BUILDKIT_ARGS.map((name) => ({ name, kind: 'buildkit' as const })),
];

export function listInstructions(): readonly string[] {
  return INSTRUCTIONS;
}

/** Flags of an instruction (any case); empty for instructions that take none. */
export function listFlags(instruction: string): readonly FlagInfo[] {
  return FLAGS[instruction.toUpperCase()] ?? [];
}

export function listMountTypes(): readonly MountType[] {
  return MOUNT_TYPES;
}

/** Options of a mount type, `type` itself excluded; the type defaults to `bind` as in BuildKit. */
export function listMountOptions(type: string = 'bind'): readonly MountOptionInfo[] {
  return isMountType(type) ? MOUNT_OPTIONS[type] : [];
}

export function listAutomaticArgs(): readonly AutomaticArg[] {
  return AUTOMATIC_ARGS;
}

export function listDirectives(): readonly string[] {
  return DIRECTIVES;
}

export function listCheckKeys(): readonly string[] {
  return CHECK_KEYS;
}

export function instructionDoc(name: string, lang: string): string | undefined {
  const upper = name.toUpperCase();
  return (INSTRUCTIONS as readonly string[]).includes(upper) ? readDoc(`instructions/${upper.toLowerCase()}`, lang) : undefined;
}

/** `flag` may be written `--platform`, `platform` or `--platform=...`. */
export function flagDoc(instruction: string, flagName: string, lang: string): string | undefined {
  const upper = instruction.toUpperCase();
  const name = flagName.replace(/^--/, '').split('=')[0].toLowerCase();
  if (!listFlags(upper).some((f) => f.name === name)) {
    return undefined;
  }
  return readDoc(`flags/${upper.toLowerCase()}-${name}`, lang);
}

/** A mount type (`cache`) or option (`sharing`, `dst`, `ro`...), optionally written as `type=cache` or `sharing=locked`. */
export function mountDoc(typeOrOption: string, lang: string): string | undefined {
  const [key, value] = typeOrOption.trim().toLowerCase().split('=', 2);
  if (key === 'type' && value !== undefined) {
    return isMountType(value) ? readDoc(`mounts/type-${value}`, lang) : undefined;
  }
  if (isMountType(key)) {
    return readDoc(`mounts/type-${key}`, lang);
  }
  const file = MOUNT_OPTION_FILES[key];
  return file === undefined ? undefined : readDoc(`mounts/option-${file}`, lang);
}

/**
 * `syntax`, `escape`, `check`, or a check key written `check=skip`, `check.skip` or `check-skip`.
 * A value after `syntax=` or `escape=` is ignored, so the directive's whole text may be passed.
 */
export function directiveDoc(name: string, lang: string): string | undefined {
  const [directive, key] = name.replace(/^#\s*/, '').trim().toLowerCase().split(/[=.\s-]+/, 2);
  if (!(DIRECTIVES as readonly string[]).includes(directive)) {
    return undefined;
  }
  if (directive !== 'check' || key === undefined || key === '') {
    return readDoc(`directives/${directive}`, lang);
  }
  return (CHECK_KEYS as readonly string[]).includes(key) ? readDoc(`directives/check-${key}`, lang) : undefined;
}

/** ARG names are case-sensitive: only the proxy ARGs exist in both cases. */
export function automaticArgDoc(name: string, lang: string): string | undefined {
  const arg = AUTOMATIC_ARGS.find((a) => a.name === name);
  if (arg === undefined) {
    return undefined;
  }
  // Both spellings of a proxy ARG share a page: HTTP_PROXY.md and http_proxy.md would collide on case-insensitive disks.
  return readDoc(`args/${arg.name.toLowerCase().replace(/_/g, '-')}`, lang);
}

function isMountType(value: string): value is MountType {
  return (MOUNT_TYPES as readonly string[]).includes(value);
}

const docCache = new Map<string, string | undefined>();
let referenceRoot: string | null | undefined;

/** Finds `docs/reference` above this module: `server/src/docs` when run from source, `dist/` when bundled. */
function findReferenceRoot(): string | null {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'docs', 'reference');
    if (fs.existsSync(path.join(candidate, 'en'))) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return null;
    }
    dir = parent;
  }
}

/** Reads a page in the requested language, falling back to English so a missing translation still shows something. */
function readDoc(relativePath: string, lang: string): string | undefined {
  const language = docLanguage(lang);
  const key = `${language}/${relativePath}`;
  if (docCache.has(key)) {
    return docCache.get(key);
  }
  if (referenceRoot === undefined) {
    referenceRoot = findReferenceRoot();
  }
  let text: string | undefined;
  if (referenceRoot !== null) {
    text = readIfExists(path.join(referenceRoot, language, `${relativePath}.md`));
    if (text === undefined && language !== 'en') {
      text = readIfExists(path.join(referenceRoot, 'en', `${relativePath}.md`));
    }
  }
  docCache.set(key, text);
  return text;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
