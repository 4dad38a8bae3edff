// Base image hover text: what it says in English, and in Spanish once the project's bundle carries its strings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as l10n from '@vscode/l10n';
import { describeBaseImage } from '../../../server/src/data/baseImages';
import { baseImageMarkdown } from '../../../server/src/docs/baseImageMarkdown';

const today = '2026-11-28';
const hover = (reference: string): string | undefined => baseImageMarkdown(describeBaseImage(reference, { today }));
const projectRoot = path.resolve(__dirname, '../../..');
const spanishBundle = path.join(projectRoot, 'l10n', 'bundle.l10n.es.json');

/** The English keys this module passes to l10n.t, read from its source. */
function l10nKeys(): string[] {
  const source = fs.readFileSync(path.join(projectRoot, 'server/src/docs/baseImageMarkdown.ts'), 'utf8');
  return [...source.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
}

describe('baseImageMarkdown', () => {
  it('describes python:3.8.4-slim-buster: runtime, distribution, C library, both ends of life, data date', () => {
    const text = hover('python:3.8.4-slim-buster') ?? '';
    assert.ok(text.includes('Runtime: Python 3.8.4'));
    assert.ok(text.includes('Distribution: Debian 10 (buster)'));
    assert.ok(text.includes('C library: glibc'));
    assert.ok(text.includes('Python 3.8 reached its end of life on 2024-10-07'));
    assert.ok(text.includes('Debian 10 (buster) reached its end of life on 2024-06-30'));
    assert.ok(text.includes('Supported replacement: `python:3.15-slim-trixie`'));
    assert.ok(text.includes('Slimmer variants: `python:3.8.4-alpine`'));
    assert.ok(text.includes('End-of-life data as of 2026-11-28.'));
  });

  it('tells LTS-only support apart from end of life', () => {
    const text = hover('debian:bookworm') ?? '';
    assert.ok(text.includes('left regular security support on 2026-06-10; long-term support lasts until 2028-06-30'));
    assert.ok(!text.includes('reached its end of life'));
  });

  it('warns about musl and moving tags, marks estimated dates', () => {
    const alpine = hover('python:3.15-alpine') ?? '';
    assert.ok(alpine.includes('C library: musl') && alpine.includes('musl is not glibc'));
    assert.ok(alpine.includes('Python 3.15 is supported until 2031-10-31. (estimated date)'));
    assert.ok((hover('python') ?? '').includes('This tag moves over time'));
    assert.ok((hover('openjdk:17') ?? '').includes('This image is deprecated'));
  });

  it('says nothing about unknown images and explains variables and scratch', () => {
    assert.strictEqual(hover('ghcr.io/org/app:1.0'), undefined);
    assert.ok(hover('python:${V}')?.includes('chosen by a variable'));
    assert.ok(hover('scratch')?.includes('empty image'));
  });

  describe('in Spanish', () => {
    let bundle: Record<string, string> | undefined;
    before(function () {
      if (!fs.existsSync(spanishBundle)) {
        // The lead merges this module's strings into l10n/bundle.l10n.es.json; until then there is nothing to read.
        console.log(`      skipped: ${path.relative(projectRoot, spanishBundle)} does not exist yet`);
        this.skip();
      }
      bundle = JSON.parse(fs.readFileSync(spanishBundle, 'utf8')) as Record<string, string>;
      if (!l10nKeys().some((key) => bundle?.[key] !== undefined)) {
        // None of this module's strings are there: /tmp/l10n-docs.json has not been merged in yet.
        console.log(`      skipped: ${path.relative(projectRoot, spanishBundle)} has none of this module's strings yet`);
        this.skip();
      }
    });
    after(() => l10n.config({ contents: {} }));

    it('every string of the hover has a Spanish translation', () => {
      const missing = l10nKeys().filter((key) => bundle?.[key] === undefined);
      assert.deepStrictEqual(missing, []);
    });

    it('renders the hover in Spanish', () => {
      l10n.config({ contents: bundle ?? {} });
      const text = hover('python:3.8.4-slim-buster') ?? '';
      assert.ok(text.includes('Distribución: Debian 10 (buster)'));
      assert.ok(text.includes('llegó al final de su vida útil el 2024-10-07'));
      assert.ok(text.includes('Variantes más ligeras'));
    });
  });
});
