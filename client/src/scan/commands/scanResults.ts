// The current scan: scanning, a report or a failure, the Dockerfile it belongs to, and whether it is stale.
import * as vscode from 'vscode';
import type { ScanOutcome, ScanReport } from '../model';
import type { ScanStatus } from '../statusBarModel';

export class ScanResults implements vscode.Disposable {
  private currentStatus: ScanStatus | undefined;
  private currentDockerfile: vscode.Uri | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get status(): ScanStatus | undefined {
    return this.currentStatus;
  }

  /** The report on display; `undefined` while scanning or after a failure, so an old result never passes for new. */
  get report(): ScanReport | undefined {
    return this.currentStatus?.state === 'done' ? this.currentStatus.report : undefined;
  }

  get dockerfile(): vscode.Uri | undefined {
    return this.currentDockerfile;
  }

  startScanning(target: string, dockerfile: vscode.Uri | undefined): void {
    this.currentDockerfile = dockerfile;
    this.update({ state: 'scanning', target });
  }

  setScanner(scanner: NonNullable<Extract<ScanStatus, { state: 'scanning' }>['scanner']>): void {
    if (this.currentStatus?.state === 'scanning') {
      this.update({ ...this.currentStatus, scanner });
    }
  }

  finish(outcome: ScanOutcome): void {
    this.update(outcome.ok ? { state: 'done', report: outcome.report, stale: false } : { state: 'failed', failure: outcome.failure });
  }

  markStaleIfFor(document: vscode.Uri): void {
    if (this.currentStatus?.state === 'done' && !this.currentStatus.stale && this.currentDockerfile?.toString() === document.toString()) {
      this.update({ ...this.currentStatus, stale: true });
    }
  }

  clear(): void {
    this.currentDockerfile = undefined;
    this.update(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private update(status: ScanStatus | undefined): void {
    this.currentStatus = status;
    void vscode.commands.executeCommand('setContext', 'dockerfileAdvisor.hasScanResults', status?.state === 'done');
    void vscode.commands.executeCommand('setContext', 'dockerfileAdvisor.scanStarted', status !== undefined);
    this.changed.fire();
  }
}
