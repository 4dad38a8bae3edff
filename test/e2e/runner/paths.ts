// Where the end-to-end harness finds the project, its build outputs and its caches.
import * as path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..', '..');
export const e2eRoot = path.join(projectRoot, 'test', 'e2e');
export const suiteSourceDir = path.join(e2eRoot, 'suite');
export const fixtureWorkspaceDir = path.join(e2eRoot, 'fixtures', 'workspace');
export const suiteBundleDir = path.join(projectRoot, 'dist-test', 'e2e');
export const screenshotsDir = path.join(projectRoot, 'test-results', 'screenshots');
export const installScript = path.join(projectRoot, 'scripts', 'install-code-server.sh');
export const codeServerDir = path.join(projectRoot, '.cache', 'code-server', 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');
export const exampleDockerfile = path.join(projectRoot, 'examples', 'python-venv', 'Dockerfile');
export const defaultVsixPath = path.join(projectRoot, 'dist-vsix', 'dockerfile-advisor.vsix');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
