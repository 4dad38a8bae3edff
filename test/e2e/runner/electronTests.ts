// Runs the same bundled suite in desktop VS Code through @vscode/test-electron, where one is available.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { makeTempDir } from './codeServer';
import { projectRoot } from './paths';
import { prepareWorkspace } from './workspace';

/**
 * Uses VSCODE_EXECUTABLE when set; otherwise test-electron downloads VS Code, which fails on
 * machines that reach only the npm registry (code-server covers those).
 */
export async function runSuiteInElectron(suiteEntry: string): Promise<number> {
  const runDir = makeTempDir('electron');
  try {
    const workspace = prepareWorkspace(runDir);
    return await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: { DFA_E2E_MODE: 'trusted', DFA_E2E_RESULTS_FILE: path.join(runDir, 'results.json') },
      launchArgs: [
        workspace,
        '--disable-workspace-trust',
        '--disable-extensions',
        '--user-data-dir', path.join(runDir, 'user-data'),
        '--extensions-dir', path.join(runDir, 'extensions'),
      ],
    });
  } catch (error) {
    console.error(`[e2e] VS Code desktop run failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
