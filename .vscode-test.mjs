// @vscode/test-cli configuration: the extension-host suite in desktop VS Code (`npx vscode-test`).
// Bundle the suite first (`npx tsx test/e2e/run.ts electron` does both); set VSCODE_EXECUTABLE
// to a local VS Code, otherwise test-cli downloads one (impossible where only npm is reachable:
// there `tsx test/e2e/run.ts suite` runs the same suite in code-server).
import { defineConfig } from '@vscode/test-cli';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The suite may edit files, so it gets a copy of the fixture workspace plus the guide's example.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dfa-e2e-cli-'));
fs.cpSync('test/e2e/fixtures/workspace', workspace, { recursive: true });
fs.mkdirSync(path.join(workspace, 'python-venv'), { recursive: true });
fs.copyFileSync('examples/python-venv/Dockerfile', path.join(workspace, 'python-venv', 'Dockerfile'));

export default defineConfig({
  files: 'dist-test/e2e/*.test.js',
  workspaceFolder: workspace,
  useInstallation: process.env.VSCODE_EXECUTABLE ? { fromPath: process.env.VSCODE_EXECUTABLE } : undefined,
  launchArgs: ['--disable-workspace-trust', '--disable-extensions'],
  env: { DFA_E2E_MODE: 'trusted' },
  mocha: { ui: 'tdd', timeout: 30_000 },
});
