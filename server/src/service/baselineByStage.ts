// dockerfile-utils' validation of a long Dockerfile one stage at a time, each stage's result kept while its text is unchanged.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DockerfileModel, Stage } from '../model/types';

/** Below this many instructions the whole file is validated in one call, as before. */
export const stageSplitMinInstructions = 300;

/** Lines of the document copied into a piece's text. */
interface Segment {
  /** Where the lines start in the piece's text and in the document, and how many there are. */
  readonly pieceLine: number;
  readonly documentLine: number;
  readonly lines: number;
  /** Whether findings on these lines are this piece's to report; copies of lines another piece reports are context. */
  readonly reported: boolean;
}

interface Piece {
  /** The text validated. */
  readonly text: string;
  readonly segments: readonly Segment[];
}

/**
 * The pieces of a model: each stage with the lines before the first stage (parser
 * directives, global ARGs) in front. dockerfile-utils checks each instruction on its own
 * (reading variables from its stage's ARG and ENV and the global ARGs) and counts CMD,
 * ENTRYPOINT and HEALTHCHECK per stage, so each piece gets the findings the whole file would.
 * A stage's piece starts on the line after the previous stage's last instruction, so the
 * comments before a FROM (a `# dockerfile-utils: ignore` among them) stay with it.
 *
 * With `partInstructions`, a longer stage is cut into parts of that many instructions; each
 * part after the first repeats, as context, the stage's FROM and the ARG and ENV instructions
 * before it. That is only right when the per-stage counts are off (as in our settings), and
 * lets an edit in a long stage validate one part of it. test/unit/service/baselineByStage.test.ts
 * checks both against whole-file validation on every corpus file.
 */
export function stagePieces(model: DockerfileModel, partInstructions = Infinity): Piece[] {
  const { index, text, stages } = model;
  if (stages.length === 0) {
    return [];
  }
  const linesOf = (from: number, to: number): string => text.slice(index.lineStart(from), to >= index.lineCount ? text.length : index.lineStart(to));
  const preambleLines = stages[0].from.range.start.line;
  const preamble = linesOf(0, preambleLines);
  const starts = stages.map((stage, k) => (k === 0 ? preambleLines : lastLineOf(stages[k - 1].instructions) + 1));
  const pieces: Piece[] = [];
  stages.forEach((stage, k) => {
    // A stage object the model kept from the previous version has the same lines at the same place: so do its pieces.
    const known = piecesByStage.get(stage);
    if (known && known.partInstructions === partInstructions) {
      pieces.push(...known.pieces);
      return;
    }
    const stagePiecesStart = pieces.length;
    const stageEnd = k + 1 < starts.length ? starts[k + 1] : index.lineCount;
    const members = stage.instructions;
    // A stage's instructions start with its FROM, so there is always a first part.
    for (let first = 0; first < members.length; first += partInstructions) {
      const partStart = first === 0 ? starts[k] : members[first - 1].range.end.line + 1;
      const next = first + partInstructions;
      const partEnd = next < members.length ? members[next - 1].range.end.line + 1 : stageEnd;
      let pieceText = preamble;
      const segments: Segment[] = [{ pieceLine: 0, documentLine: 0, lines: preambleLines, reported: k === 0 && first === 0 }];
      const add = (from: number, to: number, reported: boolean): void => {
        segments.push({ pieceLine: segments[segments.length - 1].pieceLine + segments[segments.length - 1].lines, documentLine: from, lines: to - from, reported });
        // Context lines come from before the part, so they end with a line break.
        pieceText += linesOf(from, to);
      };
      if (k > 0 || first > 0) {
        // An empty line after the preamble: a `# dockerfile-utils: ignore` ending it belongs to the first FROM only.
        segments.push({ pieceLine: preambleLines, documentLine: -1, lines: 1, reported: false });
        pieceText += '\n';
      }
      if (first > 0) {
        for (const context of [members[0], ...members.slice(1, first).filter((i) => i.keyword === 'ARG' || i.keyword === 'ENV')]) {
          add(context.range.start.line, context.range.end.line + 1, false);
        }
      }
      add(partStart, partEnd, true);
      pieces.push({ text: pieceText, segments });
    }
    piecesByStage.set(stage, { partInstructions, pieces: pieces.slice(stagePiecesStart) });
  });
  return pieces;
}

const piecesByStage = new WeakMap<Stage, { readonly partInstructions: number; readonly pieces: readonly Piece[] }>();

function lastLineOf(instructions: readonly { readonly range: { readonly end: { readonly line: number } } }[]): number {
  let last = 0;
  for (const instruction of instructions) {
    last = Math.max(last, instruction.range.end.line);
  }
  return last;
}

/**
 * Validates `model` with `validate` (dockerfile-utils' `validate` with our settings). Long
 * files go stage by stage, and a stage whose piece is unchanged since the last call reuses
 * its findings: an edit re-validates one stage instead of the file.
 */
export class StageValidationCache {
  private results = new Map<string, readonly Diagnostic[]>();

  /** `partInstructions`: see stagePieces; only when the validation's per-stage counts are off. */
  constructor(
    private readonly minInstructions = stageSplitMinInstructions,
    private readonly partInstructions = Infinity,
  ) {}

  /**
   * Validates `model` with `validate` (dockerfile-utils' `validate` with our settings); `whole` validates the whole text.
   */
  validate(model: DockerfileModel, validate: (text: string) => Diagnostic[], whole: () => Diagnostic[]): Diagnostic[] {
    const pieces = model.instructions.length < this.minInstructions ? [] : stagePieces(model, this.partInstructions);
    if (pieces.length < 2) {
      return whole();
    }
    const used = new Map<string, readonly Diagnostic[]>();
    const diagnostics: Diagnostic[] = [];
    for (const piece of pieces) {
      let found = used.get(piece.text) ?? this.results.get(piece.text);
      if (found === undefined) {
        found = validate(piece.text);
      }
      used.set(piece.text, found);
      for (const diagnostic of found) {
        const placed = place(diagnostic, piece);
        if (placed) {
          diagnostics.push(placed);
        }
      }
    }
    // Only the stages of the latest version are kept, so the cache is never larger than the file.
    this.results = used;
    return diagnostics;
  }
}

/**
 * The diagnostic with its lines mapped by `line`: its range, and the line dockerfile-utils adds
 * of the instruction it belongs to (0-based: its `# dockerfile-utils: ignore` check compares it
 * with the comment's line plus one).
 */
function moveLines(diagnostic: Diagnostic, line: (l: number) => number): Diagnostic {
  const { start, end } = diagnostic.range;
  const moved: Diagnostic & { instructionLine?: number | null } = {
    ...diagnostic,
    range: { start: { line: line(start.line), character: start.character }, end: { line: line(end.line), character: end.character } },
  };
  const instructionLine = (diagnostic as { instructionLine?: number | null }).instructionLine;
  if (typeof instructionLine === 'number') {
    moved.instructionLine = line(instructionLine);
  }
  return moved;
}

/** The diagnostic at its place in the document, or undefined for a finding on lines of the piece another piece reports. */
function place(diagnostic: Diagnostic, piece: Piece): Diagnostic | undefined {
  const segmentOf = (line: number): Segment | undefined => piece.segments.find((s) => line >= s.pieceLine && line < s.pieceLine + s.lines);
  const home = segmentOf(diagnostic.range.start.line) ?? piece.segments[piece.segments.length - 1];
  if (!home.reported) {
    return undefined;
  }
  return moveLines(diagnostic, (line) => {
    const segment = segmentOf(line) ?? home;
    return line - segment.pieceLine + segment.documentLine;
  });
}
