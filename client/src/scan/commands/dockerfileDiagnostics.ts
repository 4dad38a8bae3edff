// Scan results on the Dockerfile: Trivy's misconfigurations on their lines, the image summary on the final FROM.
import { DockerfileParser } from 'dockerfile-ast';
import * as vscode from 'vscode';
import { t } from '../../localize';
import type { Finding, ScanReport, Severity } from '../model';
import { baseImageSummaryText, worstFindingsMarkdown } from '../summary';

const WORST_IN_HOVER = 8;

/** The final stage's FROM line, where the base image of the built image is named; the first line if none. */
export function finalFromRange(document: vscode.TextDocument): vscode.Range {
  let line = 0;
  try {
    const froms = DockerfileParser.parse(document.getText()).getFROMs();
    const last = froms[froms.length - 1];
    if (last) {
      line = last.getRange().start.line;
    }
  } catch {
    // A Dockerfile the parser cannot read still gets the summary, on its first line.
  }
  return document.lineAt(Math.min(line, document.lineCount - 1)).range;
}

export function misconfigurationDiagnostics(document: vscode.TextDocument, findings: readonly Finding[]): vscode.Diagnostic[] {
  const fallback = finalFromRange(document);
  return findings.map((finding) => {
    const start = finding.location?.startLine;
    const range =
      start !== undefined && start >= 1 && start <= document.lineCount
        ? new vscode.Range(start - 1, 0, Math.min((finding.location?.endLine ?? start) - 1, document.lineCount - 1), Number.MAX_SAFE_INTEGER)
        : fallback;
    const diagnostic = new vscode.Diagnostic(document.validateRange(range), finding.title, diagnosticSeverity(finding.severity));
    diagnostic.source = 'trivy';
    diagnostic.code = finding.url ? { value: finding.id, target: vscode.Uri.parse(finding.url) } : finding.id;
    return diagnostic;
  });
}

function diagnosticSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'critical':
      return vscode.DiagnosticSeverity.Error;
    case 'high':
    case 'medium':
      return vscode.DiagnosticSeverity.Warning;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

/** Keeps the image summary on the final FROM line of the scanned Dockerfile, with a hover listing the worst findings. */
export class BaseImageSummary implements vscode.Disposable, vscode.HoverProvider {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('dockerfileAdvisor.imageScan');
  private shown: { uri: vscode.Uri; report: ScanReport; stale: boolean } | undefined;
  private readonly hoverRegistration = vscode.languages.registerHoverProvider({ language: 'dockerfile' }, this);

  async show(uri: vscode.Uri | undefined, report: ScanReport | undefined, stale: boolean): Promise<void> {
    this.diagnostics.clear();
    this.shown = uri && report ? { uri, report, stale } : undefined;
    if (!this.shown) {
      return;
    }
    const document = await vscode.workspace.openTextDocument(this.shown.uri);
    this.render(document);
  }

  /** Follows the FROM line as the document is edited. */
  update(document: vscode.TextDocument): void {
    if (this.shown && document.uri.toString() === this.shown.uri.toString()) {
      this.render(document);
    }
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.shown || document.uri.toString() !== this.shown.uri.toString()) {
      return undefined;
    }
    const range = finalFromRange(document);
    if (!range.contains(position) || this.shown.report.findings.length === 0) {
      return undefined;
    }
    const markdown = new vscode.MarkdownString(`**${baseImageSummaryText(this.shown.report.findings)}**\n\n${worstFindingsMarkdown(this.shown.report.findings, WORST_IN_HOVER)}`);
    return new vscode.Hover(markdown, range);
  }

  dispose(): void {
    this.diagnostics.dispose();
    this.hoverRegistration.dispose();
  }

  private render(document: vscode.TextDocument): void {
    if (!this.shown) {
      return;
    }
    const { report, stale } = this.shown;
    const summary = baseImageSummaryText(report.findings);
    const message = stale ? t('{0} (scan of {1} is out of date)', summary, report.target) : t('{0} (scan of {1})', summary, report.target);
    const vulnerable = report.findings.some((finding) => finding.severity === 'critical' || finding.severity === 'high');
    const diagnostic = new vscode.Diagnostic(finalFromRange(document), message, vulnerable ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
    diagnostic.source = 'Dockerfile Advisor';
    diagnostic.code = 'image-scan';
    this.diagnostics.set(document.uri, [diagnostic]);
  }
}
