// Diagnostics for the guide's example arrive through the real language client.
import * as assert from 'node:assert/strict';
import { EXAMPLE_DOCKERFILE, appendLine, deleteLine, diagnosticCode, openWorkspaceFile, waitForDiagnostics } from './helpers';

/** Every rule code the guide's python venv example must raise; extend it as rules are added. */
export const EXPECTED_EXAMPLE_CODES: readonly string[] = [
  'BaseImageEndOfLife',
  'FromAsCasing',
  'JSONArgsRecommended',
  'LibcMismatch',
  'PipMissingNoCacheDir',
  'RelativeCopyDestination',
];

suite('Diagnostics', () => {
  test('the guide example gets the expected rule codes @smoke', async () => {
    const editor = await openWorkspaceFile(EXAMPLE_DOCKERFILE);
    const expected = [...new Set(EXPECTED_EXAMPLE_CODES)].sort();
    const diagnostics = await waitForDiagnostics(editor.document.uri, (found) =>
      expected.every((code) => found.some((diagnostic) => diagnosticCode(diagnostic) === code)),
    );
    const codes = [...new Set(diagnostics.map(diagnosticCode))].sort();
    assert.deepEqual(codes, expected);
  });

  test('an edit that breaks an instruction is diagnosed on its line, and fixing it clears that', async () => {
    const editor = await openWorkspaceFile('edit/Dockerfile');
    const uri = editor.document.uri;
    const brokenLine = await appendLine(editor, 'FORM alpine:3.20');
    await waitForDiagnostics(uri, (found) => found.some((diagnostic) => diagnostic.range.start.line === brokenLine));
    await deleteLine(editor, brokenLine);
    await waitForDiagnostics(uri, (found) => found.every((diagnostic) => diagnostic.range.start.line !== brokenLine));
  });
});
