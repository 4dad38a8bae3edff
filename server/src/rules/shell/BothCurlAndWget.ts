// hadolint DL4001: two download tools in one stage means two packages to install, patch and scan for one job.
import * as l10n from '@vscode/l10n';
import { commandsRunningInStage, type RunCommand } from '../../model/runCommands';
import type { Stage } from '../../model/types';
import { checkEveryStage, type Rule } from '../rule';

export const BothCurlAndWget: Rule = {
  id: 'BothCurlAndWget',
  aliases: ['DL4001', 'DS-0014'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Use either curl or wget, not both'),
  check: checkEveryStage((context) => BothCurlAndWget.checkStage!(context)),
  checkStage({ model, stage, report }) {
    const firstUse = new Map<Stage | undefined, { curl?: RunCommand; wget?: RunCommand; reported?: boolean }>();
    const downloads = [...commandsRunningInStage(model, stage, 'curl'), ...commandsRunningInStage(model, stage, 'wget')].sort((a, b) => a.command.start - b.command.start);
    for (const site of downloads) {
      const name = site.program as 'curl' | 'wget';
      const uses = firstUse.get(site.owner.stage) ?? {};
      firstUse.set(site.owner.stage, uses);
      uses[name] ??= site;
      const other = uses[name === 'curl' ? 'wget' : 'curl'];
      if (!other || uses.reported) {
        continue;
      }
      uses.reported = true;
      const word = site.command.words[0];
      const otherWord = other.command.words[0];
      report({
        range: model.index.rangeOf(word.start, word.end),
        message: l10n.t('This stage uses both curl and wget: pick one of them'),
        related: [{ range: model.index.rangeOf(otherWord.start, otherWord.end), message: l10n.t('{0} is used here', other.program) }],
      });
    }
  },
};
