// Tokenizes the real-world Dockerfiles of ../shared/corpus: every instruction keyword that the
// parser finds must be highlighted as one, which catches any rule that runs past its instruction.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import type { IGrammar } from 'vscode-textmate';
import { embeddedGrammars, loadGrammar, tokenize, type Token } from './tokenize';

const corpusDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'dockerfiles');
const haveEmbedded = Object.values(embeddedGrammars).every((file) => fs.existsSync(file));

/** Instruction keywords that the grammar and the parser disagree on, as `line:character KEYWORD`. */
function keywordDisagreements(grammar: IGrammar, text: string): string[] {
  const highlighted = new Set(
    tokenize(grammar, text)
      .filter(
        (token) =>
          token.scopes.includes('keyword.other.instruction.dockerfile') &&
          // ONBUILD's trigger and HEALTHCHECK's CMD are part of their instruction.
          !token.scopes.some((scope) => scope.startsWith('meta.arguments.')),
      )
      .map((token: Token) => `${token.line + 1}:${token.start} ${token.text.toUpperCase()}`),
  );
  const parsed = new Set(
    DockerfileParser.parse(text)
      .getInstructions()
      .map((instruction) => {
        const start = instruction.getInstructionRange().start;
        return `${start.line + 1}:${start.character} ${instruction.getKeyword()}`;
      }),
  );
  return [
    ...[...parsed].filter((key) => !highlighted.has(key)).map((key) => `not highlighted: ${key}`),
    ...[...highlighted].filter((key) => !parsed.has(key)).map((key) => `highlighted but no instruction: ${key}`),
  ];
}

describe('grammar on the real-world corpus', function () {
  this.timeout(120_000);
  const files = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).sort() : [];

  before(function () {
    if (files.length === 0) {
      console.log(`    skipped: no corpus at ${corpusDir}`);
      this.skip();
    }
  });

  for (const embedded of [false, true]) {
    const label = embedded ? 'with VS Code shell grammars embedded' : 'without embedded grammars';
    it(`highlights exactly the instruction keywords the parser finds, in every file (${label})`, async function () {
      if (embedded && !haveEmbedded) {
        console.log(`    skipped: VS Code's shell grammars are not installed under .cache/code-server`);
        this.skip();
      }
      const grammar = await loadGrammar(embedded);
      const problems = files.flatMap((file) =>
        keywordDisagreements(grammar, fs.readFileSync(path.join(corpusDir, file), 'utf8')).map((problem) => `${file} ${problem}`),
      );
      assert.deepEqual(problems, []);
    });
  }
});
