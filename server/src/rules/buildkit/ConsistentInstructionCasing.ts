// BuildKit's ConsistentInstructionCasing: every instruction keyword follows the casing most of the file uses.
import * as l10n from '@vscode/l10n';
import type { InstructionNode } from '../../model/types';
import type { Rule } from '../rule';
import { isSelfConsistentCasing } from './support';

export const ConsistentInstructionCasing: Rule = {
  id: 'ConsistentInstructionCasing',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('All commands within the Dockerfile should use the same casing (either upper or lower)'),
  check({ model, report }) {
    // BuildKit counts the stages' instructions; ARGs before the first FROM are not part of a stage.
    const counted: InstructionNode[] = model.instructions.filter((i) => i.stage !== undefined || i.keyword !== 'ARG');
    let lower = 0;
    let upper = 0;
    for (const instruction of counted) {
      const keyword = instruction.keywordText;
      if (isSelfConsistentCasing(keyword)) {
        if (keyword === keyword.toLowerCase()) {
          lower++;
        } else {
          upper++;
        }
      }
    }
    const majorityLower = lower > upper;
    for (const instruction of counted) {
      const keyword = instruction.keywordText;
      const expected = majorityLower ? keyword.toLowerCase() : keyword.toUpperCase();
      if (keyword === expected) {
        continue;
      }
      report({
        range: instruction.keywordRange,
        message: majorityLower
          ? l10n.t("Command '{0}' should match the case of the command majority (lowercase)", keyword)
          : l10n.t("Command '{0}' should match the case of the command majority (uppercase)", keyword),
        fixes: () => [
          {
            title: majorityLower ? l10n.t('Convert to lowercase') : l10n.t('Convert to uppercase'),
            edits: [{ range: instruction.keywordRange, newText: expected }],
            isPreferred: true,
          },
        ],
      });
    }
  },
};
