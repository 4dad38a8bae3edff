// Runs every regex of the grammar once over inputs built to make regexes backtrack: the search time
// must grow linearly with the input (catastrophic backtracking would grow it by powers or exponentially).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';
import { loadGrammar, tokenize } from './tokenize';

const grammarFile = path.resolve(__dirname, '..', '..', 'syntaxes', 'dockerfile.tmLanguage.json');

/** Short pieces that, repeated, approach what the grammar's regexes look for without completing it. */
const adversarialUnits = [
  'a',
  ' ',
  '\\ ',
  '"\\',
  "'",
  '<<',
  '<<-"x ',
  '<<a ',
  'a:',
  '${a',
  '${a:-',
  'a= ',
  '"a", ',
  '--a=b,"',
  '`',
  '\t',
  '#',
  'sh -e ',
  '[',
];

function regexesOf(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    node.forEach((item) => regexesOf(item, found));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
        // Back-references of `end` and `while` are filled in with begin's text before matching.
        found.add(value.replace(/\\(\d+)/g, 'EOF'));
      } else {
        regexesOf(value, found);
      }
    }
  }
  return found;
}

function fastestSearchMs(scanner: oniguruma.OnigScanner, text: string): number {
  const subject = new oniguruma.OnigString(text);
  let fastest = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = process.hrtime.bigint();
    scanner.findNextMatchSync(subject, 0);
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  subject.dispose();
  return fastest;
}

describe('grammar speed', function () {
  this.timeout(300_000);
  let grammar: IGrammar;

  before(async () => {
    grammar = await loadGrammar(false);
  });

  it('searches with every regex in time linear in the line length', () => {
    const regexes = [...regexesOf(JSON.parse(fs.readFileSync(grammarFile, 'utf8')), new Set<string>())];
    assert.ok(regexes.length > 100, `only ${regexes.length} regexes found`);
    const slow: string[] = [];
    for (const regex of regexes) {
      const scanner = new oniguruma.OnigScanner([regex]);
      for (const unit of adversarialUnits) {
        const line = (count: number) => `RUN ${unit.repeat(count)}\n`;
        const small = fastestSearchMs(scanner, line(Math.ceil(2_000 / unit.length)));
        const large = fastestSearchMs(scanner, line(Math.ceil(16_000 / unit.length)));
        // Eight times the input: about eight times the time when linear, 64 when quadratic.
        if (large > Math.max(small * 24, 5)) {
          slow.push(`${regex} on ${JSON.stringify(unit)}: ${small.toFixed(2)} ms, then ${large.toFixed(2)} ms`);
        }
      }
      scanner.dispose();
    }
    assert.deepEqual(slow, []);
  });

  it('tokenizes a 3,000-line continued RUN in well under a second', () => {
    tokenize(grammar, 'RUN warm-up');
    const lines = ['RUN set -eux; \\', ...Array.from({ length: 3_000 }, (_, i) => `    echo "step ${i}" && \\`), '    true'];
    const start = process.hrtime.bigint();
    const tokens = tokenize(grammar, lines.join('\n'));
    const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(elapsedMs < 1_000, `${elapsedMs.toFixed(0)} ms`);
    assert.ok(tokens.at(-1)?.scopes.includes('meta.instruction.run.dockerfile'));
  });
});
