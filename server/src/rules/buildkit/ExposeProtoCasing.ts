// BuildKit's ExposeProtoCasing: EXPOSE protocols are written in lowercase (`tcp`, `udp`, `sctp`).
import * as l10n from '@vscode/l10n';
import { checkEveryStage, type Rule } from '../rule';
import { exposedPorts } from './exposePorts';
import { instructionsInStage } from '../../model/stageInstructions';

export const ExposeProtoCasing: Rule = {
  id: 'ExposeProtoCasing',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Protocol in EXPOSE instruction should be lowercase'),
  check: checkEveryStage((context) => ExposeProtoCasing.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const instruction of instructionsInStage(model, stage)) {
      for (const port of exposedPorts(model, instruction)) {
        if (port.protocol === port.protocol.toLowerCase()) {
          continue;
        }
        const written = model.text.slice(port.start, port.end);
        const slash = written.lastIndexOf('/');
        report({
          range: model.index.rangeOf(port.start, port.end),
          message: l10n.t("Defined protocol '{0}' in EXPOSE instruction should be lowercase", port.raw),
          fixes: () =>
            port.literal && slash >= 0
              ? [{
                  title: l10n.t('Change the protocol to {0}', port.protocol.toLowerCase()),
                  edits: [{ range: model.index.rangeOf(port.start + slash + 1, port.end), newText: written.slice(slash + 1).toLowerCase() }],
                  isPreferred: true,
                }]
              : [],
        });
      }
    }
  },
};
