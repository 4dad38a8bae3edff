import * as assert from 'assert';
import { knownTags } from '../../../server/src/data/baseImages';
import {
  CHMOD_MODES, NETWORK_MODES, PLATFORMS, SECURITY_MODES, SHARING_MODES, directiveDoc, flagDoc, instructionDoc, listInstructions,
  listMountOptions, mountDoc,
} from '../../../server/src/docs/referenceDocs';
import { allRules } from '../../../server/src/rules/registry';
import { completions, documentation, inLanguage, labels } from './fixture';

describe('completion', () => {
  describe('RUN --mount', () => {
    for (const language of ['en', 'es'] as const) {
      it(`offers the mount types after --mount=type=, documented in ${language}`, inLanguage(language, async () => {
        const items = await completions('FROM alpine\nRUN --mount=type=|');
        assert.deepEqual(items.map((i) => i.label), ['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
        for (const item of items) {
          assert.equal(documentation(item), mountDoc(`type=${String(item.label)}`, language));
        }
      }));
    }

    it('replaces only the value being typed', async () => {
      const [cache] = (await completions('FROM alpine\nRUN --mount=type=ca|')).filter((i) => i.label === 'cache');
      assert.deepEqual(cache.textEdit, { range: { start: { line: 1, character: 17 }, end: { line: 1, character: 19 } }, newText: 'cache' });
    });

    it('offers the options of the mount type after a comma, without those already written', async () => {
      const cache = await labels('FROM alpine\nRUN --mount=type=cache,target=/root/.cache,|');
      const expected = listMountOptions('cache').filter((o) => o.name !== 'target').map((o) => (o.bare ? o.name : `${o.name}=`));
      assert.deepEqual(cache, expected);
      assert.ok((await labels('FROM alpine\nRUN --mount=type=secret,|')).includes('env='));
      assert.ok((await labels('FROM alpine\nRUN --mount=|')).includes('type='), 'type= is offered first');
    });

    it('offers sharing= values and stage names after from=', async () => {
      assert.deepEqual(await labels('FROM alpine\nRUN --mount=type=cache,target=/x,sharing=|'), [...SHARING_MODES]);
      assert.deepEqual(await labels('FROM golang AS build\nFROM alpine\nRUN --mount=type=bind,from=|'), ['build']);
    });
  });

  describe('flags', () => {
    it('offers every flag of the instruction, leaving out the ones already given once', async () => {
      assert.deepEqual(await labels('FROM alpine\nCOPY --|'), ['--from', '--chown', '--chmod', '--link', '--exclude', '--parents']);
      const add = await labels('FROM alpine\nADD --link --|');
      assert.ok(add.includes('--checksum') && add.includes('--keep-git-dir') && add.includes('--unpack') && !add.includes('--link'));
      assert.ok((await labels('FROM alpine\nRUN --mount=type=cache,target=/x --|')).includes('--mount'), '--mount is repeatable');
      assert.deepEqual(await labels('FROM --|'), ['--platform']);
    });

    it('inserts "=" for flags with values and documents them in Spanish', inLanguage('es', async () => {
      const items = await completions('FROM alpine\nRUN --n|');
      const network = items.find((i) => i.label === '--network');
      assert.equal(network?.textEdit?.newText, '--network=');
      assert.equal(documentation(network), flagDoc('RUN', 'network', 'es'));
    }));

    it('offers the values of --network, --security, --chmod and --platform', async () => {
      assert.deepEqual(await labels('FROM alpine\nRUN --network=|'), [...NETWORK_MODES]);
      assert.deepEqual(await labels('FROM alpine\nRUN --security=|'), [...SECURITY_MODES]);
      assert.deepEqual(await labels('FROM alpine\nCOPY --chmod=|'), [...CHMOD_MODES]);
      const platforms = await labels('FROM --platform=|');
      assert.ok(PLATFORMS.every((p) => platforms.includes(p)) && platforms.includes('$BUILDPLATFORM'));
    });

    it('offers the flags after a space before the first argument', async () => {
      assert.deepEqual(await labels('FROM alpine\nCOPY --from=build |/app /app'), ['--chown', '--chmod', '--link', '--exclude', '--parents']);
      assert.deepEqual(await labels('FROM golang AS build\nFROM |'), ['--platform', 'build']);
      assert.deepEqual(await labels('FROM alpine\nHEALTHCHECK --interval=5s C|'), ['CMD', 'NONE']);
      assert.ok((await labels('FROM alpine\nHEALTHCHECK |')).includes('--retries'));
    });

    it('offers only earlier stages after --from=', async () => {
      const text = 'FROM golang AS build\nFROM alpine AS test\nCOPY --from=| a b\nFROM alpine AS later\n';
      assert.deepEqual(await labels(text), ['build']);
    });
  });

  describe('variables', () => {
    it('offers the variables in scope and the automatic ARGs after $', async () => {
      const items = await completions('ARG GLOBAL=1\nFROM alpine\nARG VERSION=2\nENV HOME_DIR=/app\nRUN echo $|');
      const names = items.map((i) => i.label);
      assert.ok(names.includes('VERSION') && names.includes('HOME_DIR') && names.includes('TARGETARCH') && names.includes('HTTP_PROXY'));
      assert.equal(items.find((i) => i.label === 'VERSION')?.detail, 'ARG on line 3 = 2');
      assert.match(String(items.find((i) => i.label === 'TARGETARCH')?.detail), /needs ARG TARGETARCH/);
    });

    it('closes ${ unless the brace is already there', async () => {
      const open = await completions('FROM alpine\nARG V=1\nRUN echo ${|');
      assert.equal(open.find((i) => i.label === 'V')?.textEdit?.newText, 'V}');
      const closed = await completions('FROM alpine\nARG V=1\nRUN echo ${|}');
      assert.equal(closed.find((i) => i.label === 'V')?.textEdit?.newText, 'V');
    });

    it('offers global ARGs in FROM', async () => {
      assert.ok((await labels('ARG PY=3.12\nFROM python:$|')).includes('PY'));
    });

    it('describes them in Spanish', inLanguage('es', async () => {
      const items = await completions('FROM alpine\nARG V=1\nRUN echo $|');
      assert.equal(items.find((i) => i.label === 'V')?.detail, 'ARG en la línea 2 = 1');
    }));
  });

  describe('directives', () => {
    it('offers the directives and the check keys', async () => {
      assert.deepEqual(await labels('# |'), ['syntax=', 'escape=', 'check=']);
      assert.deepEqual(await labels('# check=|\nFROM alpine\n'), ['skip=', 'error=', 'experimental=']);
      assert.deepEqual(await labels('# check=skip=A;|\nFROM alpine\n'), ['error=', 'experimental=']);
    });

    it('offers every rule after skip= and the experimental ones after experimental=', async () => {
      const skip = await labels('# check=skip=|\nFROM alpine\n');
      assert.deepEqual(skip, [...allRules.map((r) => r.id), 'all']);
      const next = await labels(`# check=skip=${allRules[0].id},|\nFROM alpine\n`);
      assert.ok(!next.includes(allRules[0].id) && !next.includes('all'));
      const experimental = await labels('# check=experimental=|\nFROM alpine\n');
      assert.deepEqual(experimental, [...allRules.filter((r) => r.experimental === true).map((r) => r.id), 'all']);
    });

    it('documents check keys in Spanish', inLanguage('es', async () => {
      const items = await completions('# check=|\nFROM alpine\n');
      assert.equal(documentation(items.find((i) => i.label === 'skip=')), directiveDoc('check=skip', 'es'));
    }));

    it('offers nothing of ours in a comment after the first instruction', async () => {
      const items = await completions('FROM alpine\n# |');
      assert.ok(!items.some((i) => i.label === 'check='));
    });
  });

  describe('instructions and images', () => {
    for (const language of ['en', 'es'] as const) {
      it(`offers every instruction with its page (${language})`, inLanguage(language, async () => {
        const items = await completions('FROM alpine\n|');
        assert.deepEqual(items.map((i) => i.label), [...listInstructions()]);
        assert.equal(documentation(items.find((i) => i.label === 'RUN')), instructionDoc('RUN', language));
      }));
    }

    it('keeps the casing being typed and replaces a whole keyword', async () => {
      assert.ok((await labels('FROM alpine\nru|')).includes('run'));
      const env = (await completions('FROM alpine\nEN|V a=b')).find((i) => i.label === 'ENV');
      assert.deepEqual(env?.textEdit, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, newText: 'ENV' });
    });

    it('offers instructions after ONBUILD, except the ones it cannot wrap', async () => {
      const items = await labels('FROM alpine\nONBUILD |');
      assert.ok(items.includes('RUN') && !items.includes('FROM') && !items.includes('ONBUILD'));
    });

    it('offers the known tags after FROM image:', async () => {
      const tags = knownTags('python');
      assert.ok(tags.length > 0);
      assert.deepEqual(await labels('FROM python:|'), tags);
      assert.deepEqual(await labels('FROM node:2|'), knownTags('node'));
    });

    it('offers earlier stages as a base, and AS after the image', async () => {
      assert.deepEqual(await labels('FROM golang AS build\nFROM b|'), ['build']);
      assert.deepEqual(await labels('FROM golang |'), ['AS']);
      assert.deepEqual(await labels('from golang |'), ['as']);
    });
  });
});
