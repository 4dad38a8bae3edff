// Shared steps of the extension-host tests: finding the extension, opening fixtures, polling.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_NAME = 'dockerfile-advisor';
export const LANGUAGE_ID = 'dockerfile';
/** The guide's two-stage python venv example, copied into the workspace by the runner. */
export const EXAMPLE_DOCKERFILE = 'python-venv/Dockerfile';

export function advisorExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.all.find((candidate) => candidate.packageJSON?.name === EXTENSION_NAME);
  assert.ok(extension, `The ${EXTENSION_NAME} extension is not loaded in this workbench.`);
  return extension;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The workbench has no workspace folder open.');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** An untitled Dockerfile for tests that type into a document without touching the workspace. */
export async function openScratchDockerfile(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Polls until `probe` gives a value other than undefined; the deadline turns a missing result
 * into a failure that says what was awaited, instead of a fixed sleep.
 */
export async function waitFor<T>(
  description: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` Last error: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}.${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) {
    return '';
  }
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The fresh extensions folder holds no other Dockerfile linter, so every diagnostic on the file is ours. */
export function advisorDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri);
}

export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (diagnostics) => diagnostics.length > 0,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics on ${uri.path}`, () => {
    const diagnostics = advisorDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

/** Appends `text` as a new last line (whether or not the file ends with a newline); returns its line number. */
export async function appendLine(editor: vscode.TextEditor, text: string): Promise<number> {
  const document = editor.document;
  const lastLine = document.lineAt(document.lineCount - 1);
  const endsWithNewline = lastLine.text.length === 0 && document.lineCount > 1;
  const line = endsWithNewline ? lastLine.lineNumber : lastLine.lineNumber + 1;
  const applied = await editor.edit((builder) => builder.insert(lastLine.range.end, endsWithNewline ? `${text}\n` : `\n${text}`));
  assert.ok(applied, `appending "${text}" to ${document.uri.path}`);
  return line;
}

/** Removes a line that appendLine added, so the file's text is back to what it was. */
export async function deleteLine(editor: vscode.TextEditor, line: number): Promise<void> {
  const applied = await editor.edit((builder) => builder.delete(editor.document.lineAt(line).rangeIncludingLineBreak));
  assert.ok(applied, `deleting line ${line} of ${editor.document.uri.path}`);
}

export function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let index = 0; index <= occurrence; index++) {
    offset = document.getText().indexOf(needle, offset + 1);
    assert.notEqual(offset, -1, `"${needle}" (occurrence ${occurrence}) is not in ${document.uri.path}.`);
  }
  return document.positionAt(offset);
}

/** The text of hovers, whatever form (markdown or plain) their contents take. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Lines the runner picks out of the extension host's output for its report. */
export function reportMetric(name: string, value: number, unit: string): void {
  console.log(`[metric] ${name}=${Math.round(value)}${unit}`);
}
