// Parses a long Dockerfile in pieces (a stage, or 64 instructions of a longer one) and, after an edit, parses again only the pieces the edit touched.
import { DockerfileParser, type Dockerfile, type Heredoc, type Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { contain } from '../util/contain';
import type { TextIndex } from './textIndex';

/** Below this length a text is parsed whole on every version: it takes under 15 ms. */
export const piecewiseMinLength = 64 * 1024;

/**
 * Lines `startLine` to `endLine` (exclusive) of the text and what the parser found there.
 * A piece starts on the line after an instruction ends (or on the first stage's FROM), where
 * the parser is in no continuation line and no heredoc, so parsing it apart finds what a
 * parse of the whole text finds there.
 */
interface Piece {
  readonly startLine: number;
  readonly endLine: number;
  readonly instructions: readonly Instruction[];
  readonly comments: readonly Range[];
}

/** The parse of a whole text, kept with its model to parse the next version. */
export interface ParsedText {
  readonly text: string;
  readonly index: TextIndex;
  /** The lines before the first stage (parser directives, global ARGs) and their parse. */
  readonly preambleLines: number;
  readonly preamble: Piece;
  readonly pieces: readonly Piece[];
  /** The tree when the text was parsed in one call. */
  readonly whole: Dockerfile | undefined;
  /** How many lines were parsed for this version (for tests and the benchmark). */
  readonly linesParsed: number;
}

export interface ParseResult {
  readonly parsed: ParsedText | undefined;
  /** The tree of a text parsed in one call. */
  readonly tree: Dockerfile | undefined;
  readonly instructions: readonly Instruction[];
  readonly comments: readonly Range[];
}

/**
 * The instructions and comments of `text`. A long text whose previous version is given is
 * parsed again only from the first piece the edit touched to the last (to the end of the
 * file when the edit added or removed lines); everything else comes from the previous parse.
 * A text that cannot be split safely is parsed whole.
 */
export function parseInPieces(text: string, index: TextIndex, previous: ParsedText | undefined, minLength = piecewiseMinLength): ParseResult {
  if (text.length >= minLength && previous) {
    const incremental = contain('dockerfile-ast parse of the edited stages', () => reparse(text, index, previous), undefined);
    if (incremental) {
      return incremental;
    }
  }
  const whole = DockerfileParser.parse(text);
  const instructions = whole.getInstructions();
  const comments = whole.getComments().map((comment) => comment.getRange());
  const parsed = text.length >= minLength ? splitWhole(text, index, whole, instructions, comments) : undefined;
  return { parsed, tree: whole, instructions, comments };
}

function splitWhole(text: string, index: TextIndex, whole: Dockerfile, instructions: readonly Instruction[], comments: readonly Range[]): ParsedText | undefined {
  const firstFrom = instructions.findIndex((instruction) => instruction.getKeyword() === 'FROM');
  if (firstFrom < 0) {
    return undefined;
  }
  const preambleLines = instructions[firstFrom].getRange().start.line;
  const preamble = pieceOf(0, preambleLines, instructions.slice(0, firstFrom), comments);
  const pieces = group(instructions.slice(firstFrom), preambleLines, index.lineCount, comments);
  return { text, index, preambleLines, preamble, pieces, whole, linesParsed: index.lineCount };
}

/**
 * The most instructions in one piece: a long stage is cut into pieces of this many, so that an
 * edit parses ~64 instructions again rather than its whole stage. Nothing in a parse depends on
 * the instructions before it but the directives and global ARGs, which every piece is parsed with.
 */
export const pieceInstructions = 64;

/** Splits instructions into pieces at each FROM and every `pieceInstructions`; the first piece starts at `startLine`, the last ends at `endLine`. */
function group(instructions: readonly Instruction[], startLine: number, endLine: number, comments: readonly Range[]): Piece[] {
  const groups: Instruction[][] = [];
  for (const instruction of instructions) {
    if (groups.length === 0 || instruction.getKeyword() === 'FROM' || groups[groups.length - 1].length >= pieceInstructions) {
      groups.push([]);
    }
    groups[groups.length - 1].push(instruction);
  }
  const pieces: Piece[] = [];
  let start = startLine;
  groups.forEach((members, k) => {
    const end = k + 1 < groups.length ? lastLineOf(members) + 1 : endLine;
    pieces.push(pieceOf(start, end, members, comments));
    start = end;
  });
  if (pieces.length === 0) {
    pieces.push(pieceOf(startLine, endLine, [], comments));
  }
  return pieces;
}

function pieceOf(startLine: number, endLine: number, instructions: readonly Instruction[], comments: readonly Range[]): Piece {
  return { startLine, endLine, instructions, comments: comments.filter((c) => c.start.line >= startLine && c.start.line < endLine) };
}

function lastLineOf(instructions: readonly Instruction[]): number {
  let last = 0;
  for (const instruction of instructions) {
    last = Math.max(last, instruction.getRange().end.line);
  }
  return last;
}

const compareBlock = 2048;

/** How many characters `a` and `b` share at their start. */
function commonPrefixLength(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix + compareBlock <= shorter && a.slice(prefix, prefix + compareBlock) === b.slice(prefix, prefix + compareBlock)) {
    prefix += compareBlock;
  }
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) {
    prefix++;
  }
  return prefix;
}

