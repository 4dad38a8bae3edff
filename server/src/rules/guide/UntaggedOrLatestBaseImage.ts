// hadolint DL3006/DL3007: an untagged or `latest` base image changes under the build without warning.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';

export const UntaggedOrLatestBaseImage: Rule = {
  id: 'UntaggedOrLatestBaseImage',
  aliases: ['DL3006', 'DL3007', 'DS-0001'],
  origin: 'guide',
  defaultSeverity: 'warning',
  description: () => l10n.t('The base image has no tag or uses latest'),
  check({ model, report }) {
    for (const stage of model.stages) {
      const image = stage.baseImage;
      if (!image || stage.baseStage || !stage.baseRange || image.digest) {
        continue;
      }
      if (image.tag === undefined) {
        report({
          range: stage.baseRange,
          message: l10n.t("The base image '{0}' has no tag, so each build may get a different version. Name a version tag.", image.raw),
        });
      } else if (image.tag === 'latest') {
        report({
          range: stage.baseRange,
          message: l10n.t("The base image '{0}' uses the 'latest' tag, which moves to each new release. Name a version tag.", image.raw),
        });
      }
    }
  },
};
