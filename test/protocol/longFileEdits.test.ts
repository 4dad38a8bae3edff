// A long Dockerfile edited over JSON-RPC gets, at every version, the diagnostics a fresh open of the same text gets:
// the parse in pieces, the kept stages, the stage-local rule cache and dockerfile-utils' parts all take part.
// Every other version is compared with a fresh server's diagnostics of the same text.
import { strict as assert } from 'assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { syntheticDockerfile } from '../bench/synthetic';
import { startServer, type TestServer } from './lspClient';

/** A deterministic generator, so that a failure names an edit that can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

interface Edit {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly text: string;
}

/** One edit of the kinds typing makes, somewhere in `lines`. */
function randomEdit(lines: readonly string[], random: () => number, step: number): Edit {
  // Most edits land in the last stages, where the file keeps the stages before them; some in the lines before the first FROM.
  const line = step % 7 === 6 ? 1 : Math.floor(lines.length * (0.5 + random() * 0.5)) - 1;
  const at = (character: number) => ({ line, character });
  const length = lines[line].length;
  switch (step % 6) {
    case 0:
      // A character typed inside the line.
      return { range: { start: at(Math.floor(length / 2)), end: at(Math.floor(length / 2)) }, text: 'x' };
    case 1:
      // Enter: every later line moves.
      return { range: { start: at(length), end: at(length) }, text: '\n' };
    case 2:
      // A whole line deleted.
      return { range: { start: at(0), end: { line: line + 1, character: 0 } }, text: '' };
    case 3:
      // A new stage in the middle of the file.
      return { range: { start: at(0), end: at(0) }, text: `FROM alpine:3.${step} AS inserted${step}\nRUN apt-get install curl | tee /log\n` };
    case 4:
      // A finding of dockerfile-utils (a port out of range) and one of ours (an undefined variable).
      return { range: { start: at(0), end: at(0) }, text: 'EXPOSE 99999\nWORKDIR $UNDEFINED_HERE\n' };
    default:
      // A trailing escape that runs into the next line.
      return { range: { start: at(length), end: at(length) }, text: ' \\' };
  }
}

function apply(lines: string[], edit: Edit): string[] {
  const text = lines.join('\n');
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  return (text.slice(0, offset(edit.range.start)) + edit.text + text.slice(offset(edit.range.end))).split('\n');
}

const key = (d: Diagnostic): string => JSON.stringify([d.range, d.code, d.message, d.severity, d.source]);

describe('a long Dockerfile edited over JSON-RPC', function () {
  this.timeout(180_000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ locale: 'en', settings: { maxFileSize: 16 * 1024 * 1024 } });
  });

  after(async () => {
    await server.stop();
  });

  it('gets at every version the diagnostics a fresh open of that text gets', async () => {
    // Four stages of 300 instructions: over 64 KB (parsed in pieces), over 300 instructions (validated in parts).
    let lines = syntheticDockerfile(1200, 4, 17).text.split('\n');
    assert.ok(lines.join('\n').length > 64 * 1024);
    const uri = 'file:///work/long/Dockerfile';
    server.open(uri, lines.join('\n'), 1);
    await server.diagnostics(uri, 1, 60_000);
    const random = generator(7);
    for (let version = 2; version <= 25; version++) {
      const edit = randomEdit(lines, random, version);
      lines = apply(lines, edit);
      const published = server.diagnostics(uri, version, 60_000);
      server.change(uri, version, [edit]);
      const edited = (await published).map(key).sort();
      if (version % 2 === 1 && version !== 25) {
        continue;
      }
      // A server of its own: a fresh open in the same process could meet what the edited document left in its caches.
      const fresh = await startServer({ locale: 'en', settings: { maxFileSize: 16 * 1024 * 1024 } });
      let expected: string[];
      try {
        const freshUri = 'file:///work/fresh/Dockerfile';
        const opened = fresh.diagnostics(freshUri, 1, 60_000);
        fresh.open(freshUri, lines.join('\n'), 1);
        expected = (await opened).map(key).sort();
      } finally {
        await fresh.stop();
      }
      assert.deepStrictEqual(edited, expected, `version ${version} after ${JSON.stringify(edit)}`);
      assert.ok(edited.length > 100, `${edited.length} diagnostics`);
    }
  });
});
