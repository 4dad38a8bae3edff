// Every user-visible string exists in Spanish, and no text in either language is mangled.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.es.json'), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

/** The first argument of `l10n.t('...')`, `vscode.l10n.t('...')` and the client's `t('...')`, when it is a literal. */
function localizedStrings(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(path.join(root, 'server', 'src')), ...sourceFiles(path.join(root, 'client', 'src'))]) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.arguments.length > 0) {
        const callee = node.expression.getText(source);
        const first = node.arguments[0];
        if ((callee === 'l10n.t' || callee === 'vscode.l10n.t' || callee === 't') && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          found.set(first.text, `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const mojibake = /Ã.|Â.|ï¿½|\ufffd|[\uac00-\ud7a3]/;

describe('localization completeness', () => {
  const strings = localizedStrings();

  it('finds the localized strings of the server and the client', () => {
    assert.ok(strings.size > 200, `only ${strings.size} strings found`);
  });

  it('has a Spanish translation for every localized string, with the same placeholders', () => {
    const missing = [...strings.entries()].filter(([english]) => !(english in bundle)).map(([english, where]) => `${where}: ${english}`);
    assert.deepEqual(missing, []);
    const placeholders = (text: string): string => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    const mismatched = [...strings.keys()].filter((english) => english in bundle && placeholders(english) !== placeholders(bundle[english]));
    assert.deepEqual(mismatched, []);
  });

  it('has Spanish that is not the English text, and no mojibake anywhere', () => {
    const identical = Object.entries(bundle).filter(([english, spanish]) => english === spanish && /[a-z]{4,}\s+[a-z]{4,}/i.test(english));
    assert.deepEqual(identical.map(([english]) => english), []);
    const mangled = Object.entries(bundle).filter(([english, spanish]) => mojibake.test(english) || mojibake.test(spanish));
    assert.deepEqual(mangled, []);
  });

  it('keeps the manifest strings in both languages, key for key', () => {
    const en = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const es = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.es.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(used.filter((key) => !(key in en)), []);
    for (const [key, value] of Object.entries(es)) {
      assert.doesNotMatch(value, mojibake, key);
    }
  });

  it('writes Spanish with Spanish words and accents, not English', () => {
    const spanishValues = Object.values(bundle).join('\n');
    assert.match(spanishValues, /[áéíóúñ¿¡]/);
    const englishLeft = Object.entries(bundle).filter(([, spanish]) => /\b(the|should|which|cannot|with)\b/.test(spanish.replace(/`[^`]*`|'[^']*'|"[^"]*"|«[^»]*»/g, '')));
    assert.deepEqual(englishLeft.map(([english]) => english), []);
  });
});
