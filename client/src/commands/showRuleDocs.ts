// "Show Rule Documentation": opens a rule's page, shipped as markdown, in the user's language.
import * as vscode from 'vscode';
import { clientLanguage, t } from '../localize';

export function registerShowRuleDocs(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('dockerfileAdvisor.showRuleDocs', async (ruleId?: unknown) => {
    const id = typeof ruleId === 'string' && /^[A-Za-z0-9-]+$/.test(ruleId) ? ruleId : await pickRule(context);
    if (!id) {
      return undefined;
    }
    const page = await findPage(context.extensionUri, id);
    if (!page) {
      void vscode.window.showWarningMessage(t('No documentation ships for the rule "{0}".', id));
      return undefined;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
    return page.toString();
  });
}

async function findPage(extensionUri: vscode.Uri, id: string): Promise<vscode.Uri | undefined> {
  for (const language of [clientLanguage(), 'en']) {
    const candidate = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', language, `${id}.md`);
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // Not in this language; try English.
    }
  }
  return undefined;
}

async function pickRule(context: vscode.ExtensionContext): Promise<string | undefined> {
  const folder = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', 'en');
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const ids = entries.filter(([name]) => name.endsWith('.md')).map(([name]) => name.slice(0, -3)).sort();
  return vscode.window.showQuickPick(ids, { placeHolder: t('Which rule?') });
}
