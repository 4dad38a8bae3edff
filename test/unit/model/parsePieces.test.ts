// Parsing a long file again only around each edit, and keeping the nodes before it, gives the model a fresh parse of the whole text gives.
import * as assert from 'assert';
import { linesParsedFor, nodesKeptFor, parseDockerfile } from '../../../server/src/model/parseDockerfile';
import type { DockerfileModel } from '../../../server/src/model/types';
import { allRules } from '../../../server/src/rules/registry';
import { validateModel } from '../../../server/src/service/validation';
import { syntheticDockerfile } from '../../bench/synthetic';
import { corpusFiles, readCorpus } from '../fixes/corpus';
import { seededRandom } from '../helpers/random';

/** Edits a person makes, and the ones that change how the following lines parse. */
function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  const inserts = ['x', ' ', '\n', '"', '$', '\\', '`'];
  switch (Math.floor(random() * 9)) {
    case 0:
    case 1:
      return text.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1);
    case 3:
      // A trailing escape joins the next line, maybe the next stage's FROM.
      return text.slice(0, lineEnd) + ' \\' + text.slice(lineEnd);
    case 4:
      // A heredoc that is never closed swallows the rest of the file.
      return text.slice(0, lineStart) + 'RUN <<EOF\necho open\n' + text.slice(lineStart);
    case 5:
      return text.slice(0, lineStart) + 'FROM alpine:3.20 AS inserted\n' + text.slice(lineStart);
    case 6:
      // Deletes a whole line (a FROM among them, sometimes).
      return text.slice(0, lineStart) + text.slice(Math.min(text.length, lineEnd + 1));
    case 7:
      return text.slice(0, lineStart) + 'ARG EDITED=1\n' + text.slice(lineStart);
    default:
      return text.slice(0, at) + 'EOF\n' + text.slice(at);
  }
}

/** The registry's rules as checked without the per-stage cache of validation (service/stageFindings.ts), for the reference. */
const uncachedRules = allRules.map((rule) => ({ ...rule, checkStage: undefined }));

function shape(model: DockerfileModel, reference = false): unknown {
  return {
    instructions: model.instructions.map((i) => [i.keyword, i.range, i.args.map((a) => a.value), i.flags.map((f) => [f.name, f.value]), i.heredocs.map((h) => h.name)]),
    comments: model.comments.map((c) => c.range),
    stages: model.stages.map((s) => [s.name, s.baseText, s.instructions.length]),
    // Fixes too: a stage's findings kept from an earlier version compute their fixes on this one (service/stageFindings.ts).
    findings: validateModel(model, reference ? { rules: uncachedRules } : {}).map((f) => [f.diagnostic.code, f.diagnostic.range, f.diagnostic.message, f.fixes().map((fix) => [fix.title, fix.edits])]),
  };
}

describe('parsing in pieces', function () {
  this.timeout(300_000);

  it('after random edits of every corpus file and a synthetic one, equals a fresh parse, and reuses pieces', () => {
    const texts = [...corpusFiles().map((name) => ({ name, text: readCorpus(name) })), { name: 'synthetic', text: syntheticDockerfile(300, 12, 9).text },
      // Stages longer than a piece (64 instructions): pieces that start inside a stage.
      { name: 'synthetic, long stages', text: syntheticDockerfile(400, 2, 13).text }];
    let edits = 0;
    let reused = 0;
    let kept = 0;
    for (const [n, { name, text }] of texts.entries()) {
      const random = seededRandom(n + 1);
      let current = text;
      let model = parseDockerfile(current, undefined, 0);
      for (let k = 0; k < (name.startsWith('synthetic') ? 40 : 6); k++) {
        current = randomEdit(current, random);
        const incremental = parseDockerfile(current, model, 0);
        const fresh = parseDockerfile(current);
        assert.deepStrictEqual(shape(incremental), shape(fresh, true), `${name}, seed ${n + 1}, edit ${k + 1}`);
        edits++;
        if ((linesParsedFor(incremental) ?? Infinity) < incremental.index.lineCount) {
          reused++;
        }
        if ((nodesKeptFor(incremental) ?? 0) > 0) {
          kept++;
        }
        model = incremental;
      }
    }
    assert.ok(reused > edits / 4, `pieces were reused in ${reused} of ${edits} edits`);
    assert.ok(kept > edits / 10, `instruction nodes were kept in ${kept} of ${edits} edits`);
  });

  it('parses only the edited stage, and keeps the nodes of the stages before it, when a character is typed in a long file', () => {
    const file = syntheticDockerfile(2000, 20, 3);
    const model = parseDockerfile(file.text);
    const lines = file.text.split('\n');
    lines[file.editLine] += 'x';
    const edited = parseDockerfile(lines.join('\n'), model);
    const parsed = linesParsedFor(edited)!;
    assert.ok(parsed < edited.index.lineCount / 10, `${parsed} of ${edited.index.lineCount} lines parsed`);
    // The edit is in the last of 20 stages; the 19 before it keep their nodes.
    assert.ok(nodesKeptFor(edited)! >= edited.instructions.length * 0.94, `${nodesKeptFor(edited)} of ${edited.instructions.length} nodes kept`);
    assert.deepStrictEqual(shape(edited), shape(parseDockerfile(lines.join('\n')), true));
  });
});
