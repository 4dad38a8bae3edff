// The server's chunked document answers every TextDocument method as vscode-languageserver-textdocument's does, edit after edit.
import * as assert from 'assert';
import { TextDocument, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChunkedTextDocument } from '../../../server/src/documents/chunkedTextDocument';
import { seededRandom } from '../helpers/random';

/** Text made mostly of line breaks of the three kinds, so that cuts and edits keep meeting them. */
function randomText(random: () => number, maxLength: number): string {
  const pieces = ['a', 'RUN x', '\n', '\r', '\r\n', ' ', 'é', '😀', '\\\n'];
  let text = '';
  const length = Math.floor(random() * maxLength);
  while (text.length < length) {
    text += pieces[Math.floor(random() * pieces.length)];
  }
  return text;
}

/** Positions inside, at and beyond the ends of the document, as clients and bugs send them. */
function randomPosition(random: () => number, lineCount: number): Position {
  return { line: Math.floor(random() * (lineCount + 3)) - 1, character: Math.floor(random() * 14) - 2 };
}

function randomChange(random: () => number, lineCount: number): TextDocumentContentChangeEvent {
  if (random() < 0.03) {
    return { text: randomText(random, 40) };
  }
  const range: Range = { start: randomPosition(random, lineCount), end: randomPosition(random, lineCount) };
  return { range, text: random() < 0.3 ? '' : randomText(random, 8) };
}

/** Every answer of `ours` against the package's document holding the same text. */
function assertSame(ours: ChunkedTextDocument, theirs: TextDocument, context: string): void {
  const text = theirs.getText();
  assert.strictEqual(ours.getText(), text, `${context}: text`);
  assert.strictEqual(ours.lineCount, theirs.lineCount, `${context}: lineCount`);
  assert.strictEqual(ours.version, theirs.version, `${context}: version`);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepStrictEqual(ours.positionAt(offset), theirs.positionAt(offset), `${context}: positionAt(${offset})`);
  }
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    for (let character = -1; character <= 12; character++) {
      assert.strictEqual(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }), `${context}: offsetAt(${line}:${character})`);
    }
    assert.deepStrictEqual(ours.getLineRange(line), theirs.getLineRange(line), `${context}: getLineRange(${line})`);
    assert.strictEqual(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${context}: getEOLCharacters(${line})`);
  }
  const range = { start: { line: 0, character: 2 }, end: { line: 2, character: 1 } };
  assert.strictEqual(ours.getText(range), theirs.getText(range), `${context}: getText(range)`);
}

describe('ChunkedTextDocument', () => {
  it('answers as the package does after each of 300 random edits, for 40 seeds and chunks of 1 to 16 characters', function () {
    this.timeout(60_000);
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const initial = randomText(random, 60);
      const chunkLength = 1 + (seed % 16);
      const ours = new ChunkedTextDocument('file:///Dockerfile', 'dockerfile', 1, initial, chunkLength);
      let theirs = TextDocument.create('file:///Dockerfile', 'dockerfile', 1, initial);
      assertSame(ours, theirs, `seed ${seed}, open`);
      for (let edit = 1; edit <= 300; edit++) {
        // Sometimes two changes in one notification, as VS Code sends for multi-cursor edits.
        const changes = [randomChange(random, theirs.lineCount)];
        if (random() < 0.2) {
          changes.push(randomChange(random, theirs.lineCount));
        }
        for (const change of changes) {
          TextDocument.update(theirs, [change], edit + 1);
          // The package's line table goes wrong after a range past the last line (3 lines counted
          // for a 2-line text), so each change starts from a document made afresh from its text.
          theirs = TextDocument.create('file:///Dockerfile', 'dockerfile', edit + 1, theirs.getText());
        }
        ours.update(changes, edit + 1);
        assertSame(ours, theirs, `seed ${seed}, edit ${edit} (${JSON.stringify(changes)})`);
      }
    }
  });

  it('joins a CR and an LF that an edit brings together across chunks into one line break', () => {
    const ours = new ChunkedTextDocument('file:///Dockerfile', 'dockerfile', 1, 'ab\rXcd', 3);
    const theirs = TextDocument.create('file:///Dockerfile', 'dockerfile', 1, 'ab\rXcd');
    const change = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '\n' };
    ours.update([change], 2);
    TextDocument.update(theirs, [change], 2);
    assert.strictEqual(ours.getText(), 'ab\r\ncd');
    assert.strictEqual(ours.lineCount, 2);
    assertSame(ours, theirs, 'CR LF joined');
  });

  it('refuses a malformed change as the package does, leaving the text as it was', () => {
    const malformed = [
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } } },
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: 5 },
      { text: 'X', rangeLength: 3 },
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, rangeLength: 'one', text: 'X' },
    ] as unknown as TextDocumentContentChangeEvent[];
    for (const change of malformed) {
      const ours = new ChunkedTextDocument('file:///Dockerfile', 'dockerfile', 1, 'abc\ndef', 2);
      const theirs = TextDocument.create('file:///Dockerfile', 'dockerfile', 1, 'abc\ndef');
      assert.throws(() => TextDocument.update(theirs, [change], 2), /Unknown change event/);
      assert.throws(() => ours.update([change], 2), /Unknown change event/, JSON.stringify(change));
      assert.strictEqual(ours.getText(), 'abc\ndef');
    }
  });

  it('keeps an emptied document usable', () => {
    const ours = new ChunkedTextDocument('file:///Dockerfile', 'dockerfile', 1, 'FROM a\nRUN b\n', 4);
    ours.update([{ range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, text: '' }], 2);
    assert.strictEqual(ours.getText(), '');
    assert.strictEqual(ours.lineCount, 1);
    assert.deepStrictEqual(ours.positionAt(5), { line: 0, character: 0 });
    ours.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'FROM c' }], 3);
    assert.strictEqual(ours.getText(), 'FROM c');
  });

  it('copies about one chunk per edit of a long text, not the whole text', () => {
    const line = 'RUN apt-get install -y curl\n';
    const text = line.repeat(40_000);
    const ours = new ChunkedTextDocument('file:///Dockerfile', 'dockerfile', 1, text, 1024);
    const edited = { range: { start: { line: 20_000, character: 4 }, end: { line: 20_000, character: 11 } }, text: 'apk' };
    const chunksOf = (document: ChunkedTextDocument): object[] => (document as unknown as { chunks: object[] }).chunks;
    const before = new Set(chunksOf(ours));
    ours.update([edited], 2);
    const rewritten = chunksOf(ours).filter((chunk) => !before.has(chunk));
    assert.ok(rewritten.length >= 1 && rewritten.length <= 2, `${rewritten.length} of ${before.size} chunks rewritten`);
    assert.strictEqual(ours.getText(), text.slice(0, 20_000 * line.length + 4) + 'apk' + text.slice(20_000 * line.length + 11));
  });
});
