// Reads the build settings; the docker path only in a trusted workspace, where running programs is allowed.
import * as vscode from 'vscode';
import { t } from '../localize';
import { isValidPlatform } from './platforms';

export interface BuildSettings {
  readonly dockerPath: string;
  readonly defaultPlatforms: readonly string[];
  readonly checkBaseImages: boolean;
  readonly timeoutMs: number;
}

const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
const DEFAULT_TIMEOUT_MINUTES = 60;

/** `undefined` in an untrusted workspace, after telling the user why nothing runs. */
export function readBuildSettingsOrRefuse(): BuildSettings | undefined {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      t('Building runs Docker, which Dockerfile Advisor does not do in an untrusted workspace. Trust this workspace to build.'),
    );
    return undefined;
  }
  return readBuildSettings();
}

/** Only for trusted workspaces: the docker path is machine-scoped, but a trusted check keeps the rule in one place. */
export function readBuildSettings(): BuildSettings {
  const config = vscode.workspace.getConfiguration('dockerfileAdvisor');
  const dockerPath = config.get<string>('docker.path', '').trim();
  const timeoutMinutes = config.get<number>('build.timeoutMinutes', DEFAULT_TIMEOUT_MINUTES);
  return {
    dockerPath: dockerPath === '' ? 'docker' : dockerPath,
    defaultPlatforms: defaultPlatforms(config.get<unknown>('build.platforms')),
    checkBaseImages: config.get<boolean>('build.checkBaseImages', true),
    timeoutMs: (Number.isFinite(timeoutMinutes) && timeoutMinutes > 0 ? timeoutMinutes : DEFAULT_TIMEOUT_MINUTES) * 60_000,
  };
}

function defaultPlatforms(value: unknown): string[] {
  if (Array.isArray(value)) {
    const platforms = value.filter((item): item is string => typeof item === 'string' && isValidPlatform(item));
    if (platforms.length > 0) {
      return platforms;
    }
  }
  return [...DEFAULT_PLATFORMS];
}
