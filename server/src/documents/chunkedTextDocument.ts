// The server's copy of an open document: the text in chunks, so that an edit copies one chunk, not the whole text.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { pushLineStarts } from '../model/textIndex';

/**
 * vscode-languageserver-textdocument keeps the text as one string and applies an edit with
 * `substring + text + substring`. The next edit's `substring` flattens that concatenation,
 * so every keystroke copies the whole text: on a 1.86 MB Dockerfile, 1,000 edits allocated
 * 1.86 GB of large objects, and with nothing else running the process swung between 55 and
 * 105 MB of RSS. Here an edit rewrites only the chunks it touches, and the whole text is
 * joined once per version, when it is read (for an analysis, after the typing pauses).
 *
 * Positions follow the package's rules exactly: `\n`, `\r` and `\r\n` each end a line, and
 * an offset or a position inside a line break is moved before it. The property test in
 * test/unit/documents/chunkedTextDocument.test.ts compares every method with the package's
 * document over random edits.
 */

/** Characters per chunk: a keystroke copies about this much. */
const defaultChunkLength = 16 * 1024;

interface Chunk {
  readonly text: string;
  /** Offsets in `text` just after each line break in it (where the next line starts). */
  readonly lineStarts: readonly number[];
}

const CR = 13;
const LF = 10;

const emptyChunk: Chunk = { text: '', lineStarts: [] };

/** Cuts `text` into chunks of about `chunkLength`, never between the `\r` and `\n` of one line break; none for an empty text. */
function chunksOf(text: string, chunkLength: number): Chunk[] {
  const count = Math.max(1, Math.ceil(text.length / chunkLength));
  const size = Math.ceil(text.length / count);
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    if (end < text.length && text.charCodeAt(end - 1) === CR && text.charCodeAt(end) === LF) {
      end++;
    }
    const piece = text.slice(start, end);
    chunks.push({ text: piece, lineStarts: pushLineStarts(piece, []) });
    start = end;
  }
  return chunks;
}

/** How many of the ascending `values` are at most `target`. */
function countAtMost(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] > target) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return low;
}

/** Index of the last of the ascending `values` that is at most `target` (0 when none is). */
const lastAtMost = (values: readonly number[], target: number): number => Math.max(0, countAtMost(values, target) - 1);

// A change is told apart as the package tells it, so that a malformed one fails as it does there.
type Change = Partial<{ range: Range; rangeLength: unknown; text: unknown }>;
const isIncremental = (change: Change): change is { range: Range; text: string } =>
  change !== null && typeof change === 'object' && typeof change.text === 'string' && change.range !== undefined && (change.rangeLength === undefined || typeof change.rangeLength === 'number');
