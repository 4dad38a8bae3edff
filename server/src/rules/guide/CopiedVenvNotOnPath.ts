// The guide's second stage: a venv copied from another stage works only once its bin directory is on PATH.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { stageLabel } from '../../model/stageImage';
import { copiedVenvsInto, descendantStages, onPathInStage, pythonUses } from '../../model/venv';
import { insertLinesAfter, venvEnvLines } from '../../service/fixes/instructionText';

export const CopiedVenvNotOnPath: Rule = {
  id: 'CopiedVenvNotOnPath',
  aliases: [],
  origin: 'guide',
  defaultSeverity: 'warning',
  description: () => l10n.t('A virtual environment copied from another stage is not on PATH where it is used'),
  check({ model, report }) {
    for (const stage of model.stages) {
      const seen = new Set<string>();
      for (const copied of copiedVenvsInto(model, stage)) {
        if (seen.has(copied.dir)) {
          continue;
        }
        seen.add(copied.dir);
        const uses = pythonUses([stage, ...descendantStages(model, stage)], copied.dir, copied.edge.instruction);
        const systemUse = uses.some((use) => use.runs === 'system');
        const unused = !uses.some((use) => use.runs === 'venv') && !onPathInStage(model, stage, copied.dir);
        if (!systemUse && !unused) {
          continue;
        }
        const from = copied.edge.from!;
        report({
          range: copied.source.range,
          message: l10n.t("The virtual environment copied from stage '{0}' to '{1}' is not on PATH before it is used: python and pip here run the system Python.", stageLabel(from), copied.dir),
          related: [{ range: copied.venv.instruction.range, message: l10n.t('The virtual environment is created here') }],
          fixes: () => [{
            title: l10n.t("Put '{0}/bin' on PATH", copied.dir),
            edits: [insertLinesAfter(model, copied.edge.instruction, venvEnvLines(model, copied.dir, copied.edge.instruction, false))],
            isPreferred: true,
          }],
        });
      }
    }
  },
};
