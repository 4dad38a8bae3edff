/// <reference lib="dom" />
// A workbench for UI tests that need user settings (stand-in tools) or the Spanish locale before VS Code starts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openPage, workbenchUrl } from '../runner/browser';
import { makeTempDir, startCodeServer, type RunningCodeServer } from '../runner/codeServer';
import { installSpanishLanguagePack } from '../runner/languagePack';
import { projectRoot, screenshotsDir } from '../runner/paths';
import { prepareWorkspace } from '../runner/workspace';
import { MOD, type Workbench } from './workbench';

export interface WorkbenchSetup {
  /** Written to the user's settings.json, where machine-scoped settings (executable paths) may be set. */
  userSettings?: Record<string, unknown>;
  /** `es` starts VS Code in Spanish, with the e2e language pack that makes the locale take effect. */
  locale?: 'es';
}

export async function openConfiguredWorkbench(setup: WorkbenchSetup): Promise<Workbench> {
  const runDir = makeTempDir('ui-configured');
  const workspace = prepareWorkspace(runDir);
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (setup.userSettings) {
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(setup.userSettings, null, 2));
  }
  if (setup.locale === 'es') {
    installSpanishLanguagePack(userDataDir, extensionsDir);
  }
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  try {
    server = await startCodeServer({ workspaceFolder: workspace, userDataDir, extensionsDir, locale: setup.locale });
    browser = await launchChromium();
    const page = await openPage(browser);
    await page.goto(workbenchUrl({ origin: server.origin, port: server.port, workspaceFolder: workspace, extensionDevelopmentPath: projectRoot }));
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
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

/** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G), as a user would. */
export async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press(`${MOD}+g`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  // The ":" prefix is Go to Line's own; the browser workbench may open plain Quick Open instead.
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The computed CSS colour of a theme colour variable, e.g. `--vscode-statusBarItem-errorBackground`, as rgb(). */
export async function themeColor(page: Page, variable: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement('div');
    probe.style.backgroundColor = `var(${name})`;
    document.querySelector('.monaco-workbench')?.appendChild(probe);
    const color = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return color;
  }, variable);
}

export async function backgroundColor(element: Locator): Promise<string> {
  return element.evaluate((node) => getComputedStyle(node).backgroundColor);
}

/** A contributed command as the palette shows it ("Category: Title"), in English or from package.nls.es.json. */
export function commandPaletteTitle(command: string, locale: 'en' | 'es' = 'en'): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const nlsFile = path.join(projectRoot, locale === 'es' ? 'package.nls.es.json' : 'package.nls.json');
  const strings = JSON.parse(fs.readFileSync(nlsFile, 'utf8')) as Record<string, string>;
  const entry = (manifest.contributes.commands as { command: string; title: string; category?: string }[]).find((candidate) => candidate.command === command);
  if (!entry) {
    throw new Error(`${command} is not contributed in package.json.`);
  }
  const resolve = (text: string): string => text.replace(/^%(.+)%$/, (_match, key: string) => strings[key] ?? text);
  return entry.category ? `${resolve(entry.category)}: ${resolve(entry.title)}` : resolve(entry.title);
}

/** Opens the command palette on `title` and waits for its row; the caller presses Enter or takes a screenshot first. */
export async function showInPalette(page: Page, title: string): Promise<Locator> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  return row;
}
