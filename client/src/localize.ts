// Client messages in the language the user chose: VS Code's display language, or `dockerfileAdvisor.language`.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

type Replacement = string | number | boolean;

let override: 'en' | 'es' | undefined;

/** Re-reads `dockerfileAdvisor.language`; `auto` follows VS Code's own localization. */
export function configureLocalization(extensionUri: vscode.Uri): void {
  const setting = vscode.workspace.getConfiguration('dockerfileAdvisor').get<string>('language', 'auto');
  override = setting === 'en' || setting === 'es' ? setting : undefined;
  if (override === 'es') {
    l10n.config({ fsPath: vscode.Uri.joinPath(extensionUri, 'l10n', 'bundle.l10n.es.json').fsPath });
  } else if (override === 'en') {
    l10n.config({ contents: {} });
  } else {
    // `auto`: modules without `vscode` (client/src/scan, client/src/build) translate through @vscode/l10n too.
    l10n.config({ contents: vscode.l10n.bundle ?? {} });
  }
}

/** Translates `message` (the English text is the key), like `vscode.l10n.t`. */
export function t(message: string, ...args: Replacement[]): string {
  return override ? l10n.t(message, ...args) : vscode.l10n.t(message, ...args);
}

/** The language in effect for client messages. */
export function clientLanguage(): 'en' | 'es' {
  if (override) {
    return override;
  }
  return vscode.env.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}
