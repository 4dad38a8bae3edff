// The extension activates on the first Dockerfile, not at startup.
import * as assert from 'node:assert/strict';
import { suiteOptions } from './options';
import { EXAMPLE_DOCKERFILE, advisorExtension, openWorkspaceFile, reportMetric, waitFor, waitForDiagnostics } from './helpers';

suite('Activation', () => {
  if (suiteOptions.mode === 'vsix') {
    test('the extension under test is the installed VSIX, not the checkout @smoke', () => {
      assert.ok(suiteOptions.extensionsDir, 'the runner names the extensions folder');
      assert.ok(advisorExtension().extensionUri.fsPath.startsWith(suiteOptions.extensionsDir), advisorExtension().extensionUri.fsPath);
    });
  }

  test('is not active before a Dockerfile opens @smoke', () => {
    assert.equal(advisorExtension().isActive, false);
  });

  test('activates when a Dockerfile opens and publishes diagnostics @smoke', async () => {
    const opened = Date.now();
    const editor = await openWorkspaceFile(EXAMPLE_DOCKERFILE);
    await waitFor('the extension to activate', () => (advisorExtension().isActive ? true : undefined));
    reportMetric('activationWait', Date.now() - opened, 'ms');
    const api = advisorExtension().exports as { activationMs?: number } | undefined;
    assert.equal(typeof api?.activationMs, 'number', 'activate() reports how long it took');
    reportMetric('activation', api!.activationMs!, 'ms');
    assert.equal(editor.document.languageId, 'dockerfile');
    await waitForDiagnostics(editor.document.uri);
    reportMetric('firstDiagnostics', Date.now() - opened, 'ms');
  });
});
