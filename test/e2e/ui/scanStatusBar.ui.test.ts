/// <reference lib="dom" />
// The scan status bar item as users see it, after scans with a stand-in Trivy that prints recorded output.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { projectRoot } from '../runner/paths';
import { backgroundColor, commandPaletteTitle, openConfiguredWorkbench, showInPalette, themeColor } from './configuredWorkbench';
import { openFile, type Workbench } from './workbench';

const RECORDED_TRIVY = path.resolve(projectRoot, '..', 'shared', 'fixtures', 'scanners', 'trivy');
const STAND_INS = path.join(projectRoot, 'test', 'fixtures', 'bin');
const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'];

/** "2 critical · 1 high", counted straight from Trivy's recorded JSON, the way the item should count. */
function expectedCounts(recordedFile: string): { text: string; critical: number; high: number } {
  const report = JSON.parse(fs.readFileSync(path.join(RECORDED_TRIVY, recordedFile), 'utf8')) as {
    Results?: { Vulnerabilities?: { Severity: string }[] }[];
  };
  const counts = new Map<string, number>();
  for (const result of report.Results ?? []) {
    for (const vulnerability of result.Vulnerabilities ?? []) {
      counts.set(vulnerability.Severity, (counts.get(vulnerability.Severity) ?? 0) + 1);
    }
  }
  const text = SEVERITY_ORDER.filter((severity) => counts.has(severity))
    .map((severity) => `${counts.get(severity)} ${severity.toLowerCase()}`)
    .join(' · ');
  return { text, critical: counts.get('CRITICAL') ?? 0, high: counts.get('HIGH') ?? 0 };
}

function scanStatusItem(page: Page): Locator {
  return page.locator('.statusbar-item[id$="dockerfileAdvisor.scanStatus"]');
}

/** Scan Image... from the palette, then the image typed into its picker, as a user does it. */
async function scanFromPalette(page: Page, image: string): Promise<void> {
  await showInPalette(page, commandPaletteTitle('dockerfileAdvisor.scanImage'));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Scan Image' }).waitFor();
  await page.locator('.quick-input-widget input').fill(image);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: image }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The item's text once the scan has ended (no spinner). */
async function finalText(item: Locator): Promise<string> {
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  await item.locator('.codicon-loading').waitFor({ state: 'detached', timeout: 30_000 });
  return (await item.innerText()).replace(/\s+/g, ' ').trim();
}

const recorded = fs.existsSync(RECORDED_TRIVY);

(recorded ? suite : suite.skip)('Scan status bar (recorded output through a stand-in Trivy)', function () {
  this.timeout(120_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await openConfiguredWorkbench({
      userSettings: {
        'dockerfileAdvisor.scan.scanner': 'trivy',
        'dockerfileAdvisor.scan.trivyPath': path.join(STAND_INS, 'trivy'),
        'dockerfileAdvisor.docker.path': path.join(STAND_INS, 'docker'),
      },
    });
    await openFile(workbench.page, 'python-venv/Dockerfile');
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('findings: the counts by severity, with the error background when any is critical', async () => {
    const { page } = workbench;
    const expected = expectedCounts('image-alpine-39-high-critical.json');
    assert.ok(expected.critical > 0, 'the recorded alpine:3.9 scan has critical findings');
    await scanFromPalette(page, 'alpine:3.9');
    const item = scanStatusItem(page);
    assert.equal(await finalText(item), expected.text);
    assert.equal(await item.locator('.codicon-shield').count(), 1, 'the $(shield) icon leads the text');
    assert.equal(await backgroundColor(item), await themeColor(page, '--vscode-statusBarItem-errorBackground'));
    await workbench.screenshot('10-scan-status-critical');
    await workbench.screenshot('11-scan-status-critical-item', page.locator('.part.statusbar'));
  });

  test('findings without critical or high: the counts and no coloured background', async () => {
    const { page } = workbench;
    const expected = expectedCounts('image-alpine-310.json');
    assert.equal(expected.critical + expected.high, 0, 'the recorded alpine:3.10 scan has neither critical nor high');
    await scanFromPalette(page, 'alpine:3.10');
    const item = scanStatusItem(page);
    await page.waitForFunction(
      ([selector, text]) => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() === text,
      [`.statusbar-item[id$="dockerfileAdvisor.scanStatus"]`, expected.text] as const,
      { timeout: 30_000 },
    );
    assert.equal(await finalText(item), expected.text);
    assert.notEqual(await backgroundColor(item), await themeColor(page, '--vscode-statusBarItem-errorBackground'));
    assert.notEqual(await backgroundColor(item), await themeColor(page, '--vscode-statusBarItem-warningBackground'));
  });

  test('a failed scan says "scan failed", never a count', async () => {
    const { page } = workbench;
    await scanFromPalette(page, 'missing-image:1.0');
    const item = scanStatusItem(page);
    await page.waitForFunction((selector) => /scan failed/.test(document.querySelector(selector)?.textContent ?? ''), `.statusbar-item[id$="dockerfileAdvisor.scanStatus"]`, { timeout: 30_000 });
    const text = await finalText(item);
    assert.equal(text, 'scan failed');
    assert.doesNotMatch(text, /\d/);
    assert.equal(await backgroundColor(item), await themeColor(page, '--vscode-statusBarItem-warningBackground'));
    const error = page.locator('.notifications-toasts .notification-toast', { hasText: /missing-image/ }).first();
    await error.waitFor({ timeout: 10_000 });
    await workbench.screenshot('12-scan-status-failed');
  });
});
