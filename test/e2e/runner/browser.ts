// Debian's Chromium driven by playwright-core, opening code-server's workbench.
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from './paths';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface WorkbenchUrlOptions {
  origin: string;
  port: number;
  workspaceFolder: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

/**
 * The workbench URL; development and tests paths travel in the `payload` query parameter as
 * vscode-remote URIs, the route VS Code's own browser integration tests use.
 */
export function workbenchUrl(options: WorkbenchUrlOptions): string {
  const remote = (absolutePath: string): string => `vscode-remote://127.0.0.1:${options.port}${absolutePath}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  }
  if (options.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  }
  payload.push(['skipWelcome', 'true']);
  return `${options.origin}/?folder=${encodeURIComponent(options.workspaceFolder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function openPage(browser: Browser, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}
