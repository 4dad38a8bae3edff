// The instructions of one stage, or of the lines before the first FROM, for the rules that check a stage at a time.
import type { DockerfileModel, InstructionNode, Stage } from './types';

const preambles = new WeakMap<DockerfileModel, readonly InstructionNode[]>();

/** `stage`'s instructions (its FROM first); for undefined, the instructions before the first FROM (global ARGs, mostly). */
export function instructionsInStage(model: DockerfileModel, stage: Stage | undefined): readonly InstructionNode[] {
  if (stage) {
    return stage.instructions;
  }
  let preamble = preambles.get(model);
  if (!preamble) {
    const first = model.instructions.findIndex((instruction) => instruction.stage !== undefined);
    preamble = first < 0 ? model.instructions : model.instructions.slice(0, first);
    preambles.set(model, preamble);
  }
  return preamble;
}
