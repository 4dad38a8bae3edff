// BuildKit's MultipleInstructionsDisallowed: only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect.
import * as l10n from '@vscode/l10n';
import type { InstructionNode } from '../../model/types';
import type { Rule } from '../rule';
import { instructionGroups } from './support';

const singleUse = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export const MultipleInstructionsDisallowed: Rule = {
  id: 'MultipleInstructionsDisallowed',
  aliases: ['DL4003', 'DL4004'],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Multiple instructions of the same type should not be used in the same stage'),
  check({ model, report }) {
    for (const group of instructionGroups(model)) {
      const previous = new Map<string, InstructionNode>();
      for (const instruction of group) {
        if (!singleUse.has(instruction.keyword)) {
          continue;
        }
        const earlier = previous.get(instruction.keyword);
        if (earlier) {
          // The earlier one is reported: it is the one the build ignores.
          report({
            range: earlier.range,
            message: l10n.t(
              'Multiple {0} instructions should not be used in the same stage because only the last one will be used',
              instruction.keywordText,
            ),
            unnecessary: true,
            related: [{ range: instruction.keywordRange, message: l10n.t('This later {0} replaces it', instruction.keywordText) }],
          });
        }
        previous.set(instruction.keyword, instruction);
      }
    }
  },
};
