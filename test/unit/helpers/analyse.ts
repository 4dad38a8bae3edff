// Test helpers: analyse fixture strings, find a rule's findings, apply fixes.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import type { DockerfileModel } from '../../../server/src/model/types';
import type { BuildContext, Rule, RuleFix } from '../../../server/src/rules/rule';
import { validateModel, type Finding } from '../../../server/src/service/validation';

export interface RuleRun {
  readonly model: DockerfileModel;
  readonly findings: Finding[];
}

/** Runs one rule (or all rules when omitted) over `text`. */
export function runRule(text: string, rule?: Rule, buildContext: BuildContext = {}): RuleRun {
  const model = parseDockerfile(text);
  const findings = validateModel(model, { rules: rule ? [rule] : undefined, buildContext, uri: 'file:///test/Dockerfile' });
  return { model, findings: rule ? findings.filter((f) => f.rule?.id === rule.id) : findings };
}

/** The 1-based lines on which `rule` reports, for compact expectations. */
export function linesOf(text: string, rule: Rule, buildContext: BuildContext = {}): number[] {
  return runRule(text, rule, buildContext).findings.map((f) => f.diagnostic.range.start.line + 1);
}

/** The text a range covers, to assert on precise ranges. */
export function textOf(text: string, range: Range): string {
  const doc = TextDocument.create('file:///t', 'dockerfile', 1, text);
  return doc.getText(range);
}

export function applyFix(text: string, fix: RuleFix): string {
  return TextDocument.applyEdits(TextDocument.create('file:///t', 'dockerfile', 1, text), [...fix.edits]);
}

/** Splits a fixture with one `|` marking the cursor into text and position. */
export function cursor(fixture: string): { text: string; position: { line: number; character: number } } {
  const offset = fixture.indexOf('|');
  const text = fixture.slice(0, offset) + fixture.slice(offset + 1);
  const doc = TextDocument.create('file:///t', 'dockerfile', 1, text);
  return { text, position: doc.positionAt(offset) };
}
