// The TextMate grammar in the workbench: VS Code tokenizes Dockerfiles with ours, not the built-in one.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { goToLine, openConfiguredWorkbench, showInPalette } from './configuredWorkbench';
import { openFile, type Workbench } from './workbench';

const GRAMMAR_FIXTURE = 'grammar/Dockerfile';
const OUR_SCOPE = 'source.dockerfile.advisor';
/** What the built-in docker extension's grammar would show as the root scope. */
const BUILT_IN_ROOT = /^source\.dockerfile$/m;

/** Developer: Inspect Editor Tokens and Scopes at a position; gives the widget's text. */
async function inspectTokenAt(page: Page, line: number, column: number): Promise<string> {
  await goToLine(page, line, column);
  await showInPalette(page, 'Developer: Inspect Editor Tokens and Scopes');
  await page.keyboard.press('Enter');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ state: 'visible', timeout: 20_000 });
  await widget.locator('.tiw-metadata-scopes, .tm-metadata-scopes, table').first().waitFor();
  return widget.innerText();
}

async function closeInspector(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.token-inspect-widget').waitFor({ state: 'hidden' });
}

suite('Grammar in the workbench', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await openConfiguredWorkbench({});
    await openFile(workbench.page, GRAMMAR_FIXTURE);
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('a --mount flag is tokenized by source.dockerfile.advisor', async () => {
    const { page } = workbench;
    // Line 3 is `RUN --mount=type=cache,...`; column 7 is inside "mount".
    const text = await inspectTokenAt(page, 3, 7);
    await workbench.screenshot('20-grammar-inspect-mount-flag');
    await closeInspector(page);
    assert.match(text, /dockerfile/, 'the language is dockerfile');
    assert.ok(text.includes(OUR_SCOPE), `our root scope is listed:\n${text}`);
    assert.doesNotMatch(text, BUILT_IN_ROOT, 'the built-in grammar is not the one in use');
    assert.match(text, /entity\.other\.attribute-name\.flag\.dockerfile/);
  });

  test('a heredoc body line is tokenized by our grammar as embedded shell', async () => {
    const { page } = workbench;
    // Line 8 is `echo "heredoc body runs in sh" > /greeting.txt`, inside RUN <<EOT.
    const text = await inspectTokenAt(page, 8, 3);
    await workbench.screenshot('21-grammar-inspect-heredoc');
    await closeInspector(page);
    assert.ok(text.includes(OUR_SCOPE), `our root scope is listed:\n${text}`);
    assert.match(text, /meta\.embedded\.block\.shellscript|meta\.heredoc\.dockerfile/);
  });

  test('the Dockerfile with heredocs and --mount flags, as users see it', async () => {
    const { page } = workbench;
    const editor = await openFile(page, GRAMMAR_FIXTURE);
    await goToLine(page, 1, 1);
    // Flags and heredoc markers get token classes of their own (mtkN), so the grammar colours them.
    const flagClass = await editor.locator('.view-line span', { hasText: /^(--)?mount$/ }).first().getAttribute('class');
    const runClass = await editor.locator('.view-line span', { hasText: /^RUN$/ }).first().getAttribute('class');
    assert.match(flagClass ?? '', /mtk\d+/);
    assert.notEqual(flagClass, runClass, 'the flag is coloured apart from the instruction keyword');
    await workbench.screenshot('22-grammar-heredoc-and-mount');
  });
});
