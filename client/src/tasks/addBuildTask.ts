// "Add a multi-platform build task": writes a `buildx` task for a Dockerfile into its folder's .vscode/tasks.json.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BUILDKIT_PROBLEM_MATCHER } from '../build/buildTask';
import { isValidPlatform } from '../build/platforms';
import { taskDefinitionFromOptions } from '../build/taskDefinition';
import { t } from '../localize';
import { addTaskToTasksJson, TasksJsonError } from './tasksJson';

export const ADD_BUILD_TASK_COMMAND = 'dockerfileAdvisor.addBuildTask';

const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];

export interface AddBuildTaskResult {
  readonly outcome: 'added' | 'exists';
  readonly tasksFile: string;
  readonly label: string | undefined;
}

/**
 * The command: `target` is the Dockerfile (a URI string from the server's code action, a Uri
 * from a menu, or nothing for the active editor); `platforms` overrides the setting.
 * Resolves with what happened, or undefined when it told the user why it could not.
 */
export async function addBuildTask(log: vscode.LogOutputChannel, target?: unknown, platforms?: unknown): Promise<AddBuildTaskResult | undefined> {
  const dockerfile = dockerfileUri(target);
  if (!dockerfile) {
    void vscode.window.showErrorMessage(t('Open a Dockerfile first: the build task is added for the Dockerfile in the editor.'));
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(dockerfile);
  if (!folder || dockerfile.scheme !== 'file') {
    void vscode.window.showErrorMessage(t('{0} is not in a folder of this workspace, so it has no tasks.json. Open its folder, then add the task again.', path.basename(dockerfile.fsPath)));
    return undefined;
  }
  const chosen = platformList(platforms) ?? platformList(vscode.workspace.getConfiguration('dockerfileAdvisor', dockerfile).get('build.platforms')) ?? DEFAULT_PLATFORMS;
  const relativeDockerfile = path.relative(folder.uri.fsPath, dockerfile.fsPath).split(path.sep).join('/');
  const definition = taskDefinitionFromOptions(
    { dockerfile: dockerfile.fsPath, context: path.dirname(dockerfile.fsPath), platforms: chosen, tags: [], output: { type: 'image' }, buildArgs: {} },
    folder.uri.fsPath,
  );
  const tasksFile = vscode.Uri.joinPath(folder.uri, '.vscode', 'tasks.json');
  const existing = await openIfExists(tasksFile);
  let update;
  try {
    update = addTaskToTasksJson(
      existing?.getText(),
      {
        label: t('Build {0} for {1}', relativeDockerfile, chosen.join(', ')),
        definition: { ...definition, dockerfile: relativeDockerfile, context: definition.context?.split(path.sep).join('/') },
        presentation: { group: 'build', problemMatcher: [BUILDKIT_PROBLEM_MATCHER] },
      },
      folder.uri.fsPath,
      chosen,
    );
  } catch (error) {
    if (error instanceof TasksJsonError) {
      log.warn(`${tasksFile.fsPath}: ${error.message}`);
      const open = t('Open tasks.json');
      if ((await vscode.window.showErrorMessage(error.message, open)) === open) {
        await vscode.window.showTextDocument(tasksFile);
      }
      return undefined;
    }
    throw error;
  }
  if (update.kind === 'exists') {
    void offerToOpen(tasksFile, t('.vscode/tasks.json already has a task that builds {0} for {1}; nothing was changed.', relativeDockerfile, chosen.join(', ')));
    return { outcome: 'exists', tasksFile: tasksFile.fsPath, label: update.label };
  }
  if (existing) {
    // Through the open document, so unsaved changes there are kept and the edit can be undone.
    const edit = new vscode.WorkspaceEdit();
    for (const change of update.edits) {
      const range = new vscode.Range(existing.positionAt(change.offset), existing.positionAt(change.offset + change.length));
      edit.replace(tasksFile, range, change.content);
    }
    if (!(await vscode.workspace.applyEdit(edit)) || !(await existing.save())) {
      void vscode.window.showErrorMessage(t('The build task could not be written to {0}.', tasksFile.fsPath));
      return undefined;
    }
  } else {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.vscode'));
    await vscode.workspace.fs.writeFile(tasksFile, new TextEncoder().encode(update.text));
  }
  log.info(`${tasksFile.fsPath}: added the task "${update.label}"`);
  void offerToOpen(tasksFile, t('Added the task "{0}" to .vscode/tasks.json. Run it with "Tasks: Run Task".', update.label));
  return { outcome: 'added', tasksFile: tasksFile.fsPath, label: update.label };
}

function dockerfileUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) {
    return target;
  }
  if (typeof target === 'string' && target !== '') {
    return vscode.Uri.parse(target, true);
  }
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'dockerfile' ? document.uri : undefined;
}

function platformList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const platforms = value.filter((item): item is string => typeof item === 'string' && isValidPlatform(item));
  return platforms.length > 0 ? platforms : undefined;
}

async function openIfExists(file: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    await vscode.workspace.fs.stat(file);
  } catch {
    return undefined;
  }
  return vscode.workspace.openTextDocument(file);
}

async function offerToOpen(file: vscode.Uri, message: string): Promise<void> {
  const open = t('Open tasks.json');
  if ((await vscode.window.showInformationMessage(message, open)) === open) {
    await vscode.window.showTextDocument(file);
  }
}
