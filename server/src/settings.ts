// The server's view of the `dockerfileAdvisor.*` settings, validated so malformed values fall back to defaults.
import type { SeveritySetting } from './rules/rule';
import { isSeveritySetting } from './service/validation';

export interface ServerSettings {
  readonly language: 'auto' | 'en' | 'es';
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Files larger than this many bytes are not analysed. */
  readonly maxFileSize: number;
  /** Build context folder relative to the Dockerfile's folder, for `.dockerignore`. */
  readonly buildContext: string;
}

export const defaultSettings: ServerSettings = {
  language: 'auto',
  rules: {},
  maxFileSize: 2 * 1024 * 1024,
  buildContext: '.',
};

/** Reads settings from whatever the client sent; anything of the wrong shape keeps its default. */
export function readSettings(raw: unknown): ServerSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const language = value.language === 'en' || value.language === 'es' ? value.language : 'auto';
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object' && !Array.isArray(value.rules)) {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (isSeveritySetting(severity)) {
        rules[id] = severity;
      }
    }
  }
  const maxFileSize =
    typeof value.maxFileSize === 'number' && Number.isFinite(value.maxFileSize) && value.maxFileSize > 0
      ? value.maxFileSize
      : defaultSettings.maxFileSize;
  const buildContext = typeof value.buildContext === 'string' && value.buildContext.trim() !== '' ? value.buildContext : '.';
  return { language, rules, maxFileSize, buildContext };
}
