// Runs the Playwright UI tests (test/e2e/ui/*.ui.test.ts) with mocha in this process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { e2eRoot, screenshotsDir } from './paths';

export interface UiOutcome {
  exitCode: number;
  summary: string;
}

export async function runUiTests(options: { timeoutMs: number; grep?: string }): Promise<UiOutcome> {
  const uiDir = path.join(e2eRoot, 'ui');
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, reporter: 'spec', color: false });
  if (options.grep) {
    mocha.grep(options.grep);
  }
  for (const name of fs.readdirSync(uiDir).filter((file) => file.endsWith('.ui.test.ts')).sort()) {
    mocha.addFile(path.join(uiDir, name));
  }
  await mocha.loadFilesAsync();
  let timer: NodeJS.Timeout | undefined;
  const finished = new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    timer = setTimeout(() => {
      console.error(`[e2e] the UI tests did not finish within ${options.timeoutMs / 1000} s.`);
      runner.abort();
    }, options.timeoutMs);
  });
  const failures = await finished;
  clearTimeout(timer);
  const screenshots = fs.existsSync(screenshotsDir) ? fs.readdirSync(screenshotsDir).filter((name) => name.endsWith('.png')).length : 0;
  return {
    exitCode: failures > 0 ? 1 : 0,
    summary: `${failures} failing; ${screenshots} screenshots in ${path.relative(process.cwd(), screenshotsDir) || screenshotsDir}`,
  };
}
