// BuildKit's FromAsCasing: `FROM x as y` mixes casings that a reader expects to match.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { inCasingOf, isSelfConsistentCasing, offsetsOf } from './support';

export const FromAsCasing: Rule = {
  id: 'FromAsCasing',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t("The 'as' keyword should match the case of the 'from' keyword"),
  check({ model, report }) {
    for (const stage of model.stages) {
      const asRange = stage.asKeywordRange;
      const fromText = stage.from.keywordText;
      // A FROM of mixed case is ConsistentInstructionCasing's finding, not this one.
      if (!asRange || !isSelfConsistentCasing(fromText)) {
        continue;
      }
      const { start, end } = offsetsOf(model, asRange);
      const asText = model.text.slice(start, end);
      const expected = inCasingOf(asText, fromText);
      if (asText === expected) {
        continue;
      }
      report({
        range: asRange,
        message: l10n.t("'{0}' and '{1}' keywords' casing do not match", asText, fromText),
        fixes: () => [{ title: l10n.t("Change '{0}' to '{1}'", asText, expected), edits: [{ range: asRange, newText: expected }], isPreferred: true }],
      });
    }
  },
};
