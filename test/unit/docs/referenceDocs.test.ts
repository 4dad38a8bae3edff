// Reference docs: both languages complete, clean UTF-8, really Spanish in Spanish, and every lookup resolving.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CHECK_KEYS, DIRECTIVES, INSTRUCTIONS, MOUNT_TYPES, NETWORK_MODES, PLATFORMS, SECURITY_MODES, SHARING_MODES,
  automaticArgDoc, directiveDoc, docLanguage, flagDoc, instructionDoc, listAutomaticArgs, listFlags,
  listMountOptions, listMountTypes, mountDoc,
} from '../../../server/src/docs/referenceDocs';

const referenceRoot = path.resolve(__dirname, '../../../docs/reference');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

function relativeFiles(lang: string): string[] {
  const root = path.join(referenceRoot, lang);
  return markdownFiles(root).map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
}

/** The prose of a page: code blocks, code spans and links removed, so only the written language is left. */
function prose(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/^#.*$/gm, ' ');
}

const MOJIBAKE = /Ã|Â|ï¿½|\uFFFD|[\uAC00-\uD7AF]/;
const ENGLISH_WORDS = /\b(the|and|with|when|stage|layer|image|container|build|without|default)\b/i;
const SPANISH_WORDS = /\b(el|la|los|las|de|que|para|una|con|por|sin)\b/i;
const SPANISH_LETTERS = /[áéíóúñü¿¡]/i;

