import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { shellRules } from '../../../server/src/rules/shell';
import { runRule } from '../helpers/analyse';

const docsRoot = join(__dirname, '../../../docs/rules');

function example(markdown: string, heading: string): string {
  const match = new RegExp(`## ${heading}\\s*\\n+\`\`\`dockerfile\\n([\\s\\S]*?)\`\`\``).exec(markdown);
  assert.ok(match, `no "${heading}" example`);
  return match[1];
}

describe('shell rules docs', () => {
  for (const rule of shellRules) {
    it(`${rule.id}: pages in both languages whose bad example is reported and good one is not`, () => {
      const english = readFileSync(join(docsRoot, 'en', `${rule.id}.md`), 'utf8');
      const spanish = readFileSync(join(docsRoot, 'es', `${rule.id}.md`), 'utf8');
      for (const alias of rule.aliases) {
        assert.ok(english.includes(alias) && spanish.includes(alias), `alias ${alias} missing from the docs`);
      }
      assert.equal(example(spanish, 'Incorrecto'), example(english, 'Bad'));
      assert.ok(runRule(example(english, 'Bad'), rule).findings.length > 0, 'the bad example is not reported');
      assert.deepEqual(runRule(example(english, 'Good'), rule).findings.map((f) => f.diagnostic.message), []);
    });
  }
});
