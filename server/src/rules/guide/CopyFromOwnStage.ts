// hadolint DL3023: a stage cannot copy from itself; BuildKit stops with a circular dependency.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { stageLabel } from '../../model/stageImage';

export const CopyFromOwnStage: Rule = {
  id: 'CopyFromOwnStage',
  aliases: ['DL3023', 'DS-0006'],
  origin: 'guide',
  defaultSeverity: 'error',
  description: () => l10n.t('COPY --from names the stage it is in'),
  check({ model, report }) {
    for (const edge of model.stageEdges) {
      if (edge.kind === 'from') {
        continue;
      }
      const own = edge.from === edge.to || (!edge.from && edge.reference === String(edge.to.index));
      if (!own) {
        continue;
      }
      report({
        range: edge.referenceRange,
        message: l10n.t("--from names '{0}', the stage this instruction is in: a stage cannot take files from itself. Name an earlier stage.", stageLabel(edge.to)),
        related: edge.to.nameRange ? [{ range: edge.to.nameRange, message: l10n.t("Stage '{0}' starts here", stageLabel(edge.to)) }] : [],
      });
    }
  },
};
