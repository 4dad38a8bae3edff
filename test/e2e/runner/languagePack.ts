// A minimal Spanish language pack, so that `--locale es` really switches VS Code to Spanish.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACK_ID = 'dockerfile-advisor-e2e.spanish-language-pack';
const PACK_VERSION = '0.0.1';

/**
 * VS Code only honours a locale it has a language pack for; without one `vscode.env.language`
 * stays `en` and extensions never read their Spanish bundles. The pack's translations are empty
 * (the workbench stays in English); what matters is that the locale becomes `es`.
 */
export function installSpanishLanguagePack(userDataDir: string, extensionsDir: string): void {
  const [publisher, name] = PACK_ID.split('.');
  const packDir = path.join(extensionsDir, `${PACK_ID}-${PACK_VERSION}`);
  const translationsFile = path.join(packDir, 'translations', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translationsFile), { recursive: true });
  fs.writeFileSync(
    path.join(packDir, 'package.json'),
    JSON.stringify({
      name,
      publisher,
      version: PACK_VERSION,
      engines: { vscode: '*' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [
          {
            languageId: 'es',
            languageName: 'Spanish',
            localizedLanguageName: 'Español',
            translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
          },
        ],
      },
    }),
  );
  fs.writeFileSync(translationsFile, JSON.stringify({ version: '1.0.0', contents: {} }));

  // The same record (hash of id and version) VS Code writes when it installs a language pack.
  const hash = createHash('md5').update(PACK_ID).update(PACK_VERSION).digest('hex');
  const languagePacks = {
    es: {
      hash,
      extensions: [{ extensionIdentifier: { id: PACK_ID }, version: PACK_VERSION }],
      translations: { vscode: translationsFile },
      label: 'Español',
    },
  };
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks));
}
