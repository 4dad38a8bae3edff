// "Copy from stage...": proposes `COPY --from=<stage> <src> <dest>` lines with the paths earlier stages created.
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { buildOutputs, type BuildOutputKind } from '../../model/buildTools';
import { stageLineage } from '../../model/copyPaths';
import type { DockerfileModel, Stage } from '../../model/types';
import { copyFromLine, insertLinesAfter } from './instructionText';

export interface CopyFromStageChoice {
  /** The stage name, or its index when it has none, as `--from` takes it. */
  readonly stage: string;
  readonly source: string;
  readonly destination: string;
  /** What made the path: a WORKDIR, a venv, a compiler's `-o`, a COPY destination. */
  readonly kind: BuildOutputKind;
  /** The instruction line, in the file's casing. */
  readonly line: string;
  /** Inserts the line after the instruction at (or before) the position. */
  readonly edit: TextEdit;
}

/** The stage a position falls in: the last stage whose FROM starts at or before it. */
function stageAt(model: DockerfileModel, offset: number): Stage | undefined {
  return [...model.stages].reverse().find((stage) => stage.from.start <= offset);
}

/**
 * Choices for a `refactor` code action at `position`: one per path that an earlier stage
 * created, except stages the current one is built on (their files are already there).
 * Empty outside a stage that has an earlier stage to copy from.
 */
export function copyFromStageChoices(model: DockerfileModel, position: Position): CopyFromStageChoice[] {
  const offset = model.index.offsetAt(position);
  const stage = stageAt(model, offset);
  if (!stage || stage.index === 0) {
    return [];
  }
  const anchor = [...stage.instructions].reverse().find((instruction) => instruction.start <= offset) ?? stage.from;
  const lineage = stageLineage(stage);
  const choices: CopyFromStageChoice[] = [];
  for (const source of model.stages.slice(0, stage.index)) {
    if (lineage.includes(source)) {
      continue;
    }
    const name = source.name ?? String(source.index);
    for (const output of buildOutputs(model, source, true)) {
      const line = copyFromLine(model, anchor, name, output.path, output.path);
      choices.push({
        stage: name,
        source: output.path,
        destination: output.path,
        kind: output.kind,
        line,
        edit: insertLinesAfter(model, anchor, [line]),
      });
    }
  }
  return choices;
}
