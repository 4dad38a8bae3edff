// What a user sees: hover, Problems panel, command palette and status bar, with screenshots.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../runner/paths';
import { MOD, hoverUntilVisible, openFile, openWorkbench, runFromPalette, type Workbench } from './workbench';

const EXAMPLE = 'python-venv/Dockerfile';

/** The English title of a contributed command, as the palette shows it ("Category: Title"). */
function paletteTitle(command: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const strings = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const entry = (manifest.contributes.commands as { command: string; title: string; category?: string }[]).find((candidate) => candidate.command === command);
  assert.ok(entry, `${command} is contributed`);
  const resolve = (text: string): string => text.replace(/^%(.+)%$/, (_match, key: string) => strings[key] ?? text);
  return entry.category ? `${resolve(entry.category)}: ${resolve(entry.title)}` : resolve(entry.title);
}

suite('Workbench UI', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await openWorkbench();
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the example Dockerfile opens as a Dockerfile', async () => {
    const { page } = workbench;
    const editor = await openFile(page, EXAMPLE);
    await editor.locator('.view-line', { hasText: 'FROM' }).first().waitFor();
    const languageMode = page.locator('.statusbar-item[id="status.editor.mode"]');
    await languageMode.waitFor();
    assert.match((await languageMode.innerText()).trim(), /^Dockerfile$/i);
    await workbench.screenshot('01-example-open');
  });

  test('hovering FROM shows its documentation', async () => {
    const { page } = workbench;
    const editor = await openFile(page, EXAMPLE);
    // Monaco renders spaces as no-break spaces, so the line is matched by its first word only.
    const fromKeyword = editor.locator('.view-line', { hasText: /^FROM\s/ }).first().locator('span:text-is("FROM")').first();
    const hover = await hoverUntilVisible(page, fromKeyword, page.locator('.monaco-hover:not(.hidden) .hover-contents').first());
    const text = await hover.innerText();
    assert.match(text, /image/i);
    await workbench.screenshot('02-hover-from');
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  });

  test('the Problems panel lists the example diagnostic', async () => {
    const { page } = workbench;
    await openFile(page, EXAMPLE);
    await page.keyboard.press(`${MOD}+Shift+m`);
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'JSON arguments recommended' }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /ENTRYPOINT/);
    const badge = page.locator('.statusbar-item[id="status.problems"]');
    assert.match(await badge.innerText(), /[1-9]/, 'the status bar counts the problem');
    await workbench.screenshot('03-problems-panel');
  });

  test('Restart Language Server runs from the command palette', async () => {
    const { page } = workbench;
    await openFile(page, EXAMPLE);
    const title = paletteTitle('dockerfileAdvisor.restartServer');
    await runFromPalette(page, title, () => workbench.screenshot('04-command-palette').then(() => undefined));
    // After the restart the new server publishes again: the problem is still listed.
    await page.keyboard.press(`${MOD}+Shift+m`);
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'JSON arguments recommended' }).first().waitFor({ timeout: 30_000 });
    const errors = page.locator('.notifications-toasts .notification-toast', { hasText: /error|failed/i });
    assert.equal(await errors.count(), 0, 'no error notification after the restart');
  });

  test('the status bar shows the editor state for the Dockerfile', async () => {
    const { page } = workbench;
    await openFile(page, EXAMPLE);
    const statusbar = page.locator('.part.statusbar');
    const text = await statusbar.innerText();
    assert.match(text, /Ln \d+, Col \d+/);
    assert.match(text, /Dockerfile/);
    await workbench.screenshot('05-status-bar', statusbar);
  });
});
