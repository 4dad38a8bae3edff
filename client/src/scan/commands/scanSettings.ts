// Reads the scan settings; executable paths only in a trusted workspace, where running programs is allowed.
import * as vscode from 'vscode';
import { t } from '../../localize';
import { DEFAULT_SCANNER_PATHS, type ScannerPaths, type ScannerPreference } from '../scanners';

export interface ScanSettings {
  readonly preference: ScannerPreference;
  readonly paths: ScannerPaths;
  readonly timeoutMs: number;
}

const PREFERENCES: readonly ScannerPreference[] = ['auto', 'trivy', 'grype', 'docker-scout'];
const DEFAULT_TIMEOUT_SECONDS = 600;

/** `undefined` in an untrusted workspace, after telling the user why nothing runs. */
export function readScanSettingsOrRefuse(): ScanSettings | undefined {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      t('Scanning runs external programs, which Dockerfile Advisor does not do in an untrusted workspace. Trust this workspace to scan.'),
    );
    return undefined;
  }
  const config = vscode.workspace.getConfiguration('dockerfileAdvisor.scan');
  const preference = config.get<string>('scanner', 'auto');
  const timeoutSeconds = config.get<number>('timeoutSeconds', DEFAULT_TIMEOUT_SECONDS);
  return {
    preference: (PREFERENCES as readonly string[]).includes(preference) ? (preference as ScannerPreference) : 'auto',
    paths: {
      trivy: pathSetting(config, 'trivyPath', DEFAULT_SCANNER_PATHS.trivy),
      grype: pathSetting(config, 'grypePath', DEFAULT_SCANNER_PATHS.grype),
      // One docker path for scanning and building: `dockerfileAdvisor.docker.path`.
      docker: pathSetting(vscode.workspace.getConfiguration('dockerfileAdvisor.docker'), 'path', DEFAULT_SCANNER_PATHS.docker),
    },
    timeoutMs: (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS) * 1000,
  };
}

function pathSetting(config: vscode.WorkspaceConfiguration, key: string, fallback: string): string {
  const value = config.get<string>(key, '').trim();
  return value === '' ? fallback : value;
}
