// Finds what lies under the cursor in a DockerfileModel, in logarithmic time, for hover, completion and signature help.
import type { Position, Range } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionNode, Stage } from '../model/types';
import { readVariable } from '../model/variables';

/** The last instruction that starts at or before `offset` (ONBUILD triggers not unwrapped); found by binary search. */
export function instructionStartingBefore(model: DockerfileModel, offset: number): InstructionNode | undefined {
  const list = model.instructions;
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found < 0 ? undefined : list[found];
}

/** The instruction whose text covers `offset`, with ONBUILD unwrapped to its trigger when the cursor is on it. */
export function instructionAt(model: DockerfileModel, offset: number): InstructionNode | undefined {
  const candidate = instructionStartingBefore(model, offset);
  if (candidate === undefined || offset > candidate.end) {
    return undefined;
  }
  return unwrapTrigger(model, candidate, offset);
}

export function unwrapTrigger(model: DockerfileModel, instruction: InstructionNode, offset: number): InstructionNode {
  const trigger = instruction.trigger;
  if (trigger !== undefined && offset >= model.index.offsetAt(trigger.range.start)) {
    return trigger;
  }
  return instruction;
}

/** Half-open: a position at the range's end belongs to what follows. */
export function rangeContains(range: Range | undefined, position: Position): boolean {
  if (range === undefined) {
    return false;
  }
  return !isBefore(position, range.start) && isBefore(position, range.end);
}

/** Closed: for completion, where the cursor sits right after the word being typed. */
export function rangeTouches(range: Range | undefined, position: Position): boolean {
  if (range === undefined) {
    return false;
  }
  return !isBefore(position, range.start) && !isBefore(range.end, position);
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export interface VariableAt {
  readonly name: string;
  readonly range: Range;
}

/** The `$NAME` or `${NAME...}` under the cursor, looked for on the cursor's line only. */
export function variableAt(model: DockerfileModel, position: Position): VariableAt | undefined {
  const line = model.index.lineText(position.line);
  const lineStart = model.index.lineStart(position.line);
  for (let i = line.indexOf('$'); i >= 0 && i <= position.character; i = line.indexOf('$', i + 1)) {
    if (i > 0 && line[i - 1] === model.escapeChar) {
      continue;
    }
    const variable = readVariable(line, i);
    if (variable !== undefined && position.character < variable.end) {
      return { name: variable.name, range: model.index.rangeOf(lineStart + i, lineStart + variable.end) };
    }
  }
  return undefined;
}

/** Named stages a reference at `instruction` can take from: BuildKit only allows earlier stages. */
export function stagesBefore(model: DockerfileModel, instruction: InstructionNode | undefined): Stage[] {
  const limit = instruction?.stage?.index ?? model.stages.length;
  return model.stages.filter((s) => s.index < limit);
}

/** The first paragraph of a reference page after its title: a short description for completion and signature help. */
export function firstParagraph(markdown: string | undefined): string | undefined {
  if (markdown === undefined) {
    return undefined;
  }
  const paragraphs = markdown.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('#'));
  return paragraphs[0];
}

/**
 * The lines of the instruction at `position` alone, with the position moved into them: what the
 * base service needs for a fallback answer, so that it never re-parses a whole large file.
 */
export function instructionExcerpt(model: DockerfileModel, position: Position): { text: string; position: Position } | undefined {
  const candidate = instructionStartingBefore(model, model.index.offsetAt(position));
  if (candidate === undefined || (position.line > candidate.range.end.line)) {
    return undefined;
  }
  const firstLine = candidate.range.start.line;
  const start = model.index.lineStart(firstLine);
  const end = model.index.lineEnd(candidate.range.end.line);
  const directives = model.directives.find((d) => d.name === 'escape');
  // The escape directive changes how continuation lines join, so the excerpt keeps it.
  const prefix = directives === undefined ? '' : `# escape=${directives.value}\n`;
  const shift = prefix === '' ? 0 : 1;
  return {
    text: prefix + model.text.slice(start, end),
    position: { line: position.line - firstLine + shift, character: position.character },
  };
}
