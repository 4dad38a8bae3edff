// BuildKit's JSONArgsRecommended: CMD and ENTRYPOINT in shell form run under `/bin/sh -c`, which does not pass signals on.
import * as l10n from '@vscode/l10n';
import { checkEveryStage, type Rule } from '../rule';
import { toExecForm } from '../../service/fixes/execForm';

export const JSONArgsRecommended: Rule = {
  id: 'JSONArgsRecommended',
  aliases: ['DL3025'],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals'),
  check: checkEveryStage((context) => JSONArgsRecommended.checkStage!(context)),
  checkStage({ model, stage, report }) {
    if (stage) {
      // BuildKit stays silent once a stage sets SHELL explicitly: the author chose the shell on purpose.
      let shellChanged = false;
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'SHELL') {
          shellChanged = true;
        }
        if ((instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') || shellChanged) {
          continue;
        }
        if (instruction.jsonArgs !== undefined || instruction.args.length === 0) {
          continue;
        }
        report({
          range: instruction.range,
          message: l10n.t('JSON arguments recommended for {0} to prevent unintended behavior related to OS signals', instruction.keyword),
          fixes: () => {
            const edit = toExecForm(model, instruction);
            return edit ? [{ title: l10n.t('Convert to JSON (exec) form'), edits: [edit], isPreferred: true }] : [];
          },
        });
      }
    }
  },
};
