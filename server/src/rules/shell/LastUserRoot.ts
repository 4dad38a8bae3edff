// hadolint DL3002: when a stage ends on USER root, containers of that image run as root.
import * as l10n from '@vscode/l10n';
import { expandVariables } from '../../model/variables';
import type { InstructionNode } from '../../model/types';
import type { Rule } from '../rule';

export const LastUserRoot: Rule = {
  id: 'LastUserRoot',
  aliases: ['DL3002', 'DS-0002'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('The last USER should not be root'),
  check({ model, report }) {
    // Every stage can be an image (`docker build --target`), so each stage's last USER counts.
    for (const stage of model.stages) {
      let last: InstructionNode | undefined;
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'USER') {
          last = instruction;
        }
      }
      const arg = last?.args[0];
      if (!last || !arg) {
        continue;
      }
      const expansion = expandVariables(arg.value, last.scope, model.escapeChar);
      if (expansion.unresolved.length > 0) {
        continue;
      }
      const user = expansion.value.split(':')[0];
      if (user === 'root' || user === '0') {
        report({
          range: arg.range,
          message: l10n.t('The last USER of this stage is root: containers of this image run as root. Switch to an unprivileged user at the end of the stage'),
        });
      }
    }
  },
};
