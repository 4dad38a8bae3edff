// VS Code started with --locale es: our command titles and diagnostics reach the user in Spanish.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../runner/paths';
import { commandPaletteTitle, openConfiguredWorkbench, showInPalette } from './configuredWorkbench';
import { MOD, openFile, type Workbench } from './workbench';

function spanishBundleText(english: string, ...values: string[]): string {
  const bundle = JSON.parse(fs.readFileSync(path.join(projectRoot, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;
  const template = bundle[english];
  assert.ok(template, `l10n/bundle.l10n.es.json translates "${english}"`);
  return template.replace(/\{(\d+)\}/g, (_match, index: string) => values[Number(index)]);
}

suite('Spanish workbench (--locale es) @es', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await openConfiguredWorkbench({ locale: 'es' });
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the command palette shows a command title from package.nls.es.json', async () => {
    const { page } = workbench;
    await openFile(page, 'python-venv/Dockerfile');
    const spanishTitle = commandPaletteTitle('dockerfileAdvisor.buildMultiPlatform', 'es');
    assert.notEqual(spanishTitle, commandPaletteTitle('dockerfileAdvisor.buildMultiPlatform', 'en'));
    const row = await showInPalette(page, spanishTitle);
    assert.match(await row.innerText(), new RegExp(spanishTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await workbench.screenshot('30-palette-spanish-command');
    await page.keyboard.press('Escape');
  });

  test('the Problems panel shows the diagnostic in Spanish', async () => {
    const { page } = workbench;
    await openFile(page, 'python-venv/Dockerfile');
    await page.keyboard.press(`${MOD}+Shift+m`);
    const message = spanishBundleText('JSON arguments recommended for {0} to prevent unintended behavior related to OS signals', 'ENTRYPOINT');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: message }).first();
    await row.waitFor({ timeout: 30_000 });
    await workbench.screenshot('31-problems-spanish');
  });
});
