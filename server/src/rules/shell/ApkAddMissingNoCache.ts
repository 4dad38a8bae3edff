// hadolint DL3019: without --no-cache, apk keeps its package index in /var/cache/apk, in the image's layer.
import * as l10n from '@vscode/l10n';
import { findOption, packageCommandsInStage } from '../../model/packageManagers';
import { hasVolatileMount } from '../../model/runCommands';
import { checkEveryStage, type Rule } from '../rule';
import { insertAfterWord } from './edits';

export const ApkAddMissingNoCache: Rule = {
  id: 'ApkAddMissingNoCache',
  aliases: ['DL3019', 'DS-0025'],
  origin: 'best-practice',
  defaultSeverity: 'info',
  description: () => l10n.t('Use apk add --no-cache'),
  check: checkEveryStage((context) => ApkAddMissingNoCache.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const command of packageCommandsInStage(model, stage)) {
      const subcommand = command.subcommand;
      if (command.tool !== 'apk' || subcommand?.value !== 'add' || findOption(command, '--no-cache')) {
        continue;
      }
      if (hasVolatileMount(command.site.owner.run, '/var/cache/apk')) {
        continue;
      }
      report({
        range: model.index.rangeOf(subcommand.start, subcommand.end),
        message: l10n.t("Use 'apk add --no-cache' so that the package index is not kept in the image's layer"),
        fixes: () => [{ title: l10n.t('Add --no-cache'), edits: [insertAfterWord(model, subcommand, '--no-cache')], isPreferred: true }],
      });
    }
  },
};
