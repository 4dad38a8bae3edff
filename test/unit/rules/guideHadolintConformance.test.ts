// The guide rules that share a hadolint id agree with hadolint's own spec cases (read from ../shared, skipped when absent).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { guideRules } from '../../../server/src/rules/guide';
import { runRule } from '../helpers/analyse';

const specFile = path.join(__dirname, '../../../../shared/conformance/hadolint-spec.jsonl');

interface SpecCase {
  readonly test: string;
  readonly dockerfile: string;
  readonly expected: readonly string[];
  readonly expected_absent: readonly string[];
  readonly config: unknown;
}

describe('guide rules against hadolint-spec.jsonl', () => {
  it('fire on every expected case and stay silent on every absent one', function () {
    if (!fs.existsSync(specFile)) {
      console.log('    (skipped: ../shared/conformance is absent)');
      this.skip();
    }
    const cases = fs.readFileSync(specFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SpecCase);
    let applicable = 0;
    for (const rule of guideRules) {
      const ids = new Set(rule.aliases.filter((a) => a.startsWith('DL')));
      for (const spec of cases) {
        if (spec.config) {
          continue;
        }
        const wanted = spec.expected.some((id) => ids.has(id));
        const unwanted = spec.expected_absent.some((id) => ids.has(id));
        if (!wanted && !unwanted) {
          continue;
        }
        applicable++;
        const fired = runRule(spec.dockerfile, rule).findings.length > 0;
        assert.equal(fired, wanted, `${rule.id} on "${spec.test}"`);
      }
    }
    assert.ok(applicable >= 9, `only ${applicable} applicable cases`);
  });
});
