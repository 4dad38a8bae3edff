// BuildKit's UndefinedArgInFrom: FROM sees only ARGs declared before the first FROM (and BuildKit's automatic ones).
import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import type { Rule } from '../rule';
import { closestName, offsetsOf, renameVariableFixes, variableUses } from './support';

export const UndefinedArgInFrom: Rule = {
  id: 'UndefinedArgInFrom',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('FROM command must use declared ARGs'),
  check({ model, report }) {
    const declared = [...model.globalScope.keys()];
    for (const stage of model.stages) {
      const words: Range[] = [];
      if (stage.baseRange) {
        words.push(stage.baseRange);
      }
      if (stage.platform?.valueRange) {
        words.push(stage.platform.valueRange);
      }
      for (const word of words) {
        const { start, end } = offsetsOf(model, word);
        for (const use of variableUses(model, start, end, model.globalScope)) {
          if (model.globalScope.has(use.name)) {
            continue;
          }
          const suggestion = closestName(use.name, declared);
          report({
            range: model.index.rangeOf(use.start, use.end),
            message: suggestion
              ? l10n.t("FROM argument '{0}' is not declared (did you mean {1}?)", use.name, suggestion)
              : l10n.t("FROM argument '{0}' is not declared", use.name),
            fixes: () => renameVariableFixes(model, use, suggestion),
          });
        }
      }
    }
  },
};
