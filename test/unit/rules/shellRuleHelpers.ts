// Assertions the shell rules' tests share: a fix's exact result, that it clears the finding and stays put when fixed again.
import { strict as assert } from 'assert';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import type { Rule, RuleFix } from '../../../server/src/rules/rule';
import { validateModel } from '../../../server/src/service/validation';
import { applyFix, runRule } from '../helpers/analyse';

/** Applies one fix of the only finding of `rule` in `text`, checks the result and returns it. */
export function fixed(text: string, rule: Rule, choose: (fixes: readonly RuleFix[]) => RuleFix | undefined = (fixes) => fixes[0]): string {
  const findings = runRule(text, rule).findings;
  assert.equal(findings.length, 1, `expected one ${rule.id} finding in:\n${text}`);
  const fix = choose(findings[0].fixes());
  assert.ok(fix, `expected a fix for ${rule.id}`);
  const result = applyFix(text, fix);
  assert.deepEqual(runRule(result, rule).findings.map((f) => f.diagnostic.message), [], `the fix left the finding in:\n${result}`);
  assert.equal(fixAll(result, rule), result, 'fixing again changed the text');
  const syntaxErrors = validateModel(parseDockerfile(result), { rules: [] }).filter((f) => f.severity === 'error');
  assert.deepEqual(syntaxErrors.map((f) => f.diagnostic.message), [], `the fix broke the syntax:\n${result}`);
  return result;
}

/** Applies every preferred fix of `rule`, one at a time, until none is left. */
export function fixAll(text: string, rule: Rule): string {
  let current = text;
  for (let round = 0; round < 20; round++) {
    const fix = runRule(current, rule).findings.flatMap((f) => f.fixes()).find((f) => f.isPreferred);
    if (!fix) {
      return current;
    }
    current = applyFix(current, fix);
  }
  throw new Error(`${rule.id}: fixes never settle`);
}
