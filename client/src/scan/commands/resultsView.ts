// The results tree: severity, then package, then finding; filtered by severity and "fixable only".
import * as vscode from 'vscode';
import { t } from '../../localize';
import { scannerDisplayName, severityLabel } from '../display';
import { isFixable, SEVERITIES, type Finding, type Severity } from '../model';
import { summarize } from '../summary';
import type { ScanResults } from './scanResults';

type ResultNode =
  | { readonly type: 'severity'; readonly severity: Severity; readonly findings: readonly Finding[] }
  | { readonly type: 'package'; readonly severity: Severity; readonly label: string; readonly findings: readonly Finding[] }
  | { readonly type: 'finding'; readonly finding: Finding };

export const RESULTS_VIEW_ID = 'dockerfileAdvisor.scanResults';

export class ScanResultsTree implements vscode.TreeDataProvider<ResultNode>, vscode.Disposable {
  private severities = new Set<Severity>(SEVERITIES);
  private fixableOnly = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<ResultNode>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly results: ScanResults) {
    this.view = vscode.window.createTreeView(RESULTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(this.view, this.changed, results.onDidChange(() => this.refresh()));
    void vscode.commands.executeCommand('setContext', 'dockerfileAdvisor.scanResults.fixableOnly', false);
    this.refresh();
  }

  async chooseSeverities(): Promise<void> {
    const picked = await vscode.window.showQuickPick(
      SEVERITIES.map((severity) => ({ label: severityLabel(severity), severity, picked: this.severities.has(severity) })),
      { canPickMany: true, title: t('Show findings of these severities') },
    );
    if (picked) {
      this.severities = new Set(picked.map((item) => item.severity));
      this.refresh();
    }
  }

  setFixableOnly(fixableOnly: boolean): void {
    this.fixableOnly = fixableOnly;
    void vscode.commands.executeCommand('setContext', 'dockerfileAdvisor.scanResults.fixableOnly', fixableOnly);
    this.refresh();
  }

  getTreeItem(node: ResultNode): vscode.TreeItem {
    switch (node.type) {
      case 'severity': {
        const item = new vscode.TreeItem(`${severityLabel(node.severity)} (${node.findings.length})`, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = severityIcon(node.severity);
        item.contextValue = 'severity';
        return item;
      }
      case 'package': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.findings.length);
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'package';
        return item;
      }
      case 'finding':
        return findingItem(node.finding);
    }
  }

  getChildren(node?: ResultNode): ResultNode[] {
    const findings = this.visibleFindings();
    if (!node) {
      return SEVERITIES.map((severity) => ({ type: 'severity' as const, severity, findings: findings.filter((f) => f.severity === severity) })).filter(
        (group) => group.findings.length > 0,
      );
    }
    if (node.type === 'severity') {
      const byPackage = new Map<string, Finding[]>();
      for (const finding of node.findings) {
        const label = packageLabel(finding);
        byPackage.set(label, [...(byPackage.get(label) ?? []), finding]);
      }
      return [...byPackage.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([label, group]) => ({ type: 'package' as const, severity: node.severity, label, findings: group }));
    }
    if (node.type === 'package') {
      return [...node.findings].sort((a, b) => a.id.localeCompare(b.id)).map((finding) => ({ type: 'finding' as const, finding }));
    }
    return [];
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private visibleFindings(): Finding[] {
    return (this.results.report?.findings ?? []).filter((finding) => this.severities.has(finding.severity) && (!this.fixableOnly || isFixable(finding)));
  }

  private refresh(): void {
    const status = this.results.status;
    const report = this.results.report;
    this.view.message = undefined;
    this.view.description = undefined;
    if (!status) {
      this.view.message = t('No scan yet. Run "Scan Image..." to scan an image.');
    } else if (status.state === 'scanning') {
      this.view.message = t('Scanning {0}…', status.target);
    } else if (status.state === 'failed') {
      this.view.message = t('The scan of {0} failed: {1}', status.failure.target, status.failure.message);
    } else if (report) {
      const total = summarize(report.findings).total;
      const shown = this.visibleFindings().length;
      this.view.description = `${report.target} · ${scannerDisplayName(report.scanner.id)}${status.stale ? ` · ${t('stale')}` : ''}`;
      if (total === 0) {
        this.view.message = t('No known vulnerabilities in {0}.', report.target);
      } else if (shown < total) {
        this.view.message = t('Showing {0} of {1} findings (filtered).', shown, total);
      }
    }
    this.changed.fire();
  }
}

function packageLabel(finding: Finding): string {
  if (finding.package) {
    return `${finding.package.name} ${finding.package.version}`.trim();
  }
  return finding.location?.path ?? finding.kind;
}

function findingItem(finding: Finding): vscode.TreeItem {
  const item = new vscode.TreeItem(finding.id, vscode.TreeItemCollapsibleState.None);
  const installed = finding.package?.version;
  item.description = isFixable(finding)
    ? t('{0} → fixed in {1}', installed ?? '', finding.fixedVersions.join(', '))
    : finding.fixState === 'wontFix'
      ? t('{0}, will not be fixed', installed ?? '')
      : t('{0}, no fix yet', installed ?? '');
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${severityLabel(finding.severity)}** `);
  tooltip.appendText(`${finding.id}: ${finding.title}`);
  if (finding.package) {
    tooltip.appendText(`\n\n${t('Package: {0} {1}', finding.package.name, finding.package.version)}`);
  }
  if (finding.url) {
    tooltip.appendMarkdown(`\n\n[${t('Open advisory')}](${finding.url})`);
  }
  item.tooltip = tooltip;
  item.iconPath = severityIcon(finding.severity);
  item.contextValue = finding.url ? 'finding.withUrl' : 'finding';
  return item;
}

function severityIcon(severity: Severity): vscode.ThemeIcon {
  switch (severity) {
    case 'critical':
    case 'high':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'medium':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    default:
      return new vscode.ThemeIcon('info');
  }
}

/** The finding behind a tree node given to a context-menu command. */
export function findingOfNode(node: unknown): Finding | undefined {
  return typeof node === 'object' && node !== null && (node as ResultNode).type === 'finding' ? (node as Extract<ResultNode, { type: 'finding' }>).finding : undefined;
}
