// Code actions: each finding's fixes, "skip this rule", fix-all of every preferred fix, and the refactors at the cursor.
import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextIndex } from '../model/textIndex';
import type { DockerfileModel } from '../model/types';
import type { Finding } from './validation';
import { buildPlatformRefactor } from './fixes/buildPlatform';
import { copyFromStageChoices } from './fixes/copyFromStage';
import { skipRuleEdit } from './fixes/skipRule';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.dockerfileAdvisor`;

/** The client command that writes a `buildx` task for a Dockerfile into tasks.json (argument: the Dockerfile's URI). */
export const addBuildTaskCommand = 'dockerfileAdvisor.addBuildTask';

/**
 * The actions for `range`. With `reanalyse` (the findings of another text, under the same
 * settings), fix-all repeats until nothing changes, as the CLI's `--fix` does; without it,
 * fix-all is one pass and fixes that touch the same spot wait for the next save.
 */
export function findingActions(
  model: DockerfileModel,
  uri: string,
  findings: readonly Finding[],
  range: Range,
  only?: readonly string[],
  reanalyse?: (text: string) => readonly Finding[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const finding of findings) {
      if (!overlaps(finding.diagnostic.range, range) || !finding.rule) {
        continue;
      }
      for (const fix of finding.fixes()) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [finding.diagnostic],
          isPreferred: fix.isPreferred,
          edit: workspaceEdit(uri, fix.edits),
        });
      }
      const skip = skipRuleEdit(model, finding.rule.id);
      if (skip) {
        actions.push({
          title: l10n.t('Skip rule {0} in this file', finding.rule.id),
          kind: CodeActionKind.QuickFix,
          diagnostics: [finding.diagnostic],
          edit: workspaceEdit(uri, [skip]),
        });
      }
    }
  }
  // Only on request: fix-all is for save and the "Fix All" command, not for the light bulb.
  if (only !== undefined && wants(only, fixAllKind)) {
    const all = reanalyse ? fixAllTextEdits(model.text, findings, reanalyse) : fixAllEdits(findings);
    if (all.length > 0) {
      actions.push({ title: l10n.t('Fix all auto-fixable Dockerfile problems'), kind: fixAllKind, edit: workspaceEdit(uri, all) });
    }
  }
  actions.push(...refactorActions(model, uri, range, only));
  return actions;
}

/** True when a request limited to `only` asks for actions of `kind` (a kind includes its sub-kinds). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

/** Actions that change the file on request rather than fix a finding: they depend on where the cursor is. */
export function refactorActions(model: DockerfileModel, uri: string, range: Range, only?: readonly string[]): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.RefactorRewrite)) {
    for (const choice of copyFromStageChoices(model, range.start)) {
      actions.push({
        title: l10n.t('Copy {0} from stage {1}', choice.source, choice.stage),
        kind: CodeActionKind.RefactorRewrite,
        edit: workspaceEdit(uri, [choice.edit]),
      });
    }
    for (const stage of model.stages) {
      if (!onLines(range, stage.from.range)) {
        continue;
      }
      const refactor = buildPlatformRefactor(model, stage);
      if (refactor) {
        actions.push({ title: refactor.title, kind: CodeActionKind.RefactorRewrite, edit: workspaceEdit(uri, refactor.edits) });
      }
    }
  }
  const firstFrom = model.stages[0]?.from;
  if (firstFrom && wants(only, CodeActionKind.Refactor) && onLines(range, firstFrom.range)) {
    const title = l10n.t('Add a multi-platform build task');
    actions.push({ title, kind: CodeActionKind.Refactor, command: { title, command: addBuildTaskCommand, arguments: [uri] } });
  }
  return actions;
}

/** True when the range touches one of the lines `target` spans. */
function onLines(range: Range, target: Range): boolean {
  return range.start.line <= target.end.line && range.end.line >= target.start.line;
}

/** The preferred fix of every finding, skipping fixes whose edits overlap one already taken. */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const preferred = finding.fixes().find((fix) => fix.isPreferred);
    if (!preferred) {
      continue;
    }
    if (preferred.edits.some((edit) => taken.some((t) => rangesTouch(t.range, edit.range)))) {
      continue;
    }
    taken.push(...preferred.edits);
  }
  return taken;
}

/** The most passes of fix-all: each pass only adds fixes the previous one left out because they touched the same spot. */
const maxFixAllPasses = 5;

/** Fix-all repeated on its own result until nothing changes; the text it ends with. */
export function fixAllText(text: string, findings: readonly Finding[], reanalyse: (text: string) => readonly Finding[]): string {
  let current = text;
  let currentFindings = findings;
  for (let pass = 0; pass < maxFixAllPasses; pass++) {
    const edits = fixAllEdits(currentFindings);
    const next = edits.length === 0 ? current : TextDocument.applyEdits(TextDocument.create('file:///fix-all', 'dockerfile', pass, current), edits);
    if (next === current) {
      break;
    }
    current = next;
    currentFindings = reanalyse(current);
  }
  return current;
}

/** `fixAllText` as one edit over the span that changed (none when nothing did). */
export function fixAllTextEdits(text: string, findings: readonly Finding[], reanalyse: (text: string) => readonly Finding[]): TextEdit[] {
  const fixed = fixAllText(text, findings, reanalyse);
  if (fixed === text) {
    return [];
  }
  let start = 0;
  while (start < text.length && start < fixed.length && text[start] === fixed[start]) {
    start++;
  }
  let end = 0;
  while (end < text.length - start && end < fixed.length - start && text[text.length - 1 - end] === fixed[fixed.length - 1 - end]) {
    end++;
  }
  const index = new TextIndex(text);
  return [{ range: index.rangeOf(start, text.length - end), newText: fixed.slice(start, fixed.length - end) }];
}

export function workspaceEdit(uri: string, edits: readonly TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: [...edits] } };
}

function overlaps(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function rangesTouch(a: Range, b: Range): boolean {
  return overlaps(a, b);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export type { Diagnostic };
