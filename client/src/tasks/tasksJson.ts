// Adds a `buildx` task to the text of a tasks.json, as JSONC: comments, formatting and other tasks stay as they were.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import {
  applyEdits,
  createScanner,
  findNodeAtLocation,
  getNodeValue,
  modify,
  parseTree,
  ScanError,
  SyntaxKind,
  type Edit,
  type FormattingOptions,
  type ParseError,
} from 'jsonc-parser';
import { normalizePlatform, parsePlatform } from '../build/platforms';
import { BUILDX_TASK_TYPE } from '../build/taskDefinition';

/** A task to add: its definition (`type`, `dockerfile`, `platforms`...) and the label it shows under. */
export interface TaskToAdd {
  readonly label: string;
  readonly definition: Readonly<Record<string, unknown>>;
  /** Extra task properties that are not part of the definition (`group`, `problemMatcher`). */
  readonly presentation?: Readonly<Record<string, unknown>>;
}

export type TasksJsonUpdate =
  /** `text` is the whole new file; `edits` turn the old text into it (empty old text: one insertion). */
  | { readonly kind: 'added'; readonly text: string; readonly edits: readonly Edit[]; readonly label: string }
  /** A task of the same type building the same Dockerfile for the same platforms is already there. */
  | { readonly kind: 'exists'; readonly label: string | undefined };

/** The file cannot be updated without guessing; nothing must be written. */
export class TasksJsonError extends Error {}

const parseOptions = { allowTrailingComma: true, disallowComments: false };

/**
 * Adds `task` to the tasks.json text (`undefined` when the file does not exist), creating
 * `version` and `tasks` when missing. `workspaceFolder` resolves the Dockerfile paths of tasks
 * to compare them; `defaultPlatforms` are what a buildx task without `platforms` builds.
 */
export function addTaskToTasksJson(
  text: string | undefined,
  task: TaskToAdd,
  workspaceFolder: string,
  defaultPlatforms: readonly string[],
): TasksJsonUpdate {
  const source = text ?? '';
  const formatting = formattingOf(source);
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, parseOptions);
  if (isBlank(source)) {
    const fresh = freshTasksJson(task, formatting);
    // A file of only comments keeps them, above the new content.
    const prefix = source.trim() === '' ? '' : source.replace(/\s*$/, '') + formatting.eol;
    const insertion = prefix + fresh + formatting.eol;
    return { kind: 'added', text: insertion, edits: [{ offset: 0, length: source.length, content: insertion }], label: task.label };
  }
  if (errors.length > 0 || !root) {
    const at = lineAndColumn(source, errors[0]?.offset ?? 0);
    throw new TasksJsonError(l10n.t('tasks.json is not valid JSON (line {0}, column {1}). Correct it, then add the task again.', at.line, at.column));
  }
  if (root.type !== 'object') {
    throw new TasksJsonError(l10n.t('tasks.json does not hold a JSON object. Correct it, then add the task again.'));
  }
  const tasksNode = findNodeAtLocation(root, ['tasks']);
  if (tasksNode && tasksNode.type !== 'array') {
    throw new TasksJsonError(l10n.t('"tasks" in tasks.json is not a list. Correct it, then add the task again.'));
  }
  const existing: unknown[] = tasksNode ? (getNodeValue(tasksNode) as unknown[]) : [];
  const same = existing.find((item) => isSameBuild(item, task.definition, workspaceFolder, defaultPlatforms));
  if (same !== undefined) {
    return { kind: 'exists', label: isRecord(same) && typeof same['label'] === 'string' ? same['label'] : undefined };
  }
  const label = uniqueLabel(task.label, existing);
  const entry = { label, ...task.definition, ...task.presentation };

  let updated = source;
  if (!findNodeAtLocation(root, ['version'])) {
    updated = applyEdits(updated, modify(updated, ['version'], '2.0.0', { formattingOptions: formatting, getInsertionIndex: () => 0 }));
  }
  updated = applyEdits(updated, modify(updated, ['tasks', -1], entry, { formattingOptions: formatting }));
  return { kind: 'added', text: updated, edits: [differingSpan(source, updated)], label };
}

