// Workspace Trust: analysis works in restricted mode too; programs run only in a trusted workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE_DOCKERFILE, openWorkspaceFile, waitForDiagnostics, workspaceUri } from './helpers';
import { suiteOptions } from './options';
import { recordingStandIn, type RecordingStandIn } from './standIns';

/** Settings that name executables; the fixture workspace's .vscode/settings.json sets each of them. */
const EXECUTABLE_SETTINGS = [
  ['dockerfileAdvisor.docker', 'path'],
  ['dockerfileAdvisor.scan', 'trivyPath'],
  ['dockerfileAdvisor.scan', 'grypePath'],
] as const;

async function setExecutablePaths(values: { docker?: string; trivy?: string; grype?: string }): Promise<void> {
  const byKey: Record<string, string | undefined> = { path: values.docker, trivyPath: values.trivy, grypePath: values.grype };
  for (const [section, key] of EXECUTABLE_SETTINGS) {
    await vscode.workspace.getConfiguration(section).update(key, byKey[key], vscode.ConfigurationTarget.Global);
  }
}

suite('Workspace trust', () => {
  test(`the workspace is ${suiteOptions.mode === 'restricted' ? 'not trusted' : 'trusted'} in this run`, () => {
    assert.equal(vscode.workspace.isTrusted, suiteOptions.mode !== 'restricted');
  });

  test('analysis publishes diagnostics whatever the trust', async () => {
    const editor = await openWorkspaceFile(EXAMPLE_DOCKERFILE);
    await waitForDiagnostics(editor.document.uri);
  });

  test('executable paths set by the workspace never take effect; the user\'s do', async function () {
    if (suiteOptions.mode === 'vsix') {
      this.skip();
    }
    await setExecutablePaths({ docker: '/opt/user-choice/docker', trivy: '/opt/user-choice/trivy', grype: '/opt/user-choice/grype' });
    try {
      for (const [section, key] of EXECUTABLE_SETTINGS) {
        const inspected = vscode.workspace.getConfiguration(section).inspect<string>(key);
        assert.equal(inspected?.workspaceValue, undefined, `${section}.${key} from .vscode/settings.json is not applied`);
        assert.equal(inspected?.workspaceFolderValue, undefined);
        assert.match(vscode.workspace.getConfiguration(section).get<string>(key) ?? '', /^\/opt\/user-choice\//);
      }
    } finally {
      await setExecutablePaths({});
    }
  });
});

(suiteOptions.mode === 'restricted' ? suite : suite.skip)('Restricted mode starts no program (stand-ins record any call)', () => {
  let docker: RecordingStandIn | undefined;
  let trivy: RecordingStandIn | undefined;

  setup(async () => {
    // Paths the user set: valid in a trusted workspace, and still not to be used in this one.
    docker = recordingStandIn('bin-buildx', 'docker');
    trivy = recordingStandIn('bin', 'trivy');
    await setExecutablePaths({ docker: docker.executable, trivy: trivy.executable });
    await vscode.workspace.getConfiguration('dockerfileAdvisor.scan').update('scanner', 'trivy', vscode.ConfigurationTarget.Global);
  });

  teardown(async () => {
    await setExecutablePaths({});
    await vscode.workspace.getConfiguration('dockerfileAdvisor.scan').update('scanner', undefined, vscode.ConfigurationTarget.Global);
    docker?.dispose();
    trivy?.dispose();
  });

  test('Scan Image and Scan Dockerfile refuse, and no scanner runs', async () => {
    const dockerfile = workspaceUri(EXAMPLE_DOCKERFILE);
    assert.equal(await vscode.commands.executeCommand('dockerfileAdvisor.scanImage', 'alpine:3.9', { dockerfile: dockerfile.toString() }), undefined);
    assert.equal(await vscode.commands.executeCommand('dockerfileAdvisor.scanDockerfile', dockerfile.toString()), undefined);
    assert.deepEqual(trivy?.calls(), []);
    assert.deepEqual(docker?.calls(), []);
  });

  test('Build Multi-Platform Image refuses, and docker never runs', async () => {
    const result = await vscode.commands.executeCommand<{ outcome: string }>('dockerfileAdvisor.buildMultiPlatform', {
      dockerfile: workspaceUri('buildx/Dockerfile').fsPath,
      platforms: ['linux/amd64', 'linux/arm64'],
      tag: 'fixture/app:e2e',
      output: 'image',
    });
    assert.deepEqual(result, { outcome: 'refused' });
    assert.deepEqual(docker?.calls(), []);
  });
});
