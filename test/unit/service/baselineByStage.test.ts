// dockerfile-utils' validation stage by stage finds exactly what it finds on the whole file.
import * as assert from 'assert';
import { validate, type ValidatorSettings } from 'dockerfile-utils';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { StageValidationCache, stagePieces } from '../../../server/src/service/baselineByStage';
import { syntheticDockerfile } from '../../bench/synthetic';
import { corpusFiles, readCorpus } from '../fixes/corpus';

const key = (d: Diagnostic): string => JSON.stringify([d.range, d.code, d.message, d.severity, (d as { instructionLine?: number }).instructionLine]);
const sorted = (ds: Diagnostic[]): string[] => ds.map(key).sort();

const everyCheck: ValidatorSettings = {};

function byStage(text: string, settings: ValidatorSettings, cache = new StageValidationCache(0)): Diagnostic[] {
  return cache.validate(parseDockerfile(text), (piece) => validate(piece, settings), () => validate(text, settings));
}

const handWritten = [
  // Global ARGs, directives and a comment that silences dockerfile-utils on the next FROM.
  '# escape=\\\nARG BASE=alpine\nARG unused\nFROM ${BASE} AS one\nCMD a\nCMD b\n# dockerfile-utils: ignore\nFROM alpine AS two\nEXPOSE 80/xyz\nENTRYPOINT a\nENTRYPOINT b\n',
  // Heredocs, an empty continuation line and ONBUILD across stages.
  'FROM alpine AS a\nRUN <<EOF\necho one\n\nFROM not-a-stage\nEOF\nRUN echo a \\\n\n  b\nFROM a AS b\nONBUILD RUN x\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\nFROM scratch\nCOPY --from=a / /\n',
  // An ignore comment ending the preamble silences the first FROM only, not a later stage's FROM.
  'ARG X=1\n# dockerfile-utils: ignore\nFROM alpine AS a\nRUN echo 1\nFROM alpine x y z\nRUN echo 2\n',
  // Instructions before the first FROM, and a backtick escape.
  '# escape=`\nRUN echo before\nFROM mcr.microsoft.com/windows/servercore AS w\nRUN dir `\n  c:\\\nFROM w\nUSER ContainerUser\n',
];

describe('dockerfile-utils validation by stage', function () {
  this.timeout(120_000);

  it('finds on every corpus file, synthetic and hand-written file what the whole-file validation finds, with all checks on', () => {
    const texts = [
      ...corpusFiles().map((name) => ({ name, text: readCorpus(name) })),
      ...handWritten.map((text, i) => ({ name: `hand-written ${i}`, text })),
      { name: 'synthetic', text: syntheticDockerfile(600, 12, 3).text },
    ];
    let split = 0;
    for (const { name, text } of texts) {
      if (parseDockerfile(text).stages.length > 1) {
        split++;
      }
      assert.deepStrictEqual(sorted(byStage(text, everyCheck)), sorted(validate(text, everyCheck)), name);
    }
    assert.ok(split >= 3, `${split} files had more than one stage`);
  });

  it('reuses the findings of unchanged stages and validates the edited one again', () => {
    const file = syntheticDockerfile(400, 8, 5);
    const calls: string[] = [];
    const cache = new StageValidationCache(0);
    const run = (text: string): Diagnostic[] =>
      cache.validate(parseDockerfile(text), (piece) => (calls.push(piece), validate(piece)), () => validate(text));
    run(file.text);
    assert.strictEqual(calls.length, stagePieces(parseDockerfile(file.text)).length);
    calls.length = 0;
    const lines = file.text.split('\n');
    lines[file.editLine] += ' \\\n  EXPOSE';
    const edited = lines.join('\n');
    const found = run(edited);
    assert.strictEqual(calls.length, 1, 'only the edited stage is validated again');
    assert.deepStrictEqual(sorted(found), sorted(validate(edited)));
  });

  it('cut into parts of a few instructions, finds what the whole-file validation finds with the per-stage counts off', () => {
    // The counts of CMD, ENTRYPOINT and HEALTHCHECK per stage are what parts cannot see; our settings turn them off.
    const countsOff: ValidatorSettings = {
      instructionCmdMultiple: 'ignore' as never,
      instructionEntrypointMultiple: 'ignore' as never,
      instructionHealthcheckMultiple: 'ignore' as never,
    };
    const texts = [
      ...corpusFiles().map((name) => ({ name, text: readCorpus(name) })),
      ...handWritten.map((text, i) => ({ name: `hand-written ${i}`, text })),
      // Variables from ARG and ENV far up the stage, read by EXPOSE and STOPSIGNAL in a later part.
      { name: 'variables across parts', text: 'ARG G=1\nFROM alpine\nARG PORT=80\nENV SIG=SIGTERM \\\n  OTHER=2\nRUN a\nRUN b\nRUN c\nEXPOSE $PORT/tcp ${MISSING}\nSTOPSIGNAL $SIG\nSTOPSIGNAL $NOPE\n# dockerfile-utils: ignore\nEXPOSE 99999\nRUN d\nEXPOSE 8080/xyz' },
      { name: 'synthetic', text: syntheticDockerfile(600, 12, 3).text },
    ];
    let cut = 0;
    for (const { name, text } of texts) {
      const model = parseDockerfile(text);
      if (stagePieces(model, 3).length > model.stages.length) {
        cut++;
      }
      const parts = new StageValidationCache(0, 3).validate(model, (piece) => validate(piece, countsOff), () => validate(text, countsOff));
      assert.deepStrictEqual(sorted(parts), sorted(validate(text, countsOff)), name);
    }
    assert.ok(cut > texts.length / 2, `${cut} files were cut into parts`);
  });

  it('after an edit in a long stage, validates only the part that holds it', () => {
    const file = syntheticDockerfile(400, 2, 5);
    const calls: string[] = [];
    const cache = new StageValidationCache(0, 20);
    const run = (text: string): Diagnostic[] => cache.validate(parseDockerfile(text), (piece) => (calls.push(piece), validate(piece)), () => validate(text));
    run(file.text);
    assert.ok(calls.length >= 20, `${calls.length} parts`);
    calls.length = 0;
    const lines = file.text.split('\n');
    // A character typed in an instruction; an edit that adds or removes instructions moves the parts after it.
    lines[file.editLine] = lines[file.editLine].replace(/libssl/, 'lib$ssl');
    const edited = lines.join('\n');
    const found = run(edited);
    assert.strictEqual(calls.length, 1, 'only the edited part is validated again');
    assert.ok(calls[0].length < edited.length / 5);
    assert.deepStrictEqual(sorted(found), sorted(validate(edited, { instructionCmdMultiple: 'ignore' as never, instructionEntrypointMultiple: 'ignore' as never, instructionHealthcheckMultiple: 'ignore' as never })));
  });

  it('validates short files whole', () => {
    const calls: string[] = [];
    const text = 'FROM alpine AS a\nFROM a\nCMD x\n';
    new StageValidationCache().validate(parseDockerfile(text), (piece) => (calls.push(piece), []), () => validate(text));
    assert.strictEqual(calls.length, 0);
  });
});
