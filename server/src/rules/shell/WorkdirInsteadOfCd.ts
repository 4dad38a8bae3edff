// hadolint DL3003: `cd` in a RUN changes the directory for that RUN only; WORKDIR says where later instructions run.
import * as l10n from '@vscode/l10n';
import { commandsRunningInStage } from '../../model/runCommands';
import { checkEveryStage, type Rule } from '../rule';

export const WorkdirInsteadOfCd: Rule = {
  id: 'WorkdirInsteadOfCd',
  aliases: ['DL3003', 'DS-0013'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Use WORKDIR to switch to a directory instead of cd in RUN'),
  check: checkEveryStage((context) => WorkdirInsteadOfCd.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const { command } of commandsRunningInStage(model, stage, 'cd')) {
      report({
        range: model.index.rangeOf(command.start, command.end),
        message: l10n.t("Use WORKDIR to switch to a directory: 'cd' lasts only until the end of this RUN"),
      });
    }
  },
};
