// Code actions: the venv PATH quick fix edits the document as the guide recommends.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, openWorkspaceFile, waitForDiagnostics } from './helpers';
import { featureTest } from './pendingFeatures';

/** The rule that finds a venv created but not put on PATH; set it to the rule's real id. */
const VENV_PATH_RULE = 'CopiedVenvNotOnPath';

suite('Quick fixes', () => {
  featureTest('venvQuickFix', 'the venv PATH quick fix adds ENV PATH for the venv', async () => {
    const editor = await openWorkspaceFile('venv-missing-path/Dockerfile');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (found) => found.some((diagnostic) => diagnosticCode(diagnostic) === VENV_PATH_RULE));
    const target = diagnostics.find((diagnostic) => diagnosticCode(diagnostic) === VENV_PATH_RULE);
    assert.ok(target);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value,
    );
    // The fix of this rule is the preferred action; "Skip rule" is offered beside it.
    const fix = actions.find((action) => action.isPreferred === true && action.edit !== undefined);
    assert.ok(fix?.edit, `a quick fix with an edit among: ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /^ENV PATH="?\/opt\/venv\/bin:\$PATH"?$/m);
    await waitForDiagnostics(uri, (found) => found.every((diagnostic) => diagnosticCode(diagnostic) !== VENV_PATH_RULE));
  });
});
