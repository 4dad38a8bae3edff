// hadolint DL3004: RUN already runs as the stage's USER; sudo adds a setuid binary, may prompt, and hides who runs what.
import * as l10n from '@vscode/l10n';
import { commandsRunningInStage } from '../../model/runCommands';
import { checkEveryStage, type Rule } from '../rule';

export const SudoInRun: Rule = {
  id: 'SudoInRun',
  aliases: ['DL3004', 'DS-0010'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Do not use sudo in RUN'),
  check: checkEveryStage((context) => SudoInRun.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const { command } of commandsRunningInStage(model, stage, 'sudo')) {
      const word = command.words[0];
      report({
        range: model.index.rangeOf(word.start, word.end),
        message: l10n.t('Do not use sudo: RUN runs as the USER in effect; switch with USER (or gosu in an entrypoint) instead'),
      });
    }
  },
};
