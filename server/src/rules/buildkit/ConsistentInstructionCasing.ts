// BuildKit's ConsistentInstructionCasing: every instruction keyword follows the casing most of the file uses.
import * as l10n from '@vscode/l10n';
import { instructionsInStage } from '../../model/stageInstructions';
import type { DockerfileModel, InstructionNode, Stage } from '../../model/types';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Rule } from '../rule';
import { inCasingOf, isSelfConsistentCasing, offsetsOf } from './support';

export const ConsistentInstructionCasing: Rule = {
  id: 'ConsistentInstructionCasing',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('All commands within the Dockerfile should use the same casing (either upper or lower)'),
  check({ model, report }) {
    const parts = [undefined, ...model.stages].map((stage) => casingOf(model, stage));
    const lower = parts.reduce((sum, part) => sum + part.lower, 0);
    const upper = parts.reduce((sum, part) => sum + part.upper, 0);
    const majorityLower = lower > upper;
    for (const part of parts) {
      for (const instruction of majorityLower ? part.notLower : part.notUpper) {
        const keyword = instruction.keywordText;
        const expected = majorityLower ? keyword.toLowerCase() : keyword.toUpperCase();
        report({
          range: instruction.keywordRange,
          message: majorityLower
            ? l10n.t("Command '{0}' should match the case of the command majority (lowercase)", keyword)
            : l10n.t("Command '{0}' should match the case of the command majority (uppercase)", keyword),
          fixes: () => [
            {
              title: majorityLower ? l10n.t('Convert to lowercase') : l10n.t('Convert to uppercase'),
              edits: [{ range: instruction.keywordRange, newText: expected }, ...asKeywordEdits(model, instruction, expected)],
              isPreferred: true,
            },
          ],
        });
      }
    }
  },
};

/**
 * A FROM's `AS` follows the FROM's new casing too: `FROM x AS y` made `from x AS y` would
 * trade this finding for FromAsCasing's.
 */
function asKeywordEdits(model: DockerfileModel, instruction: InstructionNode, keyword: string): TextEdit[] {
  const asRange = model.stages.find((stage) => stage.from === instruction)?.asKeywordRange;
  if (!asRange) {
    return [];
  }
  const { start, end } = offsetsOf(model, asRange);
  const written = model.text.slice(start, end);
  const expected = inCasingOf(written, keyword);
  return written === expected ? [] : [{ range: asRange, newText: expected }];
}

/** How the keywords of a stage (or of the lines before the first FROM) are written. */
interface Casing {
  readonly lower: number;
  readonly upper: number;
  /** The counted instructions whose keyword is not all lower case, and not all upper case. */
  readonly notLower: readonly InstructionNode[];
  readonly notUpper: readonly InstructionNode[];
}

const casingByStage = new WeakMap<Stage, Casing>();

/**
 * The majority is the file's, but the counts add up stage by stage: a stage object the model
 * kept from the previous version is counted once.
 */
function casingOf(model: DockerfileModel, stage: Stage | undefined): Casing {
  const known = stage && casingByStage.get(stage);
  if (known) {
    return known;
  }
  // BuildKit counts the stages' instructions; ARGs before the first FROM are not part of a stage.
  const counted = instructionsInStage(model, stage).filter((i) => stage !== undefined || i.keyword !== 'ARG');
  let lower = 0;
  let upper = 0;
  const notLower: InstructionNode[] = [];
  const notUpper: InstructionNode[] = [];
  for (const instruction of counted) {
    const keyword = instruction.keywordText;
    if (isSelfConsistentCasing(keyword)) {
      if (keyword === keyword.toLowerCase()) {
        lower++;
      } else {
        upper++;
      }
    }
    if (keyword !== keyword.toLowerCase()) {
      notLower.push(instruction);
    }
    if (keyword !== keyword.toUpperCase()) {
      notUpper.push(instruction);
    }
  }
  const casing = { lower, upper, notLower, notUpper };
  if (stage) {
    casingByStage.set(stage, casing);
  }
  return casing;
}
