// Registers the image scanning commands, status bar item, results view and Dockerfile diagnostics.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { t } from '../../localize';
import { abortSignalFromToken } from '../../process/cancellation';
import { scannerDisplayName } from '../display';
import { reportToSarif } from '../exportSarif';
import type { ScanOutcome } from '../model';
import { dockerScanRemovedMessage, isDockerScanCommand, scanDockerfileText, scanImage, type DetectedScanner, type ScanEnvironment } from '../scanners';
import { BaseImageSummary, misconfigurationDiagnostics } from './dockerfileDiagnostics';
import { withoutDuplicates, type RuleAliases } from '../duplicateFindings';
import { pickImage } from './imagePicker';
import { findingOfNode, RESULTS_VIEW_ID, ScanResultsTree } from './resultsView';
import { ScanResults } from './scanResults';
import { createScanStatusBar } from './scanStatusBar';
import { readScanSettingsOrRefuse, type ScanSettings } from './scanSettings';

/** Options of `dockerfileAdvisor.scanImage` after the image, for callers that know which Dockerfile it was built from. */
interface ScanImageOptions {
  readonly dockerfile?: string | vscode.Uri;
}

/** Asks the language server for our rules' aliases; undefined when it is not running. */
export type RuleAliasesSource = () => Promise<RuleAliases | undefined>;

export function registerScanFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, ruleAliases?: RuleAliasesSource): void {
  const results = new ScanResults();
  const tree = new ScanResultsTree(results);
  const baseImageSummary = new BaseImageSummary();
  const trivyDiagnostics = vscode.languages.createDiagnosticCollection('trivy');
  context.subscriptions.push(results, tree, baseImageSummary, trivyDiagnostics, createScanStatusBar(results));

  context.subscriptions.push(
    results.onDidChange(() => {
      const status = results.status;
      void baseImageSummary.show(results.dockerfile, results.report, status?.state === 'done' && status.stale);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) {
        results.markStaleIfFor(event.document.uri);
        baseImageSummary.update(event.document);
      }
    }),
  );

  const register = (command: string, callback: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(command, callback));

  register('dockerfileAdvisor.scanImage', async (image?: unknown, options?: unknown) => {
    const settings = readScanSettingsOrRefuse();
    if (!settings) {
      return undefined;
    }
    const dockerfile = dockerfileOf(options) ?? activeDockerfile();
    const target = typeof image === 'string' && image.trim() !== '' ? image.trim() : await pickImage(context, settings, dockerfile, log);
    if (!target) {
      return undefined;
    }
    if (isDockerScanCommand(target)) {
      void vscode.window.showInformationMessage(dockerScanRemovedMessage());
      return undefined;
    }
    results.startScanning(target, dockerfile);
    const outcome = await runWithProgress(t('Scanning {0}', target), settings, log, (environment) =>
      scanImage(target, settings.preference, { ...environment, onDetected: (scanner) => results.setScanner(scanner.id) }),
    );
    results.finish(outcome);
    reportFailure(outcome, log);
    return outcome;
  });

  register('dockerfileAdvisor.scanDockerfile', async (resource?: unknown) => {
    const settings = readScanSettingsOrRefuse();
    if (!settings) {
      return undefined;
    }
    const uri = resourceOf(resource) ?? activeDockerfile();
    if (!uri) {
      void vscode.window.showWarningMessage(t('Open a Dockerfile to scan it for misconfigurations.'));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const outcome = await runWithProgress(t('Scanning {0} for misconfigurations', path.basename(uri.fsPath)), settings, log, (environment) =>
      scanDockerfileText(document.getText(), path.basename(uri.fsPath), environment),
    );
    // A failed scan removes the previous diagnostics rather than leaving them as if they were current.
    let findings = outcome.ok ? outcome.report.findings : [];
    const aliases = outcome.ok ? await ruleAliases?.().catch(() => undefined) : undefined;
    if (aliases) {
      const reported = vscode.languages
        .getDiagnostics(uri)
        .filter((diagnostic) => diagnostic.source === 'dockerfile-advisor')
        .map((diagnostic) => ({ ruleId: String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code), line: diagnostic.range.start.line + 1 }));
      findings = withoutDuplicates(findings, reported, aliases);
    }
    trivyDiagnostics.set(uri, outcome.ok ? misconfigurationDiagnostics(document, findings) : []);
    reportFailure(outcome, log);
    return outcome;
  });

  register('dockerfileAdvisor.showScanResults', async () => {
    await vscode.commands.executeCommand('setContext', 'dockerfileAdvisor.scanStarted', true);
    await vscode.commands.executeCommand(`${RESULTS_VIEW_ID}.focus`);
  });

  register('dockerfileAdvisor.exportScanResultsSarif', async (destination?: unknown) => {
    const report = results.report;
    if (!report) {
      void vscode.window.showWarningMessage(t('There is no scan result to export. Scan an image first.'));
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const suggested = `${report.target.replace(/[^A-Za-z0-9._-]+/g, '_')}.sarif`;
    const uri =
      resourceOf(destination) ??
      (await vscode.window.showSaveDialog({
        title: t('Export Scan Results as SARIF'),
        defaultUri: folder ? vscode.Uri.joinPath(folder, suggested) : undefined,
        filters: { SARIF: ['sarif', 'json'] },
      }));
    if (!uri) {
      return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(reportToSarif(report), null, 2) + '\n', 'utf8'));
    log.info(`Exported the scan of ${report.target} to ${uri.toString()}`);
    return uri.toString();
  });

  register('dockerfileAdvisor.clearScanResults', () => {
    results.clear();
    trivyDiagnostics.clear();
  });

  register('dockerfileAdvisor.scanResults.filterSeverity', () => tree.chooseSeverities());
  register('dockerfileAdvisor.scanResults.showFixableOnly', () => tree.setFixableOnly(true));
  register('dockerfileAdvisor.scanResults.showAll', () => tree.setFixableOnly(false));
  register('dockerfileAdvisor.scanResults.copyId', async (node?: unknown) => {
    const finding = findingOfNode(node);
    if (finding) {
      await vscode.env.clipboard.writeText(finding.id);
    }
  });
  register('dockerfileAdvisor.scanResults.openAdvisory', async (node?: unknown) => {
    const url = findingOfNode(node)?.url;
    if (url) {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }
  });
}

