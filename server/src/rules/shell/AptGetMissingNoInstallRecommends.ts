// hadolint DL3015: recommended packages are not needed to run the installed ones and make the image larger.
import * as l10n from '@vscode/l10n';
import { packageCommandsInStage } from '../../model/packageManagers';
import { checkEveryStage, type Rule } from '../rule';
import { insertAfterWord } from './edits';

export const AptGetMissingNoInstallRecommends: Rule = {
  id: 'AptGetMissingNoInstallRecommends',
  aliases: ['DL3015', 'DS-0029'],
  origin: 'best-practice',
  defaultSeverity: 'info',
  description: () => l10n.t('Avoid installing recommended packages with apt-get install --no-install-recommends'),
  check: checkEveryStage((context) => AptGetMissingNoInstallRecommends.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const command of packageCommandsInStage(model, stage)) {
      const subcommand = command.subcommand;
      if ((command.tool !== 'apt-get' && command.tool !== 'apt') || subcommand?.value !== 'install') {
        continue;
      }
      const optedOut = command.options.some(
        (o) => o.name === '--no-install-recommends' || ((o.name === '-o' || o.name === '--option') && o.value !== undefined && /^APT::Install-Recommends=(false|no|0|off)$/i.test(o.value)),
      );
      if (optedOut) {
        continue;
      }
      report({
        range: model.index.rangeOf(subcommand.start, subcommand.end),
        message: l10n.t("Add --no-install-recommends to '{0} install' so that packages the image does not need are left out", command.toolWord.value),
        // Not preferred: a program may rely on a recommended package, so the author should try the build.
        fixes: () => [{ title: l10n.t('Add --no-install-recommends'), edits: [insertAfterWord(model, subcommand, '--no-install-recommends')] }],
      });
    }
  },
};
