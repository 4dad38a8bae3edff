import * as assert from 'assert';
import { automaticArgDoc, directiveDoc, flagDoc, instructionDoc, mountDoc } from '../../../server/src/docs/referenceDocs';
import { findRule } from '../../../server/src/rules/registry';
import { trimRulePage } from '../../../server/src/service/hover';
import { ruleDocsMarkdown } from '../../../server/src/service/ruleDocs';
import { hoverText, inLanguage } from './fixture';

function includesPage(text: string | undefined, page: string | undefined): void {
  assert.ok(page !== undefined, 'the reference page exists');
  assert.ok(text?.includes(page.trim()), `hover:\n${text}\n\nshould include:\n${page}`);
}

describe('hover', () => {
  describe('syntax reference', () => {
    for (const language of ['en', 'es'] as const) {
      it(`shows the instruction page on a keyword (${language})`, inLanguage(language, () => {
        includesPage(hoverText('FROM alpine\nR|UN ls\n'), instructionDoc('RUN', language));
        includesPage(hoverText('FROM alpine\ncop|y a b\n'), instructionDoc('COPY', language));
      }));

      it(`shows flag pages (${language})`, inLanguage(language, () => {
        includesPage(hoverText('FROM --plat|form=linux/amd64 alpine\n'), flagDoc('FROM', 'platform', language));
        includesPage(hoverText('FROM alpine AS a\nFROM alpine\nCOPY --ch|mod=755 a b\n'), flagDoc('COPY', 'chmod', language));
        includesPage(hoverText('FROM alpine\nRUN --netw|ork=none ls\n'), flagDoc('RUN', 'network', language));
        includesPage(hoverText('FROM alpine\nHEALTHCHECK --inter|val=30s CMD true\n'), flagDoc('HEALTHCHECK', 'interval', language));
      }));

      it(`shows mount type and option pages inside --mount (${language})`, inLanguage(language, () => {
        includesPage(hoverText('FROM alpine\nRUN --mount=type=ca|che,target=/root/.cache ls\n'), mountDoc('type=cache', language));
        includesPage(hoverText('FROM alpine\nRUN --mount=type=cache,target=/x,shar|ing=locked ls\n'), mountDoc('sharing', language));
        includesPage(hoverText('FROM alpine\nRUN --mount=type=secret,id=npm,e|nv=TOKEN ls\n'), mountDoc('env', language));
        includesPage(hoverText('FROM alpine\nRUN --mo|unt=type=cache,target=/x ls\n'), flagDoc('RUN', 'mount', language));
      }));

      it(`shows directive pages, and a check key's own page (${language})`, inLanguage(language, () => {
        includesPage(hoverText('# syn|tax=docker/dockerfile:1\nFROM alpine\n'), directiveDoc('syntax', language));
        includesPage(hoverText('# check=sk|ip=StageNameCasing;error=true\nFROM alpine\n'), directiveDoc('check=skip', language));
        includesPage(hoverText('# check=skip=StageNameCasing;er|ror=true\nFROM alpine\n'), directiveDoc('check=error', language));
      }));

      it(`explains automatic ARGs where they are used and declared (${language})`, inLanguage(language, () => {
        const used = hoverText('FROM --platform=$BUILDPLA|TFORM golang:1.22 AS build\n');
        includesPage(used, automaticArgDoc('BUILDPLATFORM', language));
        const declared = hoverText('FROM alpine\nARG TARGET|ARCH\nRUN echo $TARGETARCH\n');
        includesPage(declared, automaticArgDoc('TARGETARCH', language));
      }));
    }
  });

  describe('base images', () => {
    it('describes python:3.8.4-slim-buster: end of life, glibc, Debian 10 (en)', inLanguage('en', () => {
      const text = hoverText('FROM python:3.8.4-sl|im-buster\nCMD ["python"]\n') ?? '';
      assert.match(text, /Python 3\.8\.4/);
      assert.match(text, /C library: glibc/);
      assert.match(text, /Debian 10 \(buster\)/);
      assert.match(text, /Python 3\.8 reached its end of life on 2024-10-07/);
      assert.match(text, /End-of-life data as of \d{4}-\d{2}-\d{2}/);
      assert.match(text, /python:3\.8\.4-alpine/, 'offers a slimmer variant');
    }));

    it('describes python:3.8.4-slim-buster in Spanish', inLanguage('es', () => {
      const text = hoverText('FROM python:3.8.4-sl|im-buster\nCMD ["python"]\n') ?? '';
      assert.match(text, /Biblioteca de C: glibc/);
      assert.match(text, /Distribución: Debian 10 \(buster\)/);
      assert.match(text, /Python 3\.8 llegó al final de su vida útil el 2024-10-07/);
      assert.match(text, /Datos de fin de vida a fecha de \d{4}-\d{2}-\d{2}/);
      assert.doesNotMatch(text, /reached its end of life|C library/);
    }));

    it('expands a global ARG in the image and shows both spellings', () => {
      const text = hoverText('ARG PY=3.12\nFROM python:${PY}-s|lim\n') ?? '';
      assert.match(text, /`python:\$\{PY\}-slim`\*\* → `python:3\.12-slim`/);
      assert.match(text, /Python 3\.12/);
    });

    it('describes an image given to COPY --from', () => {
      assert.match(hoverText('FROM alpine\nCOPY --from=node:2|0-alpine /usr/local/bin/node /n\n') ?? '', /C library: musl/);
    });
  });

  describe('stages', () => {
    const file = 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM build AS test\nFROM alpine\nCOPY --from=build /app /app\nRUN --mount=type=bind,from=build,target=/src ls\n';

    it('shows the FROM line and the stages that take from it, from every kind of reference', () => {
      for (const fixture of [
        file.replace('AS build', 'AS bu|ild'),
        file.replace('FROM build', 'FROM bui|ld'),
        file.replace('--from=build', '--from=bu|ild'),
        file.replace('from=build,', 'from=bu|ild,'),
      ]) {
        const text = hoverText(fixture) ?? '';
        assert.match(text, /Stage `build`/, fixture);
        assert.match(text, /FROM golang:1\.22 AS build/);
        assert.match(text, /`test`, line 3: `FROM`/);
        assert.match(text, /stage 2, line 5: `COPY --from`/);
        assert.match(text, /stage 2, line 6: `RUN --mount from=`/);
      }
    });

    it('says when nothing takes from a stage, in Spanish', inLanguage('es', () => {
      const text = hoverText('FROM alpine AS lo|nely\nFROM alpine\n') ?? '';
      assert.match(text, /Etapa `lonely`/);
      assert.match(text, /Ninguna otra etapa toma nada de ella/);
    }));
  });

  describe('variables', () => {
    it('gives the value at that point and where it was set', () => {
      const text = hoverText('FROM alpine\nARG VERSION=1.0\nENV APP_VERSION=${VERSION}-final\nRUN echo ${APP_VER|SION:-none}\n') ?? '';
      assert.match(text, /Value here: `1\.0-final`/);
      assert.match(text, /Set by `ENV APP_VERSION=\$\{VERSION\}-final` on line 3/);
    });

    it('follows redefinitions: the value is the one in force at the line', () => {
      const text = 'FROM alpine\nENV A=one\nRUN echo $A\nENV A=two\nRUN echo $A\n';
      assert.match(hoverText(text.replace('RUN echo $A\nENV', 'RUN echo $|A\nENV')) ?? '', /`one`/);
      assert.match(hoverText(text.replace(/\$A\n$/, '$|A\n')) ?? '', /`two`/);
    });

    it('says when a variable is undefined, and when a global ARG needs redeclaring', () => {
      assert.match(hoverText('FROM alpine\nWORKDIR $NO|PE\n') ?? '', /`NOPE` is not defined here/);
      const global = hoverText('ARG VERSION=1\nFROM alpine\nRUN echo $VER|SION\n') ?? '';
      assert.match(global, /No ARG or ENV sets `VERSION` before this line/);
      assert.match(global, /add `ARG VERSION` inside this stage/);
    });

    it('shows the value a declaration sets', () => {
      const path = hoverText('FROM alpine\nENV PA|TH=/opt/venv/bin:$PATH\n') ?? '';
      assert.match(path, /Value here: `\/opt\/venv\/bin:`/);
      assert.match(path, /`PATH` is not set in this file and counts as empty here; the base image may set it/);
      assert.match(hoverText('ARG PY=3.12\nFROM python:$PY\nARG P|Y\n') ?? '', /Value here: `3\.12`/);
    });

    it('speaks Spanish', inLanguage('es', () => {
      const text = hoverText('FROM alpine\nARG V=1\nRUN echo $|V\n') ?? '';
      assert.match(text, /Valor aquí: `1`/);
      assert.match(text, /Definida por `ARG V=1` en la línea 2/);
    }));
  });

  describe('diagnostics', () => {
    it("shows the docs of the rule reported under the cursor, with its id and aliases", () => {
      const rule = findRule('JSONArgsRecommended');
      assert.ok(rule);
      const text = hoverText('FROM alpine\nCMD python ma|in.py\n') ?? '';
      assert.ok(text.startsWith(`**${rule.id}**`), text);
      for (const alias of rule.aliases) {
        assert.ok(text.includes(alias), `alias ${alias} in\n${text}`);
      }
    });

    for (const language of ['en', 'es'] as const) {
      it(`keeps the rule page's why and how-to-fix sections, not its examples (${language})`, inLanguage(language, () => {
        const page = ruleDocsMarkdown('JSONArgsRecommended', language);
        assert.ok(page !== undefined, 'the rule page ships with the extension');
        const text = hoverText('FROM alpine\nCMD python ma|in.py\n') ?? '';
        const sections = page.split(/\n(?=## )/);
        const section = (heading: RegExp): string => sections.find((s) => heading.test(s))?.trim() ?? '';
        assert.ok(text.includes(section(/^## (Why it matters|Por qué importa)/)), text);
        assert.ok(text.includes(section(/^## (How to fix|Cómo corregirlo)/)), text);
        assert.ok(!text.includes(section(/^## (Bad|Incorrecto)/)), 'the bad example is left to the full page');
      }));
    }

    it('keeps a page whole when it has none of the expected sections', () => {
      assert.equal(trimRulePage('# Rule\n\nIntro.\n\n## Details\n\nMore.\n'), 'Intro.\n\n## Details\n\nMore.');
    });
  });

  it('still means the word when the cursor sits right after it', () => {
    includesPage(hoverText('FROM alpine\nARG| V=1\n'), instructionDoc('ARG', 'en'));
    assert.match(hoverText('FROM alpine\nARG V=1\nWORKDIR $V|\n') ?? '', /Value here: `1`/);
  });

  it('does not fall back to English hovers in Spanish', inLanguage('es', () => {
    assert.equal(hoverText('FROM alpine\nWORKDIR /a|pp\n'), undefined);
  }));

  it('shows nothing over plain arguments', () => {
    assert.equal(hoverText('FROM alpine\nWORKDIR /a|pp\n'), undefined);
  });
});
