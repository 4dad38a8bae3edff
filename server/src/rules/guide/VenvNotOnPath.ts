// The guide's venv pattern: a venv whose bin directory is not on PATH leaves `pip install` and `python` on the system Python.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { descendantStages, onPathInStage, pythonUses, venvCreations } from '../../model/venv';
import { insertLinesAfter, venvEnvLines } from '../../service/fixes/instructionText';

export const VenvNotOnPath: Rule = {
  id: 'VenvNotOnPath',
  aliases: [],
  origin: 'guide',
  defaultSeverity: 'warning',
  description: () => l10n.t('A virtual environment is created but its bin directory is never put on PATH'),
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const venv of venvCreations(model, stage)) {
        if (venv.implicit || onPathInStage(model, stage, venv.dir)) {
          continue;
        }
        // A venv only ever used by its full path (`/venv/bin/pip`) is a deliberate choice, not this mistake; so is another
        // interpreter named by its path.
        const uses = pythonUses([stage, ...descendantStages(model, stage)], venv.dir, venv.instruction, venv.command).filter((use) => use.runs !== 'other');
        if (uses.length > 0 && uses.every((use) => use.runs === 'venv')) {
          continue;
        }
        const word = venv.dirWord ?? venv.command.words[venv.command.words.length - 1];
        const virtualEnvSet = venv.instruction.scope.get('VIRTUAL_ENV')?.value === venv.dir;
        report({
          range: model.index.rangeOf(word.start, word.end),
          message: l10n.t("The virtual environment '{0}' is never put on PATH in this stage: later pip and python commands use the system Python. Add ENV PATH=\"{0}/bin:$PATH\".", venv.dir),
          fixes: () => [{
            title: l10n.t("Put '{0}/bin' on PATH", venv.dir),
            edits: [insertLinesAfter(model, venv.instruction, venvEnvLines(model, venv.dir, venv.instruction, !virtualEnvSet))],
            isPreferred: true,
          }],
        });
      }
    }
  },
};