describe('reference docs files', () => {
  const en = relativeFiles('en');
  const es = relativeFiles('es');

  it('has the same pages in English and Spanish', () => {
    assert.ok(en.length >= 80, `only ${en.length} English pages`);
    assert.deepStrictEqual(es, en);
  });

  for (const lang of ['en', 'es']) {
    it(`${lang}: every page is valid UTF-8, not empty, free of mojibake, hover-sized and links to Docker's reference`, () => {
      const decoder = new TextDecoder('utf-8', { fatal: true });
      for (const file of relativeFiles(lang)) {
        const text = decoder.decode(fs.readFileSync(path.join(referenceRoot, lang, file)));
        assert.ok(text.trim().length > 100, `${lang}/${file} is empty or nearly so`);
        assert.ok(!MOJIBAKE.test(text), `${lang}/${file} has mojibake: ${MOJIBAKE.exec(text)?.[0]}`);
        assert.ok(text.length < 1600, `${lang}/${file} is ${text.length} characters, too long for a hover`);
        assert.match(text, /\]\(https:\/\/docs\.docker\.com\/reference\/dockerfile\/#[a-z0-9-]+\)/, `${lang}/${file} lacks the reference link`);
        assert.match(text, /```(dockerfile|sh)\n[\s\S]+?\n```/, `${lang}/${file} lacks a code block`);
        const headings = lang === 'en' ? ['**Syntax**', '**Example**'] : ['**Sintaxis**', '**Ejemplo**'];
        for (const heading of headings) {
          assert.ok(text.includes(heading), `${lang}/${file} lacks ${heading}`);
        }
      }
    });
  }

  it('Spanish pages are written in Spanish, not left in English', () => {
    for (const file of es) {
      const spanish = fs.readFileSync(path.join(referenceRoot, 'es', file), 'utf8');
      const english = fs.readFileSync(path.join(referenceRoot, 'en', file), 'utf8');
      const text = prose(spanish);
      assert.notStrictEqual(prose(spanish).trim(), prose(english).trim(), `es/${file} is the English text`);
      assert.ok(SPANISH_LETTERS.test(text) || SPANISH_WORDS.test(text), `es/${file} does not read as Spanish`);
      assert.ok(!ENGLISH_WORDS.test(text), `es/${file} has English prose: "${ENGLISH_WORDS.exec(text)?.[0]}"`);
    }
  });

  it('English pages carry no Spanish prose', () => {
    for (const file of en) {
      const text = prose(fs.readFileSync(path.join(referenceRoot, 'en', file), 'utf8'));
      assert.ok(!SPANISH_LETTERS.test(text), `en/${file} has Spanish letters`);
      assert.ok(!/\b(el|los|las|para|una|del)\b/.test(text), `en/${file} has Spanish words`);
    }
  });

  it('Spanish pages use Docker\'s Spanish terms', () => {
    const all = es.map((f) => fs.readFileSync(path.join(referenceRoot, 'es', f), 'utf8')).join('\n');
    for (const term of ['imagen', 'etapa', 'capa', 'contenedor']) {
      assert.ok(all.includes(term), `no Spanish page says "${term}"`);
    }
  });
});

describe('reference doc lookups', () => {
  it('finds every instruction in both languages', () => {
    for (const name of INSTRUCTIONS) {
      for (const lang of ['en', 'es']) {
        assert.ok(instructionDoc(name, lang)?.includes(`# \`${name}\``), `${name} ${lang}`);
      }
    }
    assert.strictEqual(instructionDoc('from', 'en'), instructionDoc('FROM', 'en'));
    assert.strictEqual(instructionDoc('NOPE', 'en'), undefined);
  });

  it('finds every flag of every instruction in both languages', () => {
    let count = 0;
    for (const instruction of INSTRUCTIONS) {
      for (const f of listFlags(instruction)) {
        for (const lang of ['en', 'es']) {
          const doc = flagDoc(instruction, `--${f.name}`, lang);
          assert.ok(doc?.includes(`${instruction} --${f.name}`), `${instruction} --${f.name} ${lang}`);
        }
        count++;
      }
    }
    assert.strictEqual(count, 23);
  });

  it('accepts a flag with or without dashes and value, and rejects flags the instruction lacks', () => {
    const doc = flagDoc('COPY', '--from', 'es');
    assert.ok(doc?.includes('etapa'));
    assert.strictEqual(flagDoc('copy', 'from=build', 'es'), doc);
    assert.strictEqual(flagDoc('COPY', '--checksum', 'en'), undefined);
    assert.strictEqual(flagDoc('ADD', '--from', 'en'), undefined);
    assert.ok(flagDoc('ADD', '--checksum', 'en')?.includes('sha256:'));
  });

  it('lists the flags and their values', () => {
    assert.deepStrictEqual(listFlags('run').map((f) => f.name), ['mount', 'network', 'security', 'device']);
    assert.deepStrictEqual(listFlags('RUN').find((f) => f.name === 'network')?.values, NETWORK_MODES);
    assert.deepStrictEqual(listFlags('RUN').find((f) => f.name === 'security')?.values, SECURITY_MODES);
    assert.deepStrictEqual(listFlags('FROM')[0].values, PLATFORMS);
    assert.ok(PLATFORMS.includes('linux/arm/v7') && PLATFORMS.includes('windows/amd64'));
    assert.ok(listFlags('COPY').find((f) => f.name === 'chmod')?.values?.includes('755'));
    assert.strictEqual(listFlags('COPY').find((f) => f.name === 'link')?.valueRequired, false);
    assert.strictEqual(listFlags('COPY').find((f) => f.name === 'exclude')?.repeatable, true);
    assert.deepStrictEqual(listFlags('HEALTHCHECK').map((f) => f.name), ['interval', 'timeout', 'start-period', 'start-interval', 'retries']);
    assert.deepStrictEqual(listFlags('CMD'), []);
  });

  it('finds every mount type and option, with aliases', () => {
    assert.deepStrictEqual(listMountTypes(), MOUNT_TYPES);
    for (const type of MOUNT_TYPES) {
      for (const lang of ['en', 'es']) {
        assert.ok(mountDoc(type, lang)?.includes(`type=${type}`), `${type} ${lang}`);
        assert.strictEqual(mountDoc(`type=${type}`, lang), mountDoc(type, lang));
        for (const option of listMountOptions(type)) {
          for (const spelling of [option.name, ...option.aliases]) {
            assert.ok(mountDoc(spelling, lang) !== undefined, `${type} ${spelling} ${lang}`);
          }
        }
      }
    }
    assert.strictEqual(mountDoc('dst', 'en'), mountDoc('target', 'en'));
    assert.strictEqual(mountDoc('ro', 'es'), mountDoc('rw', 'es'));
    assert.ok(mountDoc('sharing=locked', 'es')?.includes('locked'));
    assert.strictEqual(mountDoc('type=volume', 'en'), undefined);
    assert.strictEqual(mountDoc('nope', 'en'), undefined);
  });

  it('lists the options of each mount type, bind by default', () => {
    assert.deepStrictEqual(listMountOptions().map((o) => o.name), ['target', 'source', 'from', 'rw']);
    assert.deepStrictEqual(listMountOptions('cache').find((o) => o.name === 'sharing')?.values, SHARING_MODES);
    assert.deepStrictEqual(listMountOptions('tmpfs').map((o) => o.name), ['target', 'size']);
    assert.ok(listMountOptions('secret').some((o) => o.name === 'env'));
    assert.ok(!listMountOptions('ssh').some((o) => o.name === 'env'));
    assert.deepStrictEqual(listMountOptions('volume'), []);
  });

  it('finds the parser directives and check keys', () => {
    for (const directive of DIRECTIVES) {
      assert.ok(directiveDoc(directive, 'es')?.includes(`# ${directive}`));
    }
    for (const key of CHECK_KEYS) {
      assert.ok(directiveDoc(`check=${key}`, 'en')?.includes(`# check=${key}=`));
    }
    assert.strictEqual(directiveDoc('# syntax=docker/dockerfile:1', 'en'), directiveDoc('syntax', 'en'));
    assert.strictEqual(directiveDoc('#check=skip=JSONArgsRecommended', 'en'), directiveDoc('check.skip', 'en'));
    assert.strictEqual(directiveDoc('check=nope', 'en'), undefined);
    assert.strictEqual(directiveDoc('shell', 'en'), undefined);
  });

  it('finds every automatic ARG, proxy ARGs in both cases', () => {
    const args = listAutomaticArgs();
    assert.strictEqual(args.length, 27);
    for (const { name } of args) {
      assert.ok(automaticArgDoc(name, 'en')?.includes(name.toUpperCase()), name);
      assert.ok(automaticArgDoc(name, 'es') !== undefined, name);
    }
    assert.ok(args.some((a) => a.name === 'http_proxy' && a.kind === 'proxy'));
    assert.strictEqual(args.find((a) => a.name === 'TARGETARCH')?.kind, 'platform');
    assert.strictEqual(args.find((a) => a.name === 'SOURCE_DATE_EPOCH')?.kind, 'buildkit');
    assert.strictEqual(automaticArgDoc('https_proxy', 'es'), automaticArgDoc('HTTPS_PROXY', 'es'));
    assert.strictEqual(automaticArgDoc('targetplatform', 'en'), undefined);
    assert.ok(automaticArgDoc('BUILDPLATFORM', 'es')?.includes('compilación'));
  });

  it('maps locales to a documented language, region variants included', () => {
    assert.strictEqual(docLanguage('es'), 'es');
    assert.strictEqual(docLanguage('es-MX'), 'es');
    assert.strictEqual(docLanguage('es-419'), 'es');
    assert.strictEqual(docLanguage('en-GB'), 'en');
    assert.strictEqual(docLanguage('fr'), 'en');
    assert.strictEqual(docLanguage(undefined), 'en');
    assert.strictEqual(docLanguage('est'), 'en');
    assert.strictEqual(instructionDoc('RUN', 'es-MX'), instructionDoc('RUN', 'es'));
  });
});
