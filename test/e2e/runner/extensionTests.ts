// Runs the bundled suite inside code-server's extension host and reports mocha's result.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, workbenchUrl } from './browser';
import { makeTempDir, startCodeServer, type RunningCodeServer } from './codeServer';
import { installSpanishLanguagePack } from './languagePack';
import { projectRoot } from './paths';
import { prepareWorkspace } from './workspace';

export interface SuiteRunOptions {
  /** Bundled suite entry (dist-test/e2e/index.js). */
  suiteEntry: string;
  mode: 'trusted' | 'restricted' | 'es' | 'vsix';
  /** Loads the checkout as the extension under development; unset to test an installed VSIX. */
  extensionDevelopmentPath?: string;
  /** An extensions folder prepared beforehand (the VSIX mode installs into it). */
  extensionsDir?: string;
  userDataDir?: string;
  grep?: string;
  timeoutMs: number;
}

interface SuiteResults {
  stats?: { tests: number; passes: number; failures: number; pending: number; duration: number };
  failures: { title: string; error: string }[];
  pending: string[];
}

export interface SuiteOutcome {
  exitCode: number;
  results?: SuiteResults;
  metrics: Record<string, string>;
}

/** The workbench forwards console calls as (format, ...values), printf style like Node's console. */
function formatLogArguments(args: unknown): string {
  const values: unknown[] = Array.isArray(args) ? args : [args];
  return format(...values);
}

/** Workbench chatter that says nothing about the extension or the suite. */
const NOISE = [
  /getaddrinfo|open-vsx|marketplace|update\.code\.visualstudio/i,
  /^Resolv(ing|ed) connection token|^Creation of workbench contribution|^Creating a socket|^\[Service Worker\]|^ChatSessionStore|^Updating additional builtin/,
  /vsda/,
];

function isNoise(line: string): boolean {
  return NOISE.some((pattern) => pattern.test(line));
}

/**
 * VS Code runs extensionTestsPath only alongside an extension under development. To test an
 * installed VSIX rather than the checkout, this empty extension (no code, another id) takes
 * that place, so the extension under test is the one from the extensions folder.
 */
function createTestHostExtension(runDir: string): string {
  const hostDir = path.join(runDir, 'vsix-test-host');
  fs.mkdirSync(hostDir, { recursive: true });
  fs.writeFileSync(
    path.join(hostDir, 'package.json'),
    JSON.stringify({ name: 'vsix-test-host', publisher: 'dockerfile-advisor-e2e', version: '0.0.0', engines: { vscode: '*' } }),
  );
  return hostDir;
}

export async function runSuiteInCodeServer(options: SuiteRunOptions): Promise<SuiteOutcome> {
  const runDir = makeTempDir(options.mode);
  const userDataDir = options.userDataDir ?? path.join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(runDir, 'extensions');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const workspace = prepareWorkspace(runDir);
  const resultsFile = path.join(runDir, 'results.json');
  if (options.mode === 'es') {
    installSpanishLanguagePack(userDataDir, extensionsDir);
  }
  const extensionDevelopmentPath = options.extensionDevelopmentPath ?? createTestHostExtension(runDir);

  const metrics: Record<string, string> = {};
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    server = await startCodeServer({
      workspaceFolder: workspace,
      restricted: options.mode === 'restricted',
      locale: options.mode === 'es' ? 'es' : undefined,
      userDataDir,
      extensionsDir,
      env: {
        DFA_E2E_MODE: options.mode,
        DFA_E2E_RESULTS_FILE: resultsFile,
        DFA_E2E_EXTENSIONS_DIR: extensionsDir,
        ...(options.grep ? { DFA_E2E_GREP: options.grep } : {}),
      },
      onOutput: (line) => {
        if (!isNoise(line)) {
          console.log(`[code-server] ${line}`);
        }
      },
    });
    browser = await launchChromium();
    const page = await openPage(browser);
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const text = formatLogArguments(args);
      const metric = /\[metric\] (\w+)=(\S+)/.exec(text);
      if (metric) {
        metrics[metric[1]] = metric[2];
      }
      if (!isNoise(text)) {
        console.log(type === 'error' ? `[host:error] ${text}` : text);
      }
    });
    page.on('pageerror', (error) => console.log(`[workbench:pageerror] ${error.message}`));
    const timedOut = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`[e2e] the ${options.mode} suite did not finish within ${options.timeoutMs / 1000} s.`);
        resolve(124);
      }, options.timeoutMs);
    });
    await page.goto(
      workbenchUrl({
        origin: server.origin,
        port: server.port,
        workspaceFolder: workspace,
        extensionDevelopmentPath,
        extensionTestsPath: options.suiteEntry,
      }),
    );
    const code = await Promise.race([exitCode, timedOut]);
    const results = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults) : undefined;
    const failedByResults = results?.stats !== undefined && results.stats.failures > 0;
    return { exitCode: code === 0 && failedByResults ? 1 : code, results, metrics };
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (!process.env.DFA_E2E_KEEP) {
      fs.rmSync(runDir, { recursive: true, force: true });
    }
  }
}

export function defaultExtensionDevelopmentPath(): string {
  return projectRoot;
}
