// Spanish messages end to end: the server's diagnostics and the client's build preflight, with --locale es.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXAMPLE_DOCKERFILE, advisorExtension, diagnosticCode, openWorkspaceFile, waitForDiagnostics, workspaceUri } from './helpers';
import { suiteOptions } from './options';
import { dismissingNotifications, recordingStandIn } from './standIns';

function spanishBundle(): Record<string, string> {
  const file = vscode.Uri.joinPath(advisorExtension().extensionUri, 'l10n', 'bundle.l10n.es.json').fsPath;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
}

/** The Spanish of an English template from the bundle, with its {0}… placeholders filled. */
function spanish(english: string, ...values: string[]): string {
  const template = spanishBundle()[english];
  assert.ok(template, `the bundle translates "${english}"`);
  return template.replace(/\{(\d+)\}/g, (_match, index: string) => values[Number(index)]);
}

(suiteOptions.mode === 'es' ? suite : suite.skip)('Spanish messages @es', () => {
  test('a diagnostic on the guide example is in Spanish', async () => {
    const editor = await openWorkspaceFile(EXAMPLE_DOCKERFILE);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (found) => found.some((diagnostic) => diagnosticCode(diagnostic) === 'JSONArgsRecommended'));
    const entrypoint = diagnostics.find((diagnostic) => diagnosticCode(diagnostic) === 'JSONArgsRecommended');
    assert.equal(entrypoint?.message, spanish('JSON arguments recommended for {0} to prevent unintended behavior related to OS signals', 'ENTRYPOINT'));
    assert.match(entrypoint?.message ?? '', /^Se recomiendan argumentos JSON en ENTRYPOINT/);
  });

  test('the build preflight says in Spanish that buildx is missing (stand-in docker)', async () => {
    const docker = recordingStandIn('bin-buildx', 'docker', { STANDIN_NO_BUILDX: '1' });
    const config = vscode.workspace.getConfiguration('dockerfileAdvisor');
    await config.update('docker.path', docker.executable, vscode.ConfigurationTarget.Global);
    try {
      const result = await dismissingNotifications(
        vscode.commands.executeCommand<{ outcome: string; problems?: Array<{ message: string }> }>('dockerfileAdvisor.buildMultiPlatform', {
          dockerfile: workspaceUri('buildx/Dockerfile').fsPath,
          platforms: ['linux/amd64', 'linux/arm64'],
          tag: 'fixture/app:e2e',
          output: 'image',
        }),
      );
      assert.equal(result.outcome, 'blocked');
      assert.equal(
        result.problems?.[0]?.message,
        spanish(
          'Docker Buildx is not installed ({0}), so this Docker cannot build several platforms at once. Install Buildx, or build for this machine\'s platform ({1}) only.',
          'docker: unknown command: docker buildx',
          'linux/amd64',
        ),
      );
    } finally {
      await config.update('docker.path', undefined, vscode.ConfigurationTarget.Global);
      docker.dispose();
    }
  });
});
