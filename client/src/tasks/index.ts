// Wires "Add a multi-platform build task" into the extension: the command the palette and the server's code action call.
import * as vscode from 'vscode';
import { ADD_BUILD_TASK_COMMAND, addBuildTask, type AddBuildTaskResult } from './addBuildTask';

export { ADD_BUILD_TASK_COMMAND };

export function registerTaskFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ADD_BUILD_TASK_COMMAND, (target?: unknown, platforms?: unknown): Promise<AddBuildTaskResult | undefined> =>
      addBuildTask(log, target, platforms),
    ),
  );
}
