// Entry point of the end-to-end tests in a real VS Code (code-server): `tsx test/e2e/run.ts MODE`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSuite } from './runner/bundleSuite';
import { ensureCodeServerInstalled, installVsix, makeTempDir } from './runner/codeServer';
import { runSuiteInCodeServer, type SuiteOutcome } from './runner/extensionTests';
import { defaultVsixPath, projectRoot } from './runner/paths';
import { runSuiteInElectron } from './runner/electronTests';
import { runUiTests } from './runner/uiTests';

const MODES = ['suite', 'suite-restricted', 'suite-es', 'ui', 'vsix'] as const;
/** Not part of `all`: needs a desktop VS Code (VSCODE_EXECUTABLE) or a download. */
const EXTRA_MODES = ['electron'] as const;
type Mode = (typeof MODES)[number] | (typeof EXTRA_MODES)[number];

const USAGE = `Usage: tsx test/e2e/run.ts <${[...MODES, 'all', ...EXTRA_MODES].join('|')}> [--vsix FILE] [--grep TEXT] [--timeout SECONDS]
  suite             extension-host suite, trusted workspace
  suite-restricted  the same suite with Workspace Trust on (restricted mode)
  suite-es          the Spanish tests with --locale es and a local language pack
  ui                Playwright drives the workbench; screenshots in test-results/screenshots/
  vsix              installs the VSIX (default ${path.relative(projectRoot, defaultVsixPath)}) and runs the @smoke tests
  all               every mode above, in that order
  electron          the suite in desktop VS Code via @vscode/test-electron (VSCODE_EXECUTABLE or a download)`;

interface ModeResult {
  mode: Mode;
  exitCode: number;
  seconds: number;
  summary: string;
}

function describeOutcome(outcome: SuiteOutcome): string {
  const stats = outcome.results?.stats;
  const counts = stats
    ? `${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending (mocha ${stats.duration} ms)`
    : 'no mocha results (the suite did not run to its end)';
  const metrics = Object.entries(outcome.metrics).map(([name, value]) => `${name} ${value}`).join(', ');
  if (Object.keys(outcome.metrics).length > 0) {
    // `npm run bench` reads the activation time from here.
    fs.mkdirSync(path.join(projectRoot, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, 'test-results', 'e2e-metrics.json'), `${JSON.stringify(outcome.metrics, null, 2)}\n`);
  }
  const failures = (outcome.results?.failures ?? []).map((failure) => `\n    ✗ ${failure.title}`).join('');
  return `${counts}${metrics ? `; ${metrics}` : ''}${failures}`;
}

async function runMode(mode: Mode, options: { vsix: string; grep?: string; timeoutMs: number }): Promise<ModeResult> {
  const started = Date.now();
  const finish = (exitCode: number, summary: string): ModeResult => ({ mode, exitCode, seconds: (Date.now() - started) / 1000, summary });
  console.log(`\n[e2e] ===== ${mode} =====`);
  if (mode === 'ui') {
    const outcome = await runUiTests({ timeoutMs: options.timeoutMs, grep: options.grep });
    return finish(outcome.exitCode, outcome.summary);
  }
  const suiteEntry = await bundleSuite();
  if (mode === 'electron') {
    const exitCode = await runSuiteInElectron(suiteEntry);
    return finish(exitCode, 'see mocha output above');
  }
  if (mode === 'vsix') {
    if (!fs.existsSync(options.vsix)) {
      return finish(1, `no VSIX at ${options.vsix}; run \`npm run package\` first`);
    }
    const stateDir = makeTempDir('vsix-install');
    try {
      const extensionsDir = path.join(stateDir, 'extensions');
      const userDataDir = path.join(stateDir, 'user-data');
      console.log((await installVsix(options.vsix, extensionsDir, userDataDir)).trim());
      const outcome = await runSuiteInCodeServer({ suiteEntry, mode: 'vsix', extensionsDir, userDataDir, grep: options.grep, timeoutMs: options.timeoutMs });
      return finish(outcome.exitCode, describeOutcome(outcome));
    } finally {
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  }
  const suiteMode = mode === 'suite-restricted' ? 'restricted' : mode === 'suite-es' ? 'es' : 'trusted';
  const outcome = await runSuiteInCodeServer({
    suiteEntry,
    mode: suiteMode,
    extensionDevelopmentPath: projectRoot,
    grep: options.grep,
    timeoutMs: options.timeoutMs,
  });
  return finish(outcome.exitCode, describeOutcome(outcome));
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      vsix: { type: 'string', default: defaultVsixPath },
      grep: { type: 'string' },
      timeout: { type: 'string', default: '300' },
      help: { type: 'boolean', default: false },
    },
  });
  const requested = positionals[0] ?? 'suite';
  const known: readonly string[] = [...MODES, ...EXTRA_MODES, 'all'];
  if (values.help || !known.includes(requested)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const modes: readonly Mode[] = requested === 'all' ? MODES : [requested as Mode];
  const timeoutMs = Number(values.timeout) * 1000;
  if (!(timeoutMs > 0)) {
    console.error(`--timeout must be a number of seconds, not "${values.timeout}".`);
    return 2;
  }
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'client.js'))) {
    console.error('dist/client.js is missing: run `npm run build` first.');
    return 1;
  }
  if (modes.some((mode) => mode !== 'electron')) {
    await ensureCodeServerInstalled();
  }

  const results: ModeResult[] = [];
  for (const mode of modes) {
    try {
      results.push(await runMode(mode, { vsix: path.resolve(values.vsix), grep: values.grep, timeoutMs }));
    } catch (error) {
      results.push({ mode, exitCode: 1, seconds: 0, summary: `harness error: ${error instanceof Error ? error.stack : String(error)}` });
    }
  }
  console.log('\n[e2e] ===== summary =====');
  for (const result of results) {
    console.log(`[e2e] ${result.exitCode === 0 ? 'PASS' : 'FAIL'} ${result.mode} (${result.seconds.toFixed(1)} s): ${result.summary}`);
  }
  return results.every((result) => result.exitCode === 0) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
