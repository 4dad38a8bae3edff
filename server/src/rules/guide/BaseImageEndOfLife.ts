// A base image past its end of life gets no more security fixes; the table of dates ships with the extension and says when it was taken.
import * as l10n from '@vscode/l10n';
import { describeBaseImage, type EndOfLifeStatus } from '../../data/baseImages';
import type { Rule } from '../rule';

function releaseText(name: string, release: string, status: EndOfLifeStatus): string {
  return status.estimated
    ? l10n.t('{0} {1} reached its end of life around {2}', name, release, status.date)
    : l10n.t('{0} {1} reached its end of life on {2}', name, release, status.date);
}

export const BaseImageEndOfLife: Rule = {
  id: 'BaseImageEndOfLife',
  aliases: [],
  origin: 'guide',
  defaultSeverity: 'warning',
  description: () => l10n.t('The base image is past its end of life'),
  check({ model, report }) {
    for (const stage of model.stages) {
      if (!stage.baseImage || stage.baseStage || !stage.baseRange) {
        continue;
      }
      const description = describeBaseImage(stage.baseImage);
      if (description.status !== 'known') {
        continue;
      }
      const reasons: string[] = [];
      const runtime = description.runtime;
      if (runtime?.endOfLife?.isPast && runtime.cycle) {
        reasons.push(releaseText(runtime.name, runtime.cycle, runtime.endOfLife));
      }
      const distribution = description.distribution;
      if (distribution?.endOfLife?.isPast && distribution.release) {
        const release = distribution.codename ? `${distribution.release} (${distribution.codename})` : distribution.release;
        reasons.push(releaseText(distribution.name, release, distribution.endOfLife));
      }
      if (reasons.length === 0) {
        continue;
      }
      // Written through ARGs, the reference is named as it expands, and rewriting it would drop the ARG.
      const upgrade = stage.baseText.includes('$') ? undefined : description.upgrade;
      const baseRange = stage.baseRange;
      report({
        range: baseRange,
        message: l10n.t("'{0}' no longer gets security fixes: {1} (release data of {2}).", stage.baseImage.raw, reasons.join('; '), description.dataDate),
        fixes: upgrade
          ? () => [{ title: l10n.t("Change to '{0}'", upgrade), edits: [{ range: baseRange, newText: upgrade }] }]
          : undefined,
      });
    }
  },
};
