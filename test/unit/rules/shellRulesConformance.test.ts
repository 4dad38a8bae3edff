import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { shellRules } from '../../../server/src/rules/shell';
import { validateModel } from '../../../server/src/service/validation';

interface HadolintCase {
  source: string;
  test: string;
  dockerfile: string;
  expected: string[];
  expected_absent: string[];
  expected_counts: Record<string, number>;
  config: string | null;
}

const specFile = join(__dirname, '../../../../shared/conformance/hadolint-spec.jsonl');
const ruleOf = new Map(shellRules.flatMap((rule) => rule.aliases.filter((a) => a.startsWith('DL')).map((alias) => [alias, rule] as const)));

describe('shell rules agree with hadolint-spec.jsonl', function () {
  if (!existsSync(specFile)) {
    it('skipped: ../shared/conformance/hadolint-spec.jsonl is absent');
    return;
  }
  const cases = readFileSync(specFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as HadolintCase)
    .filter((c) => c.config === null);

  it('passes at least 95% of the applicable cases, per rule and in all', () => {
    const perRule = new Map<string, { passed: number; total: number }>();
    const failures: string[] = [];
    for (const testCase of cases) {
      const ids = new Set([...testCase.expected, ...testCase.expected_absent, ...Object.keys(testCase.expected_counts)].filter((id) => ruleOf.has(id)));
      if (ids.size === 0) {
        continue;
      }
      const findings = validateModel(parseDockerfile(testCase.dockerfile), { rules: shellRules });
      for (const id of ids) {
        const rule = ruleOf.get(id)!;
        const count = findings.filter((f) => f.rule === rule).length;
        let ok = true;
        if (testCase.expected.includes(id) && count === 0) {
          ok = false;
        }
        if (testCase.expected_absent.includes(id) && count > 0) {
          ok = false;
        }
        if (id in testCase.expected_counts && testCase.expected_counts[id] !== count) {
          ok = false;
        }
        const tally = perRule.get(id) ?? { passed: 0, total: 0 };
        tally.total++;
        tally.passed += ok ? 1 : 0;
        perRule.set(id, tally);
        if (!ok) {
          failures.push(`${id} (${rule.id}) reported ${count}x: ${testCase.source.replace(/^.*\//, '')} "${testCase.test}"\n${testCase.dockerfile}`);
        }
      }
    }
    let passed = 0;
    let total = 0;
    for (const [id, tally] of [...perRule].sort()) {
      console.log(`      ${id} ${ruleOf.get(id)!.id}: ${tally.passed}/${tally.total}`);
      passed += tally.passed;
      total += tally.total;
    }
    console.log(`      all: ${passed}/${total}`);
    for (const failure of failures) {
      console.log(`      not followed: ${failure}`);
    }
    assert.ok(total > 100, `expected the spec to hold cases for these rules, found ${total}`);
    assert.ok(passed / total >= 0.95, `agreement ${passed}/${total} is below 95%`);
  });
});
