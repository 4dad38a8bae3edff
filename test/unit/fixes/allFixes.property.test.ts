// Every fix of every rule, on the rule docs' examples, the anchors' conformance cases and the corpus: it parses, removes its finding, adds no error, and fix-all is idempotent.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Rule } from '../../../server/src/rules/rule';
import { corpusFiles, readCorpus } from './corpus';
import { check, report, type Input } from './fixProperties';

const root = path.join(__dirname, '../../..');
const conformanceDir = path.join(root, '../shared/conformance');

/** The fenced Dockerfile blocks of each English rule page: the bad and the good example. */
function docExamples(): Input[] {
  const dir = path.join(root, 'docs/rules/en');
  const inputs: Input[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const blocks = fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^```(?:dockerfile|Dockerfile|docker)?[ \t]*\r?\n([\s\S]*?)^```/gm);
    let n = 0;
    for (const block of blocks) {
      inputs.push({ name: `docs/rules/en/${file} block ${++n}`, text: block[1] });
    }
  }
  return inputs;
}

function conformanceCases(file: string): Input[] {
  const full = path.join(conformanceDir, file);
  if (!fs.existsSync(full)) {
    return [];
  }
  return fs
    .readFileSync(full, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { source: string; test: string; dockerfile: string })
    .map((c) => ({ name: `${file}: ${c.test} (${c.source.replace(/^.*:/, '')})`, text: c.dockerfile }));
}

function run(label: string, inputs: readonly Input[]): void {
  const result = check(inputs);
  report(label, result);
  assert.ok(result.tried > 0, `${label}: no fix was tried`);
  assert.equal(result.failures.length, 0, `${label}: ${result.failures.length} of ${result.tried} fixes failed (listed above)`);
}

describe('every fix (properties)', function () {
  this.timeout(600000);

  it('catches a fix that breaks the syntax, one that leaves its finding, and a fix-all that is not stable', () => {
    // A stand-in rule whose fixes are wrong on purpose: the checks above must see each mistake.
    const flawed: Rule = {
      id: 'FlawedFixes',
      aliases: [],
      origin: 'best-practice',
      defaultSeverity: 'warning',
      description: () => 'flawed',
      check({ model, report: reportFinding }) {
        for (const instruction of model.instructions.filter((i) => i.keyword === 'EXPOSE')) {
          reportFinding({
            range: instruction.range,
            message: 'expose',
            fixes: () => [
              { title: 'drop the port', edits: [{ range: instruction.argsRange!, newText: '' }] },
              { title: 'change nothing', edits: [{ range: instruction.keywordRange, newText: instruction.keywordText }] },
              { title: 'add another', edits: [{ range: { start: instruction.range.end, end: instruction.range.end }, newText: '\nEXPOSE 81' }], isPreferred: true },
            ],
          });
        }
      },
    };
    const result = check([{ name: 'flawed', text: 'FROM alpine:3.20\nEXPOSE 80\n' }], [flawed]);
    assert.deepEqual(result.failures.map((f) => [f.fix, f.problem.replace(/:.*/, '')]), [
      ['drop the port', 'new syntax error'],
      ['change nothing', 'the finding is still there (lines 2-2'],
      ['add another', 'the finding is still there (lines 2-3'],
      ['fix all, applied a second time', 'the second fix-all changed the file (input'],
    ]);
  });

  it('holds on the examples of every rule page', () => {
    run('rule docs', docExamples());
  });

  it('holds on the BuildKit docs examples and the hadolint specs', function () {
    const cases = [...conformanceCases('buildkit-docs-examples.jsonl'), ...conformanceCases('hadolint-spec.jsonl')];
    if (cases.length === 0) {
      console.log('    (skipped: ../shared/conformance is absent)');
      this.skip();
    }
    run('conformance cases', cases);
  });

  it('holds on every corpus file', function () {
    const files = corpusFiles();
    if (files.length === 0) {
      console.log('    (skipped: ../shared/corpus/dockerfiles is absent)');
      this.skip();
    }
    const inputs = files.map((file) => ({ name: `corpus ${file}`, text: readCorpus(file) }));
    // Files that already run build stages on $BUILDPLATFORM, without it: where "Use $BUILDPLATFORM" has work to do.
    const withoutBuildPlatform = inputs
      .filter((input) => /^FROM\s+--platform=\$BUILDPLATFORM\s/im.test(input.text))
      .map((input) => ({ name: `${input.name} without --platform=$BUILDPLATFORM`, text: input.text.replace(/^(FROM\s+)--platform=\$BUILDPLATFORM\s+/gim, '$1') }));
    run(`corpus (${files.length} files, ${withoutBuildPlatform.length} of them also without --platform=$BUILDPLATFORM)`, [...inputs, ...withoutBuildPlatform]);
  });
});
