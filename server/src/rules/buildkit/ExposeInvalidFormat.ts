// BuildKit's ExposeInvalidFormat: EXPOSE documents a container port; IP addresses and host ports belong to `docker run -p`.
import * as l10n from '@vscode/l10n';
import { checkEveryStage, type Rule } from '../rule';
import { exposedPorts } from './exposePorts';
import { instructionsInStage } from '../../model/stageInstructions';

export const ExposeInvalidFormat: Rule = {
  id: 'ExposeInvalidFormat',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release'),
  check: checkEveryStage((context) => ExposeInvalidFormat.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const instruction of instructionsInStage(model, stage)) {
      for (const port of exposedPorts(model, instruction)) {
        if (port.ip === '' && port.hostPort === '') {
          continue;
        }
        report({
          range: model.index.rangeOf(port.start, port.end),
          message: l10n.t("EXPOSE instruction should not define an IP address or host-port mapping, found '{0}'", port.raw),
        });
      }
    }
  },
};
