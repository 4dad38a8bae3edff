// Sources and destination of COPY/ADD, with ranges, and path helpers shared by the stage and venv rules.
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionNode, Stage } from './types';
import { expandVariables } from './variables';

export interface CopyPath {
  /** The path as written, quotes removed. */
  readonly written: string;
  /** After variable expansion; undefined when a variable cannot be resolved. */
  readonly expanded: string | undefined;
  readonly range: Range;
  readonly start: number;
  readonly end: number;
}

export interface CopyPaths {
  readonly sources: readonly CopyPath[];
  readonly destination: CopyPath;
  /** Absolute destination (WORKDIR applied); undefined when unknown. */
  readonly absoluteDestination: string | undefined;
}

/**
 * The paths of a COPY or ADD. Undefined for heredoc sources, for exec form (JSON has no
 * per-word ranges here) and for paths with quoting this simple reader does not follow.
 */
export function copyPaths(model: DockerfileModel, instruction: InstructionNode): CopyPaths | undefined {
  if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.jsonArgs !== undefined) {
    return undefined;
  }
  if (instruction.heredocs.length > 0 || instruction.args.length < 2) {
    return undefined;
  }
  const paths: CopyPath[] = [];
  for (const arg of instruction.args) {
    const unquoted = unquote(arg.value);
    if (unquoted === undefined) {
      return undefined;
    }
    const expansion = expandVariables(unquoted, instruction.scope, model.escapeChar);
    paths.push({
      written: unquoted,
      expanded: expansion.unresolved.length === 0 ? expansion.value : undefined,
      range: arg.range,
      start: arg.start,
      end: arg.end,
    });
  }
  const destination = paths[paths.length - 1];
  const absoluteDestination = destination.expanded === undefined ? undefined : absolutePath(instruction.workdir, destination.expanded);
  return { sources: paths.slice(0, -1), destination, absoluteDestination };
}

function unquote(value: string): string | undefined {
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
    const inner = value.slice(1, -1);
    return /["']/.test(inner) ? undefined : inner;
  }
  return /["']/.test(value) ? undefined : value;
}

/** True for `/x`, `\x` and Windows drive paths (`C:\x`, `c:/x`). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/** Resolves `path` against a working directory (the image root when none is known), without `.` segments. */
export function absolutePath(workdir: string | undefined, path: string): string | undefined {
  if (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\')) {
    return undefined;
  }
  const joined = path.startsWith('/') ? path : `${workdir ?? '/'}/${path}`;
  return normalizePath(joined);
}

/** Collapses `//`, `.` and `..` and drops a trailing slash (but keeps `/`). */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** True when `inner` is `outer` or lies below it. */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || outer === '/' || inner.startsWith(`${outer}/`);
}

/**
 * Where a directory copied from another stage lands: COPY puts a source directory's
 * contents at the destination, so `/opt/venv` to `/opt/venv` stays `/opt/venv`, and a copied
 * parent (`/app` to `/srv`) carries `/app/.venv` to `/srv/.venv`.
 */
export function landingPath(directory: string, copiedSource: string, destination: string): string {
  const relative = directory === copiedSource ? '' : directory.slice(copiedSource === '/' ? 1 : copiedSource.length + 1);
  return normalizePath(relative === '' ? destination : `${destination}/${relative}`);
}

/** The stage a stage is ultimately built on (follows `FROM <stage>`). */
export function rootStage(stage: Stage): Stage {
  let current = stage;
  const seen = new Set<Stage>();
  while (current.baseStage && !seen.has(current)) {
    seen.add(current);
    current = current.baseStage;
  }
  return current;
}

/** A stage and the stages it is built on, nearest first. */
export function stageLineage(stage: Stage): Stage[] {
  const lineage: Stage[] = [];
  let current: Stage | undefined = stage;
  while (current && !lineage.includes(current)) {
    lineage.push(current);
    current = current.baseStage;
  }
  return lineage;
}
