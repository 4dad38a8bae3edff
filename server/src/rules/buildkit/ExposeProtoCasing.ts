// BuildKit's ExposeProtoCasing: EXPOSE protocols are written in lowercase (`tcp`, `udp`, `sctp`).
import * as l10n from '@vscode/l10n';
import { checkEveryStage, type Rule } from '../rule';
import { exposedPorts } from './exposePorts';
import { instructionsInStage } from '../../model/stageInstructions';

const knownProtocols = new Set(['tcp', 'udp', 'sctp']);

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
        // Lowercasing mends only a port that is otherwise right: a known protocol as written (no quotes) and a port number or range.
        // dockerfile-utils checks the number only once the protocol is lowercase, so on `8x0/TCP` the fix would trade one
        // error for another.
        const containerPort = written.slice(written.lastIndexOf(':', slash) + 1, slash);
        const fixable = port.literal && slash >= 0 && knownProtocols.has(written.slice(slash + 1).toLowerCase()) && /^\d+(-\d+)?$/.test(containerPort);
        report({
          range: model.index.rangeOf(port.start, port.end),
          message: l10n.t("Defined protocol '{0}' in EXPOSE instruction should be lowercase", port.raw),
          fixes: () =>
            fixable
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
