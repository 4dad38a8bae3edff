// A code-server workbench in Chromium with the extension under development, for tests that drive the UI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openPage, workbenchUrl } from '../runner/browser';
import { makeTempDir, startCodeServer, type RunningCodeServer } from '../runner/codeServer';
import { projectRoot, screenshotsDir } from '../runner/paths';
import { prepareWorkspace } from '../runner/workspace';

export interface Workbench {
  page: Page;
  workspace: string;
  /** Saves test-results/screenshots/NAME.png of the page, or of one part of it. */
  screenshot(name: string, part?: Locator): Promise<string>;
  close(): Promise<void>;
}

const isMac = process.platform === 'darwin';
export const MOD = isMac ? 'Meta' : 'Control';

export async function openWorkbench(): Promise<Workbench> {
  const runDir = makeTempDir('ui');
  const workspace = prepareWorkspace(runDir);
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({
      workspaceFolder: workspace,
      userDataDir: path.join(runDir, 'user-data'),
      extensionsDir: path.join(runDir, 'extensions'),
    });
    browser = await launchChromium();
    const page = await openPage(browser);
    await page.goto(workbenchUrl({ origin: server.origin, port: server.port, workspaceFolder: workspace, extensionDevelopmentPath: projectRoot }));
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    // The explorer lists the workspace once the remote file system answers.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    fs.mkdirSync(screenshotsDir, { recursive: true });
    return {
      page,
      workspace,
      screenshot: async (name, part) => {
        const file = path.join(screenshotsDir, `${name}.png`);
        await (part ?? page).screenshot({ path: file });
        return file;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Quick Open (Ctrl+P): opens a workspace file by its relative path and waits for its editor. */
export async function openFile(page: Page, relativePath: string): Promise<Locator> {
  await page.keyboard.press(`${MOD}+p`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relativePath) }).first().waitFor();
  await page.keyboard.press('Enter');
  const tab = page.locator('.tabs-container .tab.active', { hasText: path.basename(relativePath) });
  await tab.waitFor();
  const editor = page.locator('.editor-instance .monaco-editor:visible').first();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/**
 * Moves the mouse onto `target` the way a hand does, in several steps, until `widget` shows:
 * Monaco starts a hover from a series of mouse moves, and one jump (Playwright's hover()) may
 * show nothing. Returns the visible widget.
 */
export async function hoverUntilVisible(page: Page, target: Locator, widget: Locator, timeoutMs = 20_000): Promise<Locator> {
  await target.waitFor({ state: 'visible' });
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const box = await target.boundingBox();
    if (!box) {
      // Monaco re-renders a line when semantic tokens or decorations arrive; look again until the deadline.
      if (Date.now() > deadline) {
        throw new Error('The element to hover is not on screen.');
      }
      await page.waitForTimeout(200);
      continue;
    }
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x - 40, centre.y + 30);
    await page.mouse.move(centre.x, centre.y, { steps: 8 });
    await page.mouse.move(centre.x + 1 + (attempt % 3), centre.y, { steps: 2 });
    try {
      await widget.waitFor({ state: 'visible', timeout: 2_000 });
      return widget;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
  }
}

/** Runs a command by its title from the command palette (F1). */
export async function runFromPalette(page: Page, title: string, beforeEnter?: () => Promise<void>): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await beforeEnter?.();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}
