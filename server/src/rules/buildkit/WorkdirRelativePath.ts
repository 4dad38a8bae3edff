// BuildKit's WorkdirRelativePath: a relative WORKDIR depends on the base image's working directory, which may change.
import * as l10n from '@vscode/l10n';
import type { InstructionNode, Stage } from '../../model/types';
import { expandVariables } from '../../model/variables';
import { checkEveryStage, type Rule } from '../rule';
import { instructionsInStage } from '../../model/stageInstructions';

export const WorkdirRelativePath: Rule = {
  id: 'WorkdirRelativePath',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes'),
  check: checkEveryStage((context) => WorkdirRelativePath.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const instruction of instructionsInStage(model, stage)) {
      // Only the first WORKDIR of a stage matters: once it is absolute, the later relative ones are too.
      if (instruction.keyword !== 'WORKDIR' || instruction.workdirSet || !instruction.argsRange) {
        continue;
      }
      const written = instruction.args.map((a) => a.value).join(' ');
      const path = expandVariables(written, instruction.scope, model.escapeChar).value;
      if (isAbsolute(path) || path === '') {
        continue;
      }
      const argsRange = instruction.argsRange;
      report({
        range: argsRange,
        message: l10n.t('Relative workdir {0} can have unexpected results if the base image changes', JSON.stringify(path)),
        fixes: () => {
          const first = instruction.args[0];
          const edit = { range: model.index.rangeOf(first.start, first.start), newText: '/' };
          return startsFromRoot(instruction)
            ? [{ title: l10n.t('Make the path absolute ({0})', `/${path}`), edits: [edit], isPreferred: true }]
            : [{ title: l10n.t('Make the path absolute from / (check the base image\'s WORKDIR first)'), edits: [edit] }];
        },
      });
    }
  },
};

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/** True when the stage's working directory is known to be `/`: its chain of stages starts from scratch. */
function startsFromRoot(instruction: InstructionNode): boolean {
  let stage: Stage | undefined = instruction.stage;
  while (stage?.baseStage) {
    stage = stage.baseStage;
  }
  return stage !== undefined && stage.baseText.toLowerCase() === 'scratch';
}
