// The guide's `COPY . usr/src/app`: a relative destination before any WORKDIR depends on the base image's working directory.
import * as l10n from '@vscode/l10n';
import { checkEveryStage, type Rule } from '../rule';
import { copyPaths, isAbsolutePath, rootStage } from '../../model/copyPaths';
import { instructionsInStage } from '../../model/stageInstructions';

export const RelativeCopyDestination: Rule = {
  id: 'RelativeCopyDestination',
  aliases: [],
  origin: 'guide',
  defaultSeverity: 'warning',
  description: () => l10n.t('COPY or ADD to a relative destination before any WORKDIR'),
  check: checkEveryStage((context) => RelativeCopyDestination.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const instruction of instructionsInStage(model, stage)) {
      if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.workdirSet || !instruction.stage || !instruction.shell.posix) {
        continue;
      }
      const destination = copyPaths(model, instruction)?.destination;
      if (!destination?.expanded || destination.written.startsWith('$') || isAbsolutePath(destination.expanded)) {
        continue;
      }
      // `.` says "here" on purpose, and in an image from scratch the root is the only directory there is.
      if (/^\.\/?$/.test(destination.expanded) || rootStage(instruction.stage).baseText.trim().toLowerCase() === 'scratch') {
        continue;
      }
      const absolute = `/${destination.written.replace(/^(\.\/)+/, '')}`;
      report({
        range: destination.range,
        message: l10n.t("'{0}' is relative and no WORKDIR is set, so it lands in whatever directory the base image uses. Write '{1}'.", destination.written, absolute),
        fixes: () => [{ title: l10n.t("Change to '{0}'", absolute), edits: [{ range: destination.range, newText: absolute }], isPreferred: true }],
      });
    }
  },
};
