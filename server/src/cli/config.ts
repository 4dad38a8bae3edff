// Reads `.dockerfile-advisor.json`, the CLI's equivalent of the editor settings, found upward from a Dockerfile.
import * as fs from 'fs';
import * as path from 'path';
import { readSettings, type ServerSettings } from '../settings';

export const configFileName = '.dockerfile-advisor.json';

export interface LoadedConfig {
  readonly settings: ServerSettings;
  /** The file the settings came from, when one was found. */
  readonly file?: string;
}

export class ConfigError extends Error {}

export function loadConfig(startDir: string): LoadedConfig {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, configFileName);
    if (fs.existsSync(candidate)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(candidate, 'utf8'));
      } catch (error) {
        throw new ConfigError(`${candidate}: ${(error as Error).message}`);
      }
      return { settings: readSettings(parsed), file: candidate };
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return { settings: readSettings({}) };
    }
    dir = parent;
  }
}
