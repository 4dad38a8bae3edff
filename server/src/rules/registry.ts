// Every rule the analysis runs. Each area keeps its own list; adding a rule means adding it there.
import { buildkitRules } from './buildkit';
import { guideRules } from './guide';
import { shellRules } from './shell';
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [...buildkitRules, ...guideRules, ...shellRules];

const byId = new Map<string, Rule>();
const byAlias = new Map<string, Rule>();
for (const rule of allRules) {
  byId.set(rule.id.toLowerCase(), rule);
  for (const alias of rule.aliases) {
    byAlias.set(alias.toLowerCase(), rule);
  }
}

/** Finds a rule by its id or one of its aliases (`DL3008`, `DS-0002`), ignoring case. */
export function findRule(idOrAlias: string): Rule | undefined {
  const key = idOrAlias.trim().toLowerCase();
  return byId.get(key) ?? byAlias.get(key);
}
