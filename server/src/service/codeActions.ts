// Code actions: each finding's fixes, "skip this rule", and fix-all of every preferred fix.
import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model/types';
import type { Finding } from './validation';
import { skipRuleEdit } from './fixes/skipRule';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.dockerfileAdvisor`;

export function findingActions(model: DockerfileModel, uri: string, findings: readonly Finding[], range: Range, only?: readonly string[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const wantsQuickFix = !only || only.some((kind) => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix));
  if (wantsQuickFix) {
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
  const wantsFixAll = only?.some((kind) => fixAllKind.startsWith(kind));
  if (wantsFixAll) {
    const all = fixAllEdits(findings);
    if (all.length > 0) {
      actions.push({ title: l10n.t('Fix all auto-fixable Dockerfile problems'), kind: fixAllKind, edit: workspaceEdit(uri, all) });
    }
  }
  return actions;
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
