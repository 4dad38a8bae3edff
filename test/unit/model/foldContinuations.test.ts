// Folded continuation lines keep, for every character, where it stands in the document.
import * as assert from 'assert';
import { foldContinuations } from '../../../server/src/model/parseDockerfile';
import { concatMapped, documentOffsetOf, identityMapped } from '../../../server/src/model/shell';

/** Every character of the folded text must be the document's character at its mapped offset. */
function assertMapsBack(document: string, folded: ReturnType<typeof foldContinuations>): void {
  for (let i = 0; i < folded.text.length; i++) {
    assert.strictEqual(document[documentOffsetOf(folded, i)], folded.text[i], `character ${i} of ${JSON.stringify(folded.text)}`);
  }
}

describe('foldContinuations', () => {
  it('joins continued lines, drops comment and empty lines after a continuation, and maps each character back', () => {
    const document = 'RUN apt-get update \\\n  # a comment\n\n  && apt-get install -y \\\r\n  curl\n';
    const start = 4;
    const folded = foldContinuations(document, start, document.length - 1, '\\');
    assert.strictEqual(folded.text, 'apt-get update   && apt-get install -y   curl');
    assertMapsBack(document, folded);
    assert.strictEqual(documentOffsetOf(folded, folded.text.length), document.length - 1, 'one past the last character');
  });

  it('keeps escaped characters that do not end a line, with the backtick escape too', () => {
    const document = 'RUN echo a\\ b `\n  c` d';
    const backslash = foldContinuations(document, 4, document.length, '\\');
    assert.strictEqual(backslash.text, 'echo a\\ b `\n  c` d');
    const backtick = foldContinuations(document, 4, document.length, '`');
    assert.strictEqual(backtick.text, 'echo a\\ b   c` d');
    assertMapsBack(document, backtick);
  });

  it('maps a script made of two pieces', () => {
    const document = 'RUN python3 \\\n  <<EOF\nprint(1)\nEOF\n';
    const command = foldContinuations(document, 4, 20, '\\');
    const joined = concatMapped(command, identityMapped(document, 20, document.length));
    assert.strictEqual(joined.text, command.text + document.slice(20));
    assertMapsBack(document, joined);
  });
});
