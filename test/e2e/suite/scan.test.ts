// Image and Dockerfile scanning through the commands, with stand-in scanners that print recorded outputs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { advisorExtension, diagnosticCode, EXAMPLE_DOCKERFILE, hoverText, openScratchDockerfile, waitFor, workspaceUri } from './helpers';
import { suiteOptions } from './options';

interface Outcome {
  ok: boolean;
  report?: { target: string; scanner: { id: string; version?: string }; findings: Array<{ id: string; severity: string }> };
  failure?: { reason: string; message: string };
}

const SCAN_SETTINGS = ['scanner', 'trivyPath', 'grypePath'] as const;

function standIn(tool: string): string {
  return path.join(advisorExtension().extensionPath, 'test', 'fixtures', 'bin', tool);
}

function recordedOutputsPresent(): boolean {
  return fs.existsSync(path.resolve(advisorExtension().extensionPath, '..', 'shared', 'fixtures', 'scanners'));
}

async function setScanSettings(values: Partial<Record<(typeof SCAN_SETTINGS)[number] | 'dockerPath', string>>): Promise<void> {
  const config = vscode.workspace.getConfiguration('dockerfileAdvisor.scan');
  for (const key of SCAN_SETTINGS) {
    await config.update(key, values[key], vscode.ConfigurationTarget.Global);
  }
  await vscode.workspace.getConfiguration('dockerfileAdvisor.docker').update('path', values.dockerPath, vscode.ConfigurationTarget.Global);
}

function summaryDiagnostic(uri: vscode.Uri): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((diagnostic) => diagnosticCode(diagnostic) === 'image-scan');
}

