// Builds the throwaway workspace of one run: the fixture folder plus the guide's example.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exampleDockerfile, fixtureWorkspaceDir } from './paths';

/** The example is copied rather than duplicated in the fixtures, so the suite follows its edits. */
export function prepareWorkspace(runDir: string): string {
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(fixtureWorkspaceDir, workspace, { recursive: true });
  if (fs.existsSync(exampleDockerfile)) {
    fs.mkdirSync(path.join(workspace, 'python-venv'), { recursive: true });
    fs.copyFileSync(exampleDockerfile, path.join(workspace, 'python-venv', 'Dockerfile'));
  } else {
    console.warn(`[e2e] ${exampleDockerfile} is missing; tests on the guide's example will fail.`);
  }
  return workspace;
}
