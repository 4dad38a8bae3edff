// The `buildx` task type: tasks in "Run Task" and tasks.json, run through the process runner (no shell) with BuildKit's errors matched.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { t } from '../localize';
import { runProcess } from '../process/runProcess';
import { buildCommandArguments, type BuildOptions } from './buildArgs';
import { BuildOutputRewriter } from './buildOutputPaths';
import { readBuildSettings } from './buildSettings';
import { BUILDX_TASK_TYPE, buildOptionsFromTask, taskDefinitionFromOptions } from './taskDefinition';

export const BUILDKIT_PROBLEM_MATCHER = '$dockerfile-advisor-buildkit';
const DOCKERFILE_GLOB = '**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*}';
const MAX_PROVIDED_TASKS = 20;

/** A task that runs `docker buildx build` for these options, from the Dockerfile's folder. */
export function createBuildTask(options: BuildOptions, folder: vscode.WorkspaceFolder, dockerPath: string): vscode.Task {
  const definition = taskDefinitionFromOptions(options, folder.uri.fsPath);
  return taskFor(definition, options, folder, dockerPath);
}

function taskFor(definition: vscode.TaskDefinition, options: BuildOptions, folder: vscode.WorkspaceFolder, dockerPath: string): vscode.Task {
  const args = buildCommandArguments(options);
  const cwd = path.dirname(options.dockerfile);
  const execution = new vscode.CustomExecution(async () => new BuildTerminal(dockerPath, args, cwd));
  const name = t('Build {0} for {1}', path.relative(folder.uri.fsPath, options.dockerfile) || options.dockerfile, options.platforms.join(', '));
  const task = new vscode.Task(definition, folder, name, 'Dockerfile Advisor', execution, [BUILDKIT_PROBLEM_MATCHER]);
  task.group = vscode.TaskGroup.Build;
  return task;
}

/**
 * Runs the build through the process runner (argument array, no shell, cancellable) and
 * shows its output with BuildKit's error locations made absolute for the problem matcher.
 */
class BuildTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  private readonly cancel = new AbortController();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;

  constructor(
    private readonly dockerPath: string,
    private readonly args: readonly string[],
    private readonly cwd: string,
  ) {}

  open(): void {
    const rewriter = new BuildOutputRewriter(this.cwd);
    this.written.fire(`> ${[this.dockerPath, ...this.args].join(' ')}\r\n`);
    void runProcess(this.dockerPath, this.args, {
      tool: 'docker',
      cwd: this.cwd,
      timeoutMs: readBuildSettings().timeoutMs,
      signal: this.cancel.signal,
      onOutput: (_stream, text) => this.written.fire(rewriter.push(text)),
    }).then((result) => {
      this.written.fire(rewriter.flush());
      if (result.kind === 'notFound' || result.kind === 'failedToStart') {
        this.written.fire(`${t('Could not run {0}: install Docker or set dockerfileAdvisor.docker.path.', result.file)}\r\n`);
      } else if (result.kind === 'timedOut') {
        this.written.fire(`${t('The build was stopped after {0} minutes (dockerfileAdvisor.build.timeoutMinutes).', Math.round(result.timeoutMs / 60000))}\r\n`);
      }
      this.closed.fire(result.kind === 'ok' ? 0 : result.kind === 'exitedNonZero' && result.exitCode !== null ? result.exitCode : 1);
    });
  }

  close(): void {
    this.cancel.abort();
  }
}

export class BuildxTaskProvider implements vscode.TaskProvider {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  async provideTasks(token: vscode.CancellationToken): Promise<vscode.Task[]> {
    if (!vscode.workspace.isTrusted) {
      return [];
    }
    const settings = readBuildSettings();
    const files = await vscode.workspace.findFiles(DOCKERFILE_GLOB, '**/node_modules/**', MAX_PROVIDED_TASKS, token);
    const tasks: vscode.Task[] = [];
    for (const file of files.sort((a, b) => a.fsPath.localeCompare(b.fsPath))) {
      const folder = vscode.workspace.getWorkspaceFolder(file);
      if (!folder) {
        continue;
      }
      const options: BuildOptions = {
        dockerfile: file.fsPath,
        context: path.dirname(file.fsPath),
        platforms: settings.defaultPlatforms,
        tags: [],
        output: { type: 'image' },
        buildArgs: {},
      };
      tasks.push(createBuildTask(options, folder, settings.dockerPath));
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    if (!vscode.workspace.isTrusted) {
      return undefined;
    }
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      return undefined;
    }
    const settings = readBuildSettings();
    try {
      const options = buildOptionsFromTask(task.definition, folder.uri.fsPath, settings.defaultPlatforms);
      // The definition must be the very object VS Code gave us, or it will not match the task in tasks.json.
      return taskFor(task.definition, options, folder, settings.dockerPath);
    } catch (error) {
      this.log.error(t('The buildx task "{0}" cannot run: {1}', task.name, error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }
}

export function registerBuildTasks(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(vscode.tasks.registerTaskProvider(BUILDX_TASK_TYPE, new BuildxTaskProvider(log)));
}