suite('Image scanning (recorded output through stand-in scanners)', function () {
  suiteSetup(function () {
    if (suiteOptions.mode === 'restricted' || suiteOptions.mode === 'vsix') {
      return;
    }
    if (!recordedOutputsPresent()) {
      console.warn('    skipped: ../shared/fixtures/scanners is absent, so the stand-in scanners have nothing to print');
      this.skip();
    }
  });

  teardown(async () => {
    if (suiteOptions.mode !== 'restricted') {
      await vscode.commands.executeCommand('dockerfileAdvisor.clearScanResults');
      await setScanSettings({});
    }
  });

  test('refuses to run a scanner in an untrusted workspace', async function () {
    if (suiteOptions.mode !== 'restricted') {
      this.skip();
    }
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>('dockerfileAdvisor.scanImage', 'alpine:3.10');
    assert.equal(outcome, undefined);
  });

  test('scans an image given as argument and summarises it on the final FROM line', async function () {
    if (suiteOptions.mode === 'restricted') {
      this.skip();
    }
    await setScanSettings({ scanner: 'trivy', trivyPath: standIn('trivy') });
    const dockerfile = workspaceUri(EXAMPLE_DOCKERFILE);
    const outcome = await vscode.commands.executeCommand<Outcome>('dockerfileAdvisor.scanImage', 'alpine:3.9', { dockerfile: dockerfile.toString() });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.report?.scanner, { id: 'trivy', version: '0.50.1' });
    assert.deepEqual(outcome.report?.findings.map((finding) => `${finding.id} ${finding.severity}`), ['CVE-2019-14697 critical', 'CVE-2019-14697 critical']);

    const diagnostic = await waitFor('the image summary on the FROM line', () => summaryDiagnostic(dockerfile));
    assert.equal(diagnostic.message, '2 vulnerabilities, 2 critical, 2 fixable by updating the base image (scan of alpine:3.9)');
    const document = await vscode.workspace.openTextDocument(dockerfile);
    const fromLines = document.getText().split(/\r?\n/).map((line, index) => ({ line, index })).filter(({ line }) => /^\s*FROM\s/i.test(line));
    assert.equal(diagnostic.range.start.line, fromLines[fromLines.length - 1].index);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', dockerfile, diagnostic.range.start.translate(0, 1));
    assert.match(hoverText(hovers), /CVE-2019-14697/);
  });

  test('exports the result as SARIF 2.1.0 and clears it', async function () {
    if (suiteOptions.mode === 'restricted') {
      this.skip();
    }
    await setScanSettings({ scanner: 'grype', grypePath: standIn('grype') });
    const dockerfile = workspaceUri(EXAMPLE_DOCKERFILE);
    const outcome = await vscode.commands.executeCommand<Outcome>('dockerfileAdvisor.scanImage', 'app:1.0', { dockerfile: dockerfile.toString() });
    assert.equal(outcome.report?.scanner.id, 'grype');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dfa-e2e-sarif-'));
    const file = path.join(folder, 'scan.sarif');
    const written = await vscode.commands.executeCommand<string>('dockerfileAdvisor.exportScanResultsSarif', file);
    assert.equal(vscode.Uri.parse(written).fsPath, file);
    const log = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId), ['CVE-1999-0001', 'CVE-1999-0002']);

    await waitFor('the image summary', () => summaryDiagnostic(dockerfile));
    await vscode.commands.executeCommand('dockerfileAdvisor.clearScanResults');
    await waitFor('the summary to go away', () => (summaryDiagnostic(dockerfile) ? undefined : true));
    assert.equal(await vscode.commands.executeCommand('dockerfileAdvisor.exportScanResultsSarif', file + '.again'), undefined);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('marks the summary out of date when the Dockerfile is edited', async function () {
    if (suiteOptions.mode === 'restricted') {
      this.skip();
    }
    await setScanSettings({ scanner: 'trivy', trivyPath: standIn('trivy') });
    const editor = await openScratchDockerfile('FROM alpine:3.10 AS build\nRUN echo hi\nFROM alpine:3.10\n');
    const outcome = await vscode.commands.executeCommand<Outcome>('dockerfileAdvisor.scanImage', 'alpine:3.10', { dockerfile: editor.document.uri.toString() });
    assert.ok(outcome.ok);
    const fresh = await waitFor('the summary', () => summaryDiagnostic(editor.document.uri));
    assert.equal(fresh.range.start.line, 2);
    assert.equal(fresh.message, '4 vulnerabilities, 4 fixable by updating the base image (scan of alpine:3.10)');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# syntax=docker/dockerfile:1\n'));
    const stale = await waitFor('the stale summary', () => {
      const diagnostic = summaryDiagnostic(editor.document.uri);
      return diagnostic?.message.includes('out of date') ? diagnostic : undefined;
    });
    assert.equal(stale.range.start.line, 3);
  });

  test('reports a scanner that is not installed, and shows no result', async function () {
    if (suiteOptions.mode === 'restricted') {
      this.skip();
    }
    await setScanSettings({ scanner: 'trivy', trivyPath: path.join(os.tmpdir(), 'dfa-no-such-dir', 'trivy') });
    const outcome = await vscode.commands.executeCommand<Outcome>('dockerfileAdvisor.scanImage', 'alpine:3.10', { dockerfile: workspaceUri(EXAMPLE_DOCKERFILE).toString() });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.failure?.reason, 'notInstalled');
    assert.match(outcome.failure?.message ?? '', /^Trivy is not installed/);
    assert.equal(summaryDiagnostic(workspaceUri(EXAMPLE_DOCKERFILE)), undefined);
  });

  test('puts trivy config findings on the Dockerfile with normalised ids', async function () {
    if (suiteOptions.mode === 'restricted') {
      this.skip();
    }
    await setScanSettings({ trivyPath: standIn('trivy') });
    const editor = await openScratchDockerfile('# legacy-ids\nFROM alpine:3.13\nHEALTHCHECK NONE\n');
    const outcome = await vscode.commands.executeCommand<Outcome>('dockerfileAdvisor.scanDockerfile', editor.document.uri.toString());
    assert.ok(outcome.ok, JSON.stringify(outcome));
    const diagnostics = await waitFor('trivy diagnostics', () => {
      const found = vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'trivy');
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(diagnostics.map((diagnostic) => diagnosticCode(diagnostic)), ['DS-0002']);
    assert.equal(diagnostics[0].range.start.line, 1);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
  });
});
