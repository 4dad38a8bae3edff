// Spanish: with `--locale es` (and the e2e language pack) and through the extension's own setting.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXAMPLE_DOCKERFILE, advisorExtension, hoverText, openWorkspaceFile, positionOf, waitFor } from './helpers';
import { suiteOptions } from './options';
import { featureTest } from './pendingFeatures';

async function hoverOnFrom(): Promise<string> {
  const editor = await openWorkspaceFile(EXAMPLE_DOCKERFILE);
  const position = positionOf(editor.document, 'FROM').translate(0, 1);
  return waitFor('a hover on FROM', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    return hovers.length > 0 ? hoverText(hovers) : undefined;
  });
}

function readManifestTranslations(): Record<string, string> | undefined {
  const file = vscode.Uri.joinPath(advisorExtension().extensionUri, 'package.nls.es.json').fsPath;
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : undefined;
}

(suiteOptions.mode === 'es' ? suite : suite.skip)('Spanish locale @es', () => {
  test('VS Code runs in Spanish', () => {
    assert.equal(vscode.env.language, 'es');
  });

  // The suite lives inside the extension's folder, so its `vscode.l10n` is the extension's own;
  // VS Code loads an extension's bundle when it activates.
  test('vscode.l10n gives the Spanish of l10n/bundle.l10n.es.json', async () => {
    await openWorkspaceFile(EXAMPLE_DOCKERFILE);
    await waitFor('the extension to activate', () => (advisorExtension().isActive ? true : undefined));
    const bundleFile = vscode.Uri.joinPath(advisorExtension().extensionUri, 'l10n', 'bundle.l10n.es.json').fsPath;
    assert.ok(fs.existsSync(bundleFile), `${bundleFile} exists`);
    const bundle = JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as Record<string, unknown>;
    const [english, spanish] = Object.entries(bundle).find(([key, value]) => typeof value === 'string' && !key.includes('{')) ?? [];
    assert.ok(typeof english === 'string' && typeof spanish === 'string', 'the bundle has a plain string to check');
    assert.equal(vscode.l10n.t(english), spanish);
  });

  test('the manifest strings come from package.nls.es.json', () => {
    const translations = readManifestTranslations();
    assert.ok(translations, 'package.nls.es.json exists');
    const description: string = advisorExtension().packageJSON.description;
    assert.equal(description, translations['extension.description']);
  });
});

suite('Spanish through the dockerfileAdvisor.language setting', () => {
  featureTest('spanishSetting', 'hover turns Spanish after setting dockerfileAdvisor.language to es', async () => {
    const configuration = vscode.workspace.getConfiguration('dockerfileAdvisor');
    const english = await hoverOnFrom();
    await configuration.update('language', 'es', vscode.ConfigurationTarget.Global);
    try {
      const spanish = await waitFor('a Spanish hover on FROM', async () => {
        const text = await hoverOnFrom();
        return text !== english ? text : undefined;
      });
      assert.match(spanish, /imagen/i);
    } finally {
      await configuration.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
