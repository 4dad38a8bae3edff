// Wires the multi-platform build feature into the extension: the command, the `buildx` task type, build diagnostics.
import * as vscode from 'vscode';
import { BuildCommand, type BuildCommandOptions, type BuildCommandResult } from './buildCommand';
import { registerBuildTasks } from './buildTask';

export const BUILD_COMMAND_ID = 'dockerfileAdvisor.buildMultiPlatform';

export function registerBuildFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const buildOutput = vscode.window.createOutputChannel('Dockerfile Advisor: Build');
  const diagnostics = vscode.languages.createDiagnosticCollection('buildkit');
  const command = new BuildCommand(context.workspaceState, log, buildOutput, diagnostics);
  context.subscriptions.push(
    buildOutput,
    diagnostics,
    vscode.commands.registerCommand(BUILD_COMMAND_ID, (options?: BuildCommandOptions): Promise<BuildCommandResult> => {
      // From a menu or the palette VS Code passes a Uri (or nothing); only a plain object is our options.
      const given = options && typeof options === 'object' && !(options instanceof vscode.Uri) ? options : uriOptions(options);
      return command.run(given);
    }),
  );
  registerBuildTasks(context, log);
}

function uriOptions(value: unknown): BuildCommandOptions {
  return value instanceof vscode.Uri && value.scheme === 'file' ? { dockerfile: value.fsPath } : {};
}
