// Workspace Trust: analysis works in restricted mode too.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE_DOCKERFILE, openWorkspaceFile, waitForDiagnostics } from './helpers';
import { suiteOptions } from './options';

suite('Workspace trust', () => {
  test(`the workspace is ${suiteOptions.mode === 'restricted' ? 'not trusted' : 'trusted'} in this run`, () => {
    assert.equal(vscode.workspace.isTrusted, suiteOptions.mode !== 'restricted');
  });

  test('analysis publishes diagnostics whatever the trust', async () => {
    const editor = await openWorkspaceFile(EXAMPLE_DOCKERFILE);
    await waitForDiagnostics(editor.document.uri);
  });
});