function reparse(text: string, index: TextIndex, previous: ParsedText): ParseResult | undefined {
  const old = previous.text;
  const shorter = Math.min(old.length, text.length);
  const prefix = commonPrefixLength(old, text);
  let suffix = 0;
  // Whole blocks first: comparing slices is a memory comparison, twenty times faster than a character loop over 400 KB.
  while (suffix + compareBlock <= shorter - prefix && old.slice(old.length - suffix - compareBlock, old.length - suffix) === text.slice(text.length - suffix - compareBlock, text.length - suffix)) {
    suffix += compareBlock;
  }
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) {
    suffix++;
  }
  const preambleEnd = previous.index.lineStart(previous.preambleLines);
  if (prefix < preambleEnd || previous.pieces.length === 0) {
    // The directives or the global ARGs changed: they shape every stage's parse.
    return undefined;
  }
  const lineDelta = index.lineCount - previous.index.lineCount;
  const oldChangeEnd = old.length - suffix;
  const pieceStart = (piece: Piece): number => previous.index.lineStart(piece.startLine);
  const pieceEnd = (piece: Piece): number => (piece.endLine >= previous.index.lineCount ? old.length : previous.index.lineStart(piece.endLine));
  let first = previous.pieces.findIndex((piece) => pieceEnd(piece) > prefix);
  if (first < 0) {
    first = previous.pieces.length - 1;
  }
  let last = first;
  if (lineDelta !== 0) {
    // Every later piece moved: their positions are parsed again.
    last = previous.pieces.length - 1;
  } else {
    while (last + 1 < previous.pieces.length && pieceStart(previous.pieces[last + 1]) < oldChangeEnd) {
      last++;
    }
  }
  const startLine = previous.pieces[first].startLine;
  const endLine = last === previous.pieces.length - 1 ? index.lineCount : previous.pieces[last].endLine + lineDelta;
  const chunkStart = index.lineStart(startLine);
  const chunkEnd = endLine >= index.lineCount ? text.length : index.lineStart(endLine);
  // The chunk keeps its lines: the lines before it are the preamble and then empty lines.
  const preambleText = text.slice(0, preambleEnd);
  const padded = preambleText + '\n'.repeat(startLine - previous.preambleLines) + text.slice(chunkStart, chunkEnd);
  const tree = DockerfileParser.parse(padded);
  const instructions = tree.getInstructions().filter((instruction) => instruction.getRange().start.line >= startLine);
  if (endLine < index.lineCount && !endsFresh(instructions, padded, tree.getEscapeCharacter())) {
    // The edit left the chunk's last instruction open (a trailing escape, a heredoc without its end): it reaches into the next stage.
    return undefined;
  }
  const comments = tree.getComments().map((comment) => comment.getRange()).filter((range) => range.start.line >= startLine);
  const pieces = [
    ...previous.pieces.slice(0, first),
    ...group(instructions, startLine, endLine, comments),
    ...previous.pieces.slice(last + 1),
  ];
  const parsed: ParsedText = { text, index, preambleLines: previous.preambleLines, preamble: previous.preamble, pieces, whole: undefined, linesParsed: endLine - startLine };
  return {
    parsed,
    tree: undefined,
    instructions: [...previous.preamble.instructions, ...pieces.flatMap((piece) => piece.instructions)],
    comments: [...previous.preamble.comments, ...pieces.flatMap((piece) => piece.comments)],
  };
}

/** True when the last instruction ends before the chunk does: no continuation or heredoc left open at its end. */
function endsFresh(instructions: readonly Instruction[], padded: string, escapeChar: string): boolean {
  const last = instructions[instructions.length - 1];
  if (!last) {
    return true;
  }
  const heredocs = (last as unknown as { getHeredocs?(): Heredoc[] }).getHeredocs?.() ?? [];
  if (heredocs.some((heredoc) => heredoc.getDelimiterRange() === null)) {
    return false;
  }
  // Lines after the instruction that are empty or comments would still be inside it after a trailing escape.
  let end = padded.length;
  while (end > 0) {
    const start = padded.lastIndexOf('\n', end - 1) + 1;
    const content = padded.slice(start, end).trim();
    if (content !== '' && !content.startsWith('#')) {
      return !content.endsWith(escapeChar);
    }
    end = start - 1;
  }
  return true;
}
