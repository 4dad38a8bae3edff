// The dockerfile-ast memo (one argument scan per instruction, the model's parse lent to dockerfile-utils) changes no result.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { computeRawArgumentsForTest, installDockerfileAstMemo, lendParse, uninstallDockerfileAstMemo } from '../../../server/src/model/dockerfileAstMemo';
import { createAdvisorService } from '../../../server/src/service/advisorService';
import { syntheticDockerfile } from '../../bench/synthetic';
import { corpusFiles, readCorpus } from '../fixes/corpus';

const examples = path.join(__dirname, '../../../examples');

function texts(): { name: string; text: string }[] {
  const found = corpusFiles().map((name) => ({ name, text: readCorpus(name) }));
  for (const dir of fs.readdirSync(examples)) {
    const file = path.join(examples, dir, 'Dockerfile');
    if (fs.existsSync(file)) {
      found.push({ name: `examples/${dir}`, text: fs.readFileSync(file, 'utf8') });
    }
  }
  found.push({ name: 'synthetic 400 instructions', text: syntheticDockerfile(400, 7, 11).text });
  found.push({ name: 'escape backtick and ONBUILD', text: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\nONBUILD COPY --chown=1:1 a b\nCOPY --from=x --link a b\n' });
  return found;
}

/** Everything the service derives from the parse: findings, symbols, and the base service's tree-based features. */
function everything(text: string): unknown {
  const service = createAdvisorService();
  const doc = service.analyse('file:///memo/Dockerfile', 1, text);
  const lastLine = Math.max(0, doc.model.index.lineCount - 2);
  return {
    findings: doc.findings().map((f) => [f.diagnostic.code, f.diagnostic.range, f.diagnostic.message, f.diagnostic.severity]),
    symbols: service.symbols(doc),
    tokens: service.semanticTokens(doc),
    folding: service.foldingRanges(doc),
    links: service.links(doc),
    format: service.format(doc, { tabSize: 4, insertSpaces: true }),
    highlights: service.highlights(doc, { line: lastLine, character: 1 }),
  };
}

describe('dockerfile-ast memo', function () {
  this.timeout(120_000);

  after(() => installDockerfileAstMemo());

  it('gives every corpus file, example and synthetic file the same findings and features as the package alone', () => {
    const all = texts();
    assert.ok(all.length >= 3);
    for (const { name, text } of all) {
      uninstallDockerfileAstMemo();
      const alone = everything(text);
      installDockerfileAstMemo();
      const memoised = everything(text);
      assert.deepStrictEqual(memoised, alone, name);
    }
  });

  it('returns each caller its own copy of the arguments, equal to a fresh scan', () => {
    installDockerfileAstMemo();
    const text = 'FROM alpine AS base\nCOPY --from=base --chown=1:1 a b\nRUN --mount=type=cache,target=/c echo "x y" \\\n  z\n';
    const instructions: Instruction[] = DockerfileParser.parse(text).getInstructions();
    for (const instruction of instructions) {
      const first = instruction.getArguments();
      first.length = 0;
      const second = instruction.getArguments();
      assert.ok(second.length > 0, instruction.getKeyword());
      const fresh = computeRawArgumentsForTest(instruction);
      assert.deepStrictEqual(
        (instruction as unknown as { getRawArguments(): { getValue(): string; getRange(): unknown }[] }).getRawArguments().map((a) => [a.getValue(), a.getRange()]),
        fresh.map((a) => [a.getValue(), a.getRange()]),
      );
    }
    // COPY's flags are not arguments: the memo must not hand back the flag-stripped list as the raw one.
    assert.deepStrictEqual(instructions[1].getArguments().map((a) => a.getValue()), ['a', 'b']);
  });

  it('lends the model tree to the parses inside the call only', () => {
    installDockerfileAstMemo();
    const tree = DockerfileParser.parse('FROM alpine\n');
    lendParse('FROM alpine\n', tree, () => {
      assert.strictEqual(DockerfileParser.parse('FROM alpine\n'), tree);
      assert.notStrictEqual(DockerfileParser.parse('FROM alpine:3\n'), tree);
    });
    assert.notStrictEqual(DockerfileParser.parse('FROM alpine\n'), tree);
  });
});
