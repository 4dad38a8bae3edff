// A venv links to the Python it was made with: copied onto another Python minor version, its interpreter and compiled modules break.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { rootStage } from '../../model/copyPaths';
import { stageLabel, stagePythonVersion } from '../../model/stageImage';
import { copiedVenvsInto } from '../../model/venv';

export const VenvPythonVersionMismatch: Rule = {
  id: 'VenvPythonVersionMismatch',
  aliases: [],
  origin: 'guide',
  defaultSeverity: 'warning',
  description: () => l10n.t('A virtual environment is copied between stages with different Python versions'),
  check({ model, report }) {
    for (const stage of model.stages) {
      const reported = new Set<string>();
      for (const copied of copiedVenvsInto(model, stage)) {
        const made = copied.venv.instruction.stage;
        if (!made || reported.has(copied.source.written)) {
          continue;
        }
        const builtWith = stagePythonVersion(made);
        const runsWith = stagePythonVersion(stage);
        if (!builtWith || !runsWith || builtWith === runsWith) {
          continue;
        }
        reported.add(copied.source.written);
        const madeRoot = rootStage(made);
        report({
          range: copied.source.range,
          message: l10n.t("The virtual environment '{0}' is made with Python {1} in stage '{2}' but this stage runs Python {3}: its python link and compiled packages will not work. Use the same Python minor version in both stages.",
            copied.venv.dir, builtWith, stageLabel(made), runsWith),
          related: madeRoot.baseRange ? [{ range: madeRoot.baseRange, message: l10n.t('Python {0} comes from this image', builtWith) }] : [],
        });
      }
    }
  },
};
