// Hover, document symbols and completion answered by the language server through VS Code's commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE_DOCKERFILE, appendLine, deleteLine, hoverText, openWorkspaceFile, positionOf, waitFor } from './helpers';
import { featureTest } from './pendingFeatures';

async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

suite('Language features', () => {
  test('hover on FROM gives markdown about the instruction', async () => {
    const editor = await openWorkspaceFile(EXAMPLE_DOCKERFILE);
    const position = positionOf(editor.document, 'FROM').translate(0, 1);
    const hovers = await waitFor('a hover on FROM', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(hovers.some((hover) => hover.contents.some((content) => content instanceof vscode.MarkdownString)), 'the hover is markdown');
    assert.match(hoverText(hovers), /image/i);
  });

  test('document symbols have one top-level symbol per build stage', async () => {
    const editor = await openWorkspaceFile(EXAMPLE_DOCKERFILE);
    const stageCount = editor.document.getText().match(/^\s*FROM\s/gim)?.length ?? 0;
    assert.ok(stageCount >= 2, 'the example is a multi-stage build');
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    assert.equal(symbols.length, stageCount, `symbols: ${symbols.map((symbol) => symbol.name).join(', ')}`);
    const stageNames = [...editor.document.getText().matchAll(/^\s*FROM\s+\S+\s+AS\s+(\S+)/gim)].map((match) => match[1]);
    for (const stageName of stageNames) {
      assert.ok(symbols.some((symbol) => symbol.name.includes(stageName)), `a symbol names stage ${stageName}`);
    }
  });

  test('completion on an empty line offers instructions', async () => {
    const editor = await openWorkspaceFile('edit/Dockerfile');
    const emptyLine = await appendLine(editor, '');
    const labels = await completionLabels(editor.document.uri, new vscode.Position(emptyLine, 0));
    // Labels are snippets such as "RUN command"; the keyword is their first word.
    const keywords = new Set(labels.map((label) => label.split(/\s/, 1)[0]));
    for (const instruction of ['RUN', 'COPY', 'ENV', 'WORKDIR']) {
      assert.ok(keywords.has(instruction), `${instruction} is offered among ${labels.join(', ')}`);
    }
    await deleteLine(editor, emptyLine);
  });

  featureTest('mountTypeCompletion', 'completion after --mount=type= offers the mount types', async () => {
    const editor = await openWorkspaceFile('completion/Dockerfile');
    const position = positionOf(editor.document, '--mount=type=').translate(0, '--mount=type='.length);
    const labels = await completionLabels(editor.document.uri, position);
    for (const mountType of ['bind', 'cache', 'secret', 'ssh', 'tmpfs']) {
      assert.ok(labels.includes(mountType), `${mountType} is offered among ${labels.join(', ')}`);
    }
  });
});
