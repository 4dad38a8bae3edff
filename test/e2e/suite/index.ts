// Entry point the extension host calls (extensionTestsPath): runs every *.test.js beside it with mocha.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { suiteOptions } from './options';

/** Activation must be observed before any other test opens a Dockerfile. */
const FIRST_FILES = ['activation.test.js'];

function orderedTestFiles(): string[] {
  const names = fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js'));
  const first = FIRST_FILES.filter((name) => names.includes(name));
  const rest = names.filter((name) => !first.includes(name)).sort();
  return [...first, ...rest].map((name) => path.join(__dirname, name));
}

/**
 * Tags in test titles pick what each mode runs: `@es` tests need the Spanish locale and run
 * only there; the VSIX smoke run takes the `@smoke` tests.
 */
function applyModeFilter(mocha: Mocha): void {
  if (suiteOptions.grep) {
    mocha.grep(suiteOptions.grep);
  } else if (suiteOptions.mode === 'es') {
    mocha.grep('@es');
  } else if (suiteOptions.mode === 'vsix') {
    mocha.grep('@smoke');
  } else {
    mocha.grep('@es').invert();
  }
}

interface FailureRecord {
  title: string;
  error: string;
}

function writeResults(stats: Mocha.Stats | undefined, failures: FailureRecord[], pending: string[]): void {
  if (!suiteOptions.resultsFile) {
    return;
  }
  fs.writeFileSync(suiteOptions.resultsFile, JSON.stringify({ stats, failures, pending }, null, 2));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  applyModeFilter(mocha);
  // The files are loaded by hand rather than with addFile so that the bundled mocha does not
  // need to resolve them; these events are what mocha's own loader emits around each file.
  for (const file of orderedTestFiles()) {
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, file, mocha);
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_REQUIRE, require(file), file, mocha);
    mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, file, mocha);
  }
  return new Promise((resolve, reject) => {
    const failures: FailureRecord[] = [];
    const pending: string[] = [];
    const runner = mocha.run((failureCount) => {
      writeResults(runner.stats, failures, pending);
      if (failureCount > 0) {
        reject(new Error(`${failureCount} end-to-end test(s) failed.`));
      } else {
        resolve();
      }
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error: Error) => {
      failures.push({ title: test.fullTitle(), error: error.stack ?? String(error) });
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => pending.push(test.fullTitle()));
  });
}
