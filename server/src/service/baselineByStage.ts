// dockerfile-utils' validation of a long Dockerfile one stage at a time, each stage's result kept while its text is unchanged.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model/types';

/** Below this many instructions the whole file is validated in one call, as before. */
export const stageSplitMinInstructions = 300;

interface Piece {
  /** The text validated: the lines before the first stage, then this stage's lines. */
  readonly text: string;
  /** Document lines of the stage's first line and after its last, and how many lines come before the first stage. */
  readonly firstLine: number;
  readonly endLine: number;
  readonly preambleLines: number;
  /** Whether findings on the lines before the first stage are kept from this piece (the first one only). */
  readonly keepsPreamble: boolean;
}

/**
 * The pieces of a model: each stage with the lines before the first stage (parser
 * directives, global ARGs) in front. dockerfile-utils checks each instruction on its own
 * (reading variables from its stage and the global ARGs) and counts CMD, ENTRYPOINT and
 * HEALTHCHECK per stage, so each piece gets the findings the whole file would. A stage's
 * piece starts on the line after the previous stage's last instruction, so the comments
 * before a FROM (a `# dockerfile-utils: ignore` among them) stay with it.
 * test/unit/service/baselineByStage.test.ts checks this against whole-file validation on
 * every corpus file.
 */
export function stagePieces(model: DockerfileModel): Piece[] {
  const { index, text, stages } = model;
  if (stages.length === 0) {
    return [];
  }
  const preambleLines = stages[0].from.range.start.line;
  const preamble = text.slice(0, index.lineStart(preambleLines));
  const starts = stages.map((stage, k) => (k === 0 ? preambleLines : lastLineOf(stages[k - 1].instructions) + 1));
  return stages.map((_, k) => {
    const from = index.lineStart(starts[k]);
    const to = k + 1 < starts.length ? index.lineStart(starts[k + 1]) : text.length;
    return { text: preamble + text.slice(from, to), firstLine: starts[k], endLine: k + 1 < starts.length ? starts[k + 1] : index.lineCount, preambleLines, keepsPreamble: k === 0 };
  });
}

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

  constructor(private readonly minInstructions = stageSplitMinInstructions) {}

  /**
   * `chunk`, when given, is the part of the text the model parsed again after an edit; when it
   * is one stage, its validation (with the model's tree lent) stands for the stage's, which
   * saves dockerfile-utils a parse of the stage.
   */
  validate(model: DockerfileModel, validate: (text: string) => Diagnostic[], whole: () => Diagnostic[], chunk?: ValidatableChunk): Diagnostic[] {
    if (model.instructions.length < this.minInstructions || model.stages.length < 2) {
      return whole();
    }
    const used = new Map<string, readonly Diagnostic[]>();
    const diagnostics: Diagnostic[] = [];
    for (const piece of stagePieces(model)) {
      let found = used.get(piece.text) ?? this.results.get(piece.text);
      if (found === undefined && chunk && chunk.startLine === piece.firstLine && chunk.endLine === piece.endLine) {
        found = chunk.validate().map((diagnostic) => unpad(diagnostic, piece));
      }
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

/** A stage's lines as parsed again after an edit (model/parsePieces.ts: ParsedChunk), and their validation. */
export interface ValidatableChunk {
  readonly startLine: number;
  readonly endLine: number;
  /** dockerfile-utils' findings on the chunk's text (the lines before the first stage, empty lines, the chunk), at document positions. */
  validate(): Diagnostic[];
}

/**
 * A finding on a chunk's text placed as on the piece's: the chunk's text is the piece's with
 * empty lines between the preamble and the stage, which dockerfile-utils reports nothing on.
 */
function unpad(diagnostic: Diagnostic, piece: Piece): Diagnostic {
  return moveLines(diagnostic, (l) => (l < piece.preambleLines ? l : l - piece.firstLine + piece.preambleLines));
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

/** The diagnostic at its place in the document, or undefined for a finding on the shared lines of a piece that does not report them. */
function place(diagnostic: Diagnostic, piece: Piece): Diagnostic | undefined {
  if (diagnostic.range.start.line < piece.preambleLines && !piece.keepsPreamble) {
    return undefined;
  }
  return moveLines(diagnostic, (l) => (l < piece.preambleLines ? l : l - piece.preambleLines + piece.firstLine));
}
