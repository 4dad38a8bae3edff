// BuildKit's DuplicateStageName: two stages with one name make `--from=` and `--target` ambiguous.
import * as l10n from '@vscode/l10n';
import type { Stage } from '../../model/types';
import type { Rule } from '../rule';

export const DuplicateStageName: Rule = {
  id: 'DuplicateStageName',
  aliases: ['DL3024'],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Stage names should be unique'),
  check({ model, report }) {
    const firstByName = new Map<string, Stage>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameRange) {
        continue;
      }
      // BuildKit lower-cases stage names before comparing them.
      const name = stage.name.toLowerCase();
      const first = firstByName.get(name);
      if (!first) {
        firstByName.set(name, stage);
        continue;
      }
      report({
        range: stage.nameRange,
        message: l10n.t('Duplicate stage name {0}, stage names should be unique', JSON.stringify(name)),
        related: first.nameRange ? [{ range: first.nameRange, message: l10n.t('The stage {0} is first defined here', name) }] : undefined,
      });
    }
  },
};
