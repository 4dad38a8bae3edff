// hadolint DL3008: `apt-get install curl` installs whatever version the index has on the day of the build.
import * as l10n from '@vscode/l10n';
import { packageCommandsInStage } from '../../model/packageManagers';
import { checkEveryStage, type Rule } from '../rule';
import { unpinnedPackages } from './unpinned';

export const UnpinnedAptPackages: Rule = {
  id: 'UnpinnedAptPackages',
  aliases: ['DL3008'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Pin the versions of the packages apt-get installs'),
  check: checkEveryStage((context) => UnpinnedAptPackages.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const command of packageCommandsInStage(model, stage)) {
      if ((command.tool !== 'apt-get' && command.tool !== 'apt') || command.subcommand?.value !== 'install') {
        continue;
      }
      const unpinned = unpinnedPackages(model, command);
      if (unpinned) {
        report({
          range: unpinned.range,
          message: l10n.t('Pin the versions of the packages {0} installs: {1} (for example {2}=<version>)', command.toolWord.value, unpinned.names.join(', '), unpinned.names[0]),
        });
      }
    }
  },
};