/** One edit covering only what differs, so an open editor keeps its cursor and undo stays small. */
function differingSpan(before: string, after: string): Edit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) {
    start++;
  }
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) {
    end++;
  }
  return { offset: start, length: before.length - start - end, content: after.slice(start, after.length - end) };
}

/** True when the text holds no JSON value at all (empty, or only whole comments). */
function isBlank(text: string): boolean {
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const trivia = token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia || token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia;
    if (!trivia || scanner.getTokenError() !== ScanError.None) {
      return false;
    }
  }
  return true;
}

function freshTasksJson(task: TaskToAdd, formatting: FormattingOptions): string {
  const entry = { label: task.label, ...task.definition, ...task.presentation };
  const versioned = applyEdits('{}', modify('{}', ['version'], '2.0.0', { formattingOptions: formatting }));
  return applyEdits(versioned, modify(versioned, ['tasks'], [entry], { formattingOptions: formatting }));
}

/** Indentation and line ending as the file already writes them; four spaces for a new file. */
function formattingOf(text: string): FormattingOptions & { eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indents = text
    .split(/\r?\n/)
    .map((line) => /^([ \t]+)\S/.exec(line)?.[1])
    .filter((indent): indent is string => indent !== undefined);
  if (indents.some((indent) => indent.startsWith('\t'))) {
    return { insertSpaces: false, tabSize: 4, eol };
  }
  const widths = indents.map((indent) => indent.length);
  const tabSize = widths.length > 0 ? Math.min(...widths) : 4;
  return { insertSpaces: true, tabSize, eol };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Same task type, same Dockerfile once resolved against the folder, same set of platforms. */
function isSameBuild(item: unknown, definition: Readonly<Record<string, unknown>>, workspaceFolder: string, defaultPlatforms: readonly string[]): boolean {
  if (!isRecord(item) || item['type'] !== BUILDX_TASK_TYPE || item['type'] !== definition['type']) {
    return false;
  }
  const dockerfile = (value: unknown): string | undefined =>
    typeof value === 'string' ? path.resolve(workspaceFolder, value.split('${workspaceFolder}').join(workspaceFolder)) : undefined;
  if (dockerfile(item['dockerfile']) === undefined || dockerfile(item['dockerfile']) !== dockerfile(definition['dockerfile'])) {
    return false;
  }
  return samePlatforms(platformsOf(item['platforms'], defaultPlatforms), platformsOf(definition['platforms'], defaultPlatforms));
}

function platformsOf(value: unknown, defaults: readonly string[]): readonly string[] {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : defaults;
}

/** Compared as BuildKit would: `linux/arm64/v8` is `linux/arm64`, and order does not matter. */
function samePlatforms(a: readonly string[], b: readonly string[]): boolean {
  const canonical = (list: readonly string[]): string[] =>
    [...new Set(list.map((text) => {
      const platform = parsePlatform(text);
      if (!platform) {
        return text.trim().toLowerCase();
      }
      const normal = normalizePlatform(platform);
      return [normal.os, normal.architecture, normal.variant].filter((part) => part !== undefined).join('/');
    }))].sort();
  const left = canonical(a);
  const right = canonical(b);
  return left.length === right.length && left.every((platform, i) => platform === right[i]);
}

/** The label, or the label with ` (2)`, ` (3)`... when another task already has it. */
function uniqueLabel(label: string, tasks: readonly unknown[]): string {
  const taken = new Set(tasks.filter(isRecord).map((item) => item['label']).filter((value): value is string => typeof value === 'string'));
  let candidate = label;
  for (let n = 2; taken.has(candidate); n++) {
    candidate = `${label} (${n})`;
  }
  return candidate;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
