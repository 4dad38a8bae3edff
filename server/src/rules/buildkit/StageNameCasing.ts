// BuildKit's StageNameCasing: stage names are matched without regard to case, so mixed-case names only mislead readers.
import * as l10n from '@vscode/l10n';
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Stage } from '../../model/types';
import type { Rule } from '../rule';
import { offsetsOf } from './support';

export const StageNameCasing: Rule = {
  id: 'StageNameCasing',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Stage names should be lowercase'),
  check({ model, report }) {
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameRange || stage.name === stage.name.toLowerCase()) {
        continue;
      }
      const name = stage.name;
      const lower = name.toLowerCase();
      report({
        range: stage.nameRange,
        message: l10n.t("Stage name '{0}' should be lowercase", name),
        fixes: () => [
          {
            title: l10n.t('Convert stage name ({0}) to lowercase ({1})', name, lower),
            edits: renameStageEdits(model, stage, lower),
            isPreferred: true,
          },
        ],
      });
    }
  },
};

/** Renames a stage and every `FROM <stage>`, `--from=<stage>` and `--mount=from=<stage>` written with its name. */
function renameStageEdits(model: DockerfileModel, stage: Stage, newName: string): TextEdit[] {
  const edits: TextEdit[] = [{ range: stage.nameRange!, newText: newName }];
  for (const edge of model.stageEdges) {
    if (edge.from !== stage) {
      continue;
    }
    const { start, end } = offsetsOf(model, edge.referenceRange);
    if (model.text.slice(start, end).toLowerCase() === newName) {
      edits.push({ range: edge.referenceRange, newText: newName });
    }
  }
  return edits;
}
