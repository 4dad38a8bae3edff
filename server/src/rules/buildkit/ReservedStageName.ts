// BuildKit's ReservedStageName: `scratch` and `context` already mean something in FROM and --from.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';

const reservedStageNames = new Set(['scratch', 'context']);

export const ReservedStageName: Rule = {
  id: 'ReservedStageName',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Reserved words should not be used as stage names'),
  check({ model, report }) {
    for (const stage of model.stages) {
      const name = stage.name?.toLowerCase();
      if (name && stage.nameRange && reservedStageNames.has(name)) {
        report({
          range: stage.nameRange,
          message: l10n.t('Stage name should not use the same name as reserved stage {0}', JSON.stringify(name)),
        });
      }
    }
  },
};