/** Runs a scan under a cancellable notification that shows the scanner and the elapsed time. */
async function runWithProgress(
  title: string,
  settings: ScanSettings,
  log: vscode.LogOutputChannel,
  scan: (environment: ScanEnvironment) => Promise<ScanOutcome>,
): Promise<ScanOutcome> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const started = Date.now();
    let scanner: DetectedScanner | undefined;
    const report = () => {
      const seconds = Math.round((Date.now() - started) / 1000);
      progress.report({
        message: scanner ? t('{0}, {1} s', scannerDisplayName(scanner.id), seconds) : t('looking for a scanner, {0} s', seconds),
      });
    };
    const timer = setInterval(report, 1000);
    const cancellation = abortSignalFromToken(token);
    try {
      return await scan({
        paths: settings.paths,
        timeoutMs: settings.timeoutMs,
        signal: cancellation.signal,
        log: toolLogger(log),
        onDetected: (detected) => {
          scanner = detected;
          report();
        },
      });
    } finally {
      clearInterval(timer);
      cancellation.dispose();
    }
  });
}

/** Writes the exact command line, then everything the tool printed, line by line. */
function toolLogger(log: vscode.LogOutputChannel): NonNullable<ScanEnvironment['log']> {
  return (stream, text) => {
    if (stream === 'command') {
      log.info(text);
      return;
    }
    if (stream === 'result') {
      log.info(`  → ${text}`);
      return;
    }
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() !== '') {
        log.info(`  [${stream}] ${line}`);
      }
    }
  };
}

function reportFailure(outcome: ScanOutcome, log: vscode.LogOutputChannel): void {
  if (outcome.ok) {
    return;
  }
  const { failure } = outcome;
  log.error(`${failure.reason}: ${failure.message}${failure.detail ? `\n${failure.detail}` : ''}`);
  if (failure.reason === 'cancelled') {
    return;
  }
  const showOutput = t('Show Output');
  void vscode.window.showErrorMessage(failure.message, showOutput).then((choice) => {
    if (choice === showOutput) {
      log.show(true);
    }
  });
}

function activeDockerfile(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'dockerfile' ? document.uri : undefined;
}

function resourceOf(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) {
    return value;
  }
  if (typeof value === 'string' && value !== '') {
    return /^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  }
  return undefined;
}

function dockerfileOf(options: unknown): vscode.Uri | undefined {
  return typeof options === 'object' && options !== null ? resourceOf((options as ScanImageOptions).dockerfile) : undefined;
}
