// dockerfile-utils' validation stage by stage finds exactly what it finds on the whole file.
import * as assert from 'assert';
import { validate, type ValidatorSettings } from 'dockerfile-utils';
import type { Diagnostic } from 'vscode-languageserver-types';
import { lendParse } from '../../../server/src/model/dockerfileAstMemo';
import { editedChunkOf, parseDockerfile } from '../../../server/src/model/parseDockerfile';
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

  it('validates an edited stage on the text and tree the model parsed again, finding what the whole-file validation finds', () => {
    const texts = [
      ...corpusFiles().map((name) => readCorpus(name)),
      ...handWritten,
      syntheticDockerfile(400, 8, 6).text,
    ].filter((text) => parseDockerfile(text).stages.length > 1);
    let chunksUsed = 0;
    let edits = 0;
    for (const [n, text] of texts.entries()) {
      let previous = parseDockerfile(text, undefined, 0);
      const lines = text.split('\n');
      // One edit in each of a few instruction lines: a character typed, an EXPOSE with a bad port.
      for (const at of [previous.stages[1].from.range.start.line + 1, lines.length - 2, Math.floor(lines.length / 2)]) {
        if (at >= lines.length || at < 0) {
          continue;
        }
        lines[at] += n % 2 === 0 ? 'x' : ' \\\n  EXPOSE 99999/xyz';
        const edited = lines.join('\n');
        const model = parseDockerfile(edited, previous, 0);
        const chunk = editedChunkOf(model);
        const cache = new StageValidationCache(0);
        const found = cache.validate(
          model,
          (piece) => validate(piece, everyCheck),
          () => validate(edited, everyCheck),
          chunk && {
            startLine: chunk.startLine,
            endLine: chunk.endLine,
            validate: () => (chunksUsed++, lendParse(chunk.text, chunk.tree, () => validate(chunk.text, everyCheck))),
          },
        );
        assert.deepStrictEqual(sorted(found), sorted(validate(edited, everyCheck)), `file ${n}, line ${at}`);
        edits++;
        previous = model;
        lines.splice(0, lines.length, ...edited.split('\n'));
      }
    }
    assert.ok(chunksUsed > edits / 3, `the parsed chunk stood for a stage in ${chunksUsed} of ${edits} edits`);
  });

  it('validates short files whole', () => {
    const calls: string[] = [];
    const text = 'FROM alpine AS a\nFROM a\nCMD x\n';
    new StageValidationCache().validate(parseDockerfile(text), (piece) => (calls.push(piece), []), () => validate(text));
    assert.strictEqual(calls.length, 0);
  });
});
