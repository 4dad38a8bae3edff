// What the CLI found in one file, in the stable shape the JSON format publishes.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Severity } from '../rules/rule';

export interface ReportFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface ReportDiagnostic {
  readonly rule: string;
  readonly aliases: readonly string[];
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly docs: string | null;
  readonly fixes: readonly ReportFix[];
  /** Where the finding came from: our rules, or the baseline syntax validator. */
  readonly source: string;
}

export interface FileReport {
  readonly path: string;
  readonly diagnostics: readonly ReportDiagnostic[];
}
