// Chooses the language of the server's and CLI's messages and loads its @vscode/l10n bundle.
import * as fs from 'fs';
import * as path from 'path';
import * as l10n from '@vscode/l10n';
import { packageRoot } from '../util/packageRoot';

export type Language = 'en' | 'es';

let current: Language = 'en';

/** `es-MX`, `es_419.UTF-8`, `ES` → `es`; anything we do not ship → `en`. */
export function resolveLanguage(locale: string | undefined | null): Language {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_.@]/)[0];
  return primary === 'es' ? 'es' : 'en';
}

/** Switches every later `l10n.t` call to `language`. */
export function setLanguage(language: Language): void {
  current = language;
  if (language === 'en') {
    l10n.config({ contents: {} });
    return;
  }
  const bundle = path.join(packageRoot(), 'l10n', `bundle.l10n.${language}.json`);
  try {
    l10n.config({ contents: fs.readFileSync(bundle, 'utf8') });
  } catch {
    // Without the bundle the English text still reads correctly.
    l10n.config({ contents: {} });
  }
}

export function currentLanguage(): Language {
  return current;
}
