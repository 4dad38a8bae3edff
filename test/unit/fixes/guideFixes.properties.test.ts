// Every fix the guide rules offer, on the guide example and the corpus: it parses, removes its finding, adds no error, and is idempotent.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { guideRules } from '../../../server/src/rules/guide';
import type { Rule } from '../../../server/src/rules/rule';
import { syntaxSource, validateModel, type Finding } from '../../../server/src/service/validation';
import { fixAllEdits } from '../../../server/src/service/codeActions';
import { applyEdits, corpusDir, corpusFiles, readCorpus, withoutPathInstructions } from './corpus';

const guide = fs.readFileSync(path.join(__dirname, '../../../examples/python-venv/Dockerfile'), 'utf8');

function analyse(text: string, rules: readonly Rule[] = guideRules): Finding[] {
  return validateModel(parseDockerfile(text), { rules });
}

const syntaxCount = (findings: readonly Finding[]): number => findings.filter((f) => f.diagnostic.source === syntaxSource).length;
const errorCount = (findings: readonly Finding[]): number => findings.filter((f) => f.severity === 'error').length;

/** Checks each fix of each guide finding in `text`; returns how many fixes were checked. */
function checkEveryFix(name: string, text: string): number {
  const before = analyse(text);
  let checked = 0;
  for (const finding of before) {
    if (!finding.rule) {
      continue;
    }
    const rule = finding.rule;
    for (const fix of finding.fixes()) {
      const fixed = applyEdits(text, fix.edits);
      const after = analyse(fixed);
      const where = `${name}: ${rule.id} "${fix.title}" at line ${finding.diagnostic.range.start.line + 1}`;
      assert.equal(parseDockerfile(fixed).parseFailure, undefined, `${where} left a file that does not parse`);
      assert.ok(syntaxCount(after) <= syntaxCount(before), `${where} added a syntax diagnostic`);
      assert.ok(errorCount(after) <= errorCount(before), `${where} added an error`);
      const sameRule = (f: Finding): boolean => f.rule?.id === rule.id;
      assert.ok(after.filter(sameRule).length < before.filter(sameRule).length, `${where} did not remove its finding`);
      checked++;
    }
  }
  const once = applyEdits(text, fixAllEdits(before));
  const twice = applyEdits(once, fixAllEdits(analyse(once)));
  assert.equal(twice, once, `${name}: fixing all a second time changed the file`);
  return checked;
}

describe('guide fixes (properties)', () => {
  it('hold on the guide example, with and without its ENV PATH lines', () => {
    assert.ok(checkEveryFix('guide', guide) >= 2);
    assert.ok(checkEveryFix('guide without PATH', withoutPathInstructions(guide)) >= 4);
  });

  it('hold on every corpus file, and on each with its ENV PATH lines taken out', function () {
    if (!corpusDir) {
      console.log('    (skipped: ../shared/corpus/dockerfiles is absent)');
      this.skip();
    }
    this.timeout(120000);
    let checked = 0;
    for (const file of corpusFiles()) {
      const text = readCorpus(file);
      checked += checkEveryFix(file, text);
      const stripped = withoutPathInstructions(text);
      if (stripped !== text) {
        checked += checkEveryFix(`${file} without PATH`, stripped);
      }
    }
    console.log(`    ${checked} fixes checked on ${corpusFiles().length} corpus files`);
    assert.ok(checked > 50);
  });
});
