// The status bar item that shows the current scan, built from the pure status bar model.
import * as vscode from 'vscode';
import { t } from '../../localize';
import { statusBarView } from '../statusBarModel';
import type { ScanResults } from './scanResults';

export function createScanStatusBar(results: ScanResults): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('dockerfileAdvisor.scanStatus', vscode.StatusBarAlignment.Left, 50);
  item.name = t('Dockerfile Advisor image scan');
  item.command = 'dockerfileAdvisor.showScanResults';
  const render = () => {
    const status = results.status;
    if (!status) {
      item.hide();
      return;
    }
    const view = statusBarView(status);
    item.text = view.text;
    item.tooltip = new vscode.MarkdownString(view.tooltip);
    item.backgroundColor = view.background ? new vscode.ThemeColor(`statusBarItem.${view.background}Background`) : undefined;
    item.show();
  };
  const subscription = results.onDidChange(render);
  render();
  return vscode.Disposable.from(item, subscription);
}
