// Where a rule's documentation lives: markdown shipped with the extension, one file per language.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { currentLanguage, type Language } from '../l10n/locale';
import { packageRoot } from '../util/packageRoot';

export function ruleDocsPath(ruleId: string, language: Language = currentLanguage()): string {
  return path.join(packageRoot(), 'docs', 'rules', language, `${ruleId}.md`);
}

const uris = new Map<string, string>();

/** A `file:` URI of the rule's page in the current language, falling back to English; looked up once per rule and language, as every finding carries one. */
export function ruleDocsUri(ruleId: string, language: Language = currentLanguage()): string {
  const key = `${language}/${ruleId}`;
  let uri = uris.get(key);
  if (uri === undefined) {
    const preferred = ruleDocsPath(ruleId, language);
    const chosen = language !== 'en' && !fs.existsSync(preferred) ? ruleDocsPath(ruleId, 'en') : preferred;
    uri = pathToFileURL(chosen).toString();
    uris.set(key, uri);
  }
  return uri;
}

const cache = new Map<string, string | undefined>();

/** The rule's markdown page, or undefined when none ships. */
export function ruleDocsMarkdown(ruleId: string, language: Language = currentLanguage()): string | undefined {
  const file = ruleDocsPath(ruleId, language);
  if (!cache.has(file)) {
    try {
      cache.set(file, fs.readFileSync(file, 'utf8'));
    } catch {
      cache.set(file, undefined);
    }
  }
  return cache.get(file);
}
