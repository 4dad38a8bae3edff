// hadolint DL3013: `pip install flask` installs the newest release on the day of the build, and its dependencies with it.
import * as l10n from '@vscode/l10n';
import { findOption, packageCommandsInStage } from '../../model/packageManagers';
import { checkEveryStage, type Rule } from '../rule';
import { unpinnedPackages } from './unpinned';

export const UnpinnedPipPackages: Rule = {
  id: 'UnpinnedPipPackages',
  aliases: ['DL3013'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Pin the versions of the packages pip installs'),
  check: checkEveryStage((context) => UnpinnedPipPackages.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const command of packageCommandsInStage(model, stage)) {
      if ((command.tool !== 'pip' && command.tool !== 'pipx') || command.subcommand?.value !== 'install') {
        continue;
      }
      // A constraints file pins whatever the command line leaves open.
      if (findOption(command, '-c', '--constraint')) {
        continue;
      }
      const unpinned = unpinnedPackages(model, command);
      if (unpinned) {
        report({
          range: unpinned.range,
          message: l10n.t('Pin the versions of the packages {0} installs: {1} (for example {2}==<version>)', command.toolWord.value, unpinned.names.join(', '), unpinned.names[0]),
        });
      }
    }
  },
};
