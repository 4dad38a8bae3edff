// hadolint DL3004: RUN already runs as the stage's USER; sudo adds a setuid binary, may prompt, and hides who runs what.
import * as l10n from '@vscode/l10n';
import { commandsRunning } from '../../model/runCommands';
import type { Rule } from '../rule';

export const SudoInRun: Rule = {
  id: 'SudoInRun',
  aliases: ['DL3004', 'DS-0010'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Do not use sudo in RUN'),
  check({ model, report }) {
    for (const { command } of commandsRunning(model, 'sudo')) {
      const word = command.words[0];
      report({
        range: model.index.rangeOf(word.start, word.end),
        message: l10n.t('Do not use sudo: RUN runs as the USER in effect; switch with USER (or gosu in an entrypoint) instead'),
      });
    }
  },
};
