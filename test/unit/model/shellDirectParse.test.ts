// Scripts are parsed by calling mvdan-sh's Go parser directly (see directGoParse in model/shell.ts);
// that must give exactly what mvdan-sh's own JavaScript API gives, for every RUN we can find.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { parseScriptText, parseScriptTextThroughWrapperForTest, shellParserIsDirectForTest } from '../../../server/src/model/shell';
import { syntheticDockerfile } from '../../bench/synthetic';
import { corpusFiles, readCorpus } from '../fixes/corpus';

const examples = path.join(__dirname, '../../../examples');

/** The text of every shell script of every RUN in the corpus, the examples and a synthetic file. */
function scripts(): string[] {
  const texts = corpusFiles().map(readCorpus);
  for (const dir of fs.readdirSync(examples)) {
    const file = path.join(examples, dir, 'Dockerfile');
    if (fs.existsSync(file)) {
      texts.push(fs.readFileSync(file, 'utf8'));
    }
  }
  texts.push(syntheticDockerfile(400, 7, 5).text);
  const found = new Set<string>();
  for (const text of texts) {
    for (const instruction of parseDockerfile(text).instructions) {
      for (const script of instruction.shellScripts) {
        found.add(script.text);
      }
    }
  }
  return [...found];
}

/** Scripts that exercise what differs between the two paths: non-ASCII text (UTF-8 bytes), errors, empty input. */
const edgeCases = [
  '',
  'echo "héllo wörld" && printf \'%s\' "日本語" | tee /tmp/ü',
  'echo 😀 > /tmp/emoji && cat /tmp/emoji',
  'echo "unterminated',
  'if true; then echo a',
  'a && && b',
  'cat <<EOF\nbody\nEOF\necho after',
  'x=1 y="$(echo ñ)" env | grep -q x',
];

describe('shell parse through the Go parser directly', () => {
  it('is the path in use with the mvdan-sh we ship (a change of its internals falls back to the slower wrapper)', () => {
    assert.strictEqual(shellParserIsDirectForTest(), true);
  });

  it('gives the same commands, words, offsets and errors as mvdan-sh\'s JavaScript API, for every RUN of the corpus and examples and edge cases', () => {
    const all = [...scripts(), ...edgeCases];
    assert.ok(all.length > 100, `only ${all.length} scripts found`);
    let errors = 0;
    for (const text of all) {
      const direct = parseScriptText(text);
      const wrapped = parseScriptTextThroughWrapperForTest(text);
      assert.deepStrictEqual(direct, wrapped, `script: ${JSON.stringify(text.slice(0, 200))}`);
      errors += direct.parseError ? 1 : 0;
    }
    // The edge cases include three invalid scripts; both paths must report them as errors, not as empty scripts.
    assert.ok(errors >= 3, `only ${errors} parse errors`);
  });

  it('reads non-ASCII words as text and maps their offsets to characters', () => {
    const parsed = parseScriptText('echo "héllo" 😀 ñ');
    const words = parsed.commandSpans[0].words;
    assert.deepStrictEqual(words.map((w) => [w.value, w.start, w.end]), [['echo', 0, 4], ['héllo', 5, 12], ['😀', 13, 15], ['ñ', 16, 17]]);
  });

  it('reports the parser\'s message for invalid shell', () => {
    assert.match(parseScriptText('echo "unterminated').parseError ?? '', /reached EOF without closing quote/);
  });
});