const isFull = (change: Change): change is { text: string } =>
  change !== null && typeof change === 'object' && typeof change.text === 'string' && change.range === undefined && change.rangeLength === undefined;

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export class ChunkedTextDocument implements TextDocument {
  private chunks: Chunk[];
  /** Derived from `chunks`, rebuilt on the first read after an edit. */
  private index: { readonly chunkStarts: number[]; readonly linesBefore: number[]; readonly length: number; readonly lineCount: number } | undefined;
  private text: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
    private readonly chunkLength = defaultChunkLength,
  ) {
    this.chunks = chunksOf(content, chunkLength);
    if (this.chunks.length === 0) {
      this.chunks.push(emptyChunk);
    }
    this.text = content;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lookup().lineCount;
  }

  getText(range?: Range): string {
    if (this.text === undefined) {
      const text = this.chunks.length === 1 ? this.chunks[0].text : this.chunks.map((c) => c.text).join('');
      // The chunks become slices of the joined text, so that the texts they were cut from
      // (the opened one, earlier rewrites) can be collected: one copy of the text is kept.
      let start = 0;
      this.chunks = this.chunks.map((chunk) => {
        const end = start + chunk.text.length;
        const slice = { text: text.slice(start, end), lineStarts: chunk.lineStarts };
        start = end;
        return slice;
      });
      this.text = text;
    }
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    const { chunkStarts, linesBefore, length } = this.lookup();
    offset = Math.max(Math.min(offset, length), 0);
    const c = lastAtMost(chunkStarts, offset);
    const within = offset - chunkStarts[c];
    const line = linesBefore[c] + countAtMost(this.chunks[c].lineStarts, within);
    const lineStart = this.lineStart(line);
    return { line, character: this.beforeLineBreak(offset, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    const { length, lineCount } = this.lookup();
    if (position.line >= lineCount) {
      return length;
    }
    if (position.line < 0) {
      return 0;
    }
    const lineStart = this.lineStart(position.line);
    if (position.character <= 0) {
      return lineStart;
    }
    const next = position.line + 1 < lineCount ? this.lineStart(position.line + 1) : length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    const { length, lineCount } = this.lookup();
    if (line >= lineCount) {
      const last = lineCount - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: length - this.lineStart(last) } };
    }
    if (line < 0) {
      return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    }
    const start = this.lineStart(line);
    const next = line + 1 < lineCount ? this.lineStart(line + 1) : length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const { length, lineCount } = this.lookup();
    if (line < 0 || line >= lineCount) {
      return '';
    }
    const start = this.lineStart(line);
    const next = line + 1 < lineCount ? this.lineStart(line + 1) : length;
    const end = this.beforeLineBreak(next, start);
    let eol = '';
    for (let offset = end; offset < next; offset++) {
      eol += String.fromCharCode(this.charCodeAt(offset));
    }
    return eol;
  }

  /** Applies LSP content changes in order, as `TextDocument.update` does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (isIncremental(change)) {
        const range = wellFormed(change.range);
        this.replace(this.offsetAt(range.start), this.offsetAt(range.end), change.text);
      } else if (isFull(change)) {
        this.chunks = chunksOf(change.text, this.chunkLength);
        if (this.chunks.length === 0) {
          this.chunks.push(emptyChunk);
        }
        this.index = undefined;
        this.text = change.text;
      } else {
        throw new Error('Unknown change event received');
      }
    }
    this.currentVersion = version;
  }

  /**
   * Rewrites the chunks from the one holding the character before `start` to the one holding
   * the character at `end`: the characters on both sides of the rewritten run are then kept
   * ones, so no cut falls inside a `\r\n` that the edit made.
   */
  private replace(start: number, end: number, inserted: string): void {
    const { chunkStarts, length } = this.lookup();
    const first = lastAtMost(chunkStarts, Math.max(start - 1, 0));
    const last = lastAtMost(chunkStarts, Math.min(end, Math.max(length - 1, 0)));
    const merged = this.chunks[first].text.slice(0, start - chunkStarts[first]) + inserted + this.chunks[last].text.slice(end - chunkStarts[last]);
    this.chunks.splice(first, last - first + 1, ...chunksOf(merged, this.chunkLength));
    if (this.chunks.length === 0) {
      this.chunks.push(emptyChunk);
    }
    this.index = undefined;
    this.text = undefined;
  }

  private lookup(): NonNullable<ChunkedTextDocument['index']> {
    if (this.index === undefined) {
      const chunkStarts: number[] = [];
      const linesBefore: number[] = [];
      let length = 0;
      let lines = 0;
      for (const chunk of this.chunks) {
        chunkStarts.push(length);
        linesBefore.push(lines);
        length += chunk.text.length;
        lines += chunk.lineStarts.length;
      }
      this.index = { chunkStarts, linesBefore, length, lineCount: lines + 1 };
    }
    return this.index;
  }

  /** Offset where `line` starts (0 < line < lineCount, or 0). */
  private lineStart(line: number): number {
    if (line <= 0) {
      return 0;
    }
    const { chunkStarts, linesBefore } = this.lookup();
    // The chunk holding the line break that ends line `line - 1`.
    const c = lastAtMost(linesBefore, line - 1);
    return chunkStarts[c] + this.chunks[c].lineStarts[line - 1 - linesBefore[c]];
  }

  private charCodeAt(offset: number): number {
    const { chunkStarts } = this.lookup();
    const c = lastAtMost(chunkStarts, offset);
    return this.chunks[c].text.charCodeAt(offset - chunkStarts[c]);
  }

  /** Moves `offset` back out of the line break that ends the line starting at `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const code = this.charCodeAt(offset - 1);
      if (code !== CR && code !== LF) {
        break;
      }
      offset--;
    }
    return offset;
  }
}

/** What `TextDocuments` needs to keep its documents as ChunkedTextDocuments. */
export const chunkedTextDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): ChunkedTextDocument => new ChunkedTextDocument(uri, languageId, version, content),
  update: (document: ChunkedTextDocument, changes: TextDocumentContentChangeEvent[], version: number): ChunkedTextDocument => {
    document.update(changes, version);
    return document;
  },
};
