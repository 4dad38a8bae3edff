// hadolint DL3018: `apk add curl` installs whatever version the index has on the day of the build.
import * as l10n from '@vscode/l10n';
import { packageCommands } from '../../model/packageManagers';
import type { Rule } from '../rule';
import { unpinnedPackages } from './unpinned';

export const UnpinnedApkPackages: Rule = {
  id: 'UnpinnedApkPackages',
  aliases: ['DL3018'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Pin the versions of the packages apk add installs'),
  check({ model, report }) {
    for (const command of packageCommands(model)) {
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
