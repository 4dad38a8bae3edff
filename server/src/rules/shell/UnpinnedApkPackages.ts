// hadolint DL3018: `apk add curl` installs whatever version the index has on the day of the build.
import * as l10n from '@vscode/l10n';
import { packageCommandsInStage } from '../../model/packageManagers';
import { checkEveryStage, type Rule } from '../rule';
import { unpinnedPackages } from './unpinned';

export const UnpinnedApkPackages: Rule = {
  id: 'UnpinnedApkPackages',
  aliases: ['DL3018'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Pin the versions of the packages apk add installs'),
  check: checkEveryStage((context) => UnpinnedApkPackages.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const command of packageCommandsInStage(model, stage)) {
      if (command.tool !== 'apk' || command.subcommand?.value !== 'add') {
        continue;
      }
      const unpinned = unpinnedPackages(model, command);
      if (unpinned) {
        report({
          range: unpinned.range,
          message: l10n.t('Pin the versions of the packages apk add installs: {0} (for example {1}=<version>)', unpinned.names.join(', '), unpinned.names[0]),
        });
      }
    }
  },
};
