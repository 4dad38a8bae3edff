// Stage-local rules are checked again only on the stages an edit touched; what they report is what a full check reports.
import * as assert from 'assert';
import { setLanguage } from '../../../server/src/l10n/locale';
import { nodesKeptFor, parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { instructionsInStage } from '../../../server/src/model/stageInstructions';
import type { DockerfileModel } from '../../../server/src/model/types';
import { allRules } from '../../../server/src/rules/registry';
import type { Rule } from '../../../server/src/rules/rule';
import { PipeWithoutPipefail } from '../../../server/src/rules/shell/PipeWithoutPipefail';
import { validateModel } from '../../../server/src/service/validation';
import { onContainedFailure, type ContainedFailure } from '../../../server/src/util/contain';
import { syntheticDockerfile } from '../../bench/synthetic';
import { corpusFiles, readCorpus } from '../fixes/corpus';

/** PipeWithoutPipefail under another id, counting the stages it is asked to check. */
function spyRule(checked: (number | undefined)[]): Rule {
  return {
    ...PipeWithoutPipefail,
    id: 'SpyPipefail',
    checkStage: (context) => {
      checked.push(context.stage?.index);
      PipeWithoutPipefail.checkStage!(context);
    },
  };
}

const findingsOf = (model: DockerfileModel, rules: readonly Rule[]): unknown[] =>
  validateModel(model, { rules }).map((f) => [f.diagnostic.code, f.diagnostic.range, f.diagnostic.message, f.fixes().map((fix) => [fix.title, fix.edits])]);

/** A pipe without pipefail in every stage: each stage has findings with fixes. */
function pipedFile(): { text: string; lastStageLine: number } {
  const stages = Array.from({ length: 6 }, (_, i) => `FROM debian:12 AS s${i}\nRUN curl -fsSL https://example.com/${i} | tar -x\nRUN echo ${i}\n`);
  const text = stages.join('');
  return { text, lastStageLine: text.split('\n').length - 3 };
}

describe('stage-local rule findings kept per stage', () => {
  afterEach(() => setLanguage('en'));

  it('checks only the edited stage again (and the instructions before the first FROM) when the model kept the others', () => {
    const file = syntheticDockerfile(2000, 20, 8);
    const model = parseDockerfile(file.text);
    const checked: (number | undefined)[] = [];
    const rule = spyRule(checked);
    validateModel(model, { rules: [rule] });
    assert.strictEqual(checked.length, 21, 'the first validation checks the preamble and all 20 stages');
    checked.length = 0;
    const lines = file.text.split('\n');
    lines[file.editLine] = lines[file.editLine].replace(/libssl\S*/, 'libssl-edited');
    const edited = parseDockerfile(lines.join('\n'), model);
    const reused = validateModel(edited, { rules: [rule] }).map((f) => [f.diagnostic.range, f.diagnostic.message]);
    assert.ok(checked.length <= 3, `stages checked again: ${JSON.stringify(checked)}`);
    assert.ok(checked.includes(19), 'the edited (last) stage is checked again');
    const full = validateModel(parseDockerfile(lines.join('\n')), { rules: [{ ...rule, id: 'Uncached', checkStage: undefined }] });
    assert.deepStrictEqual(reused, full.map((f) => [f.diagnostic.range, f.diagnostic.message]));
    assert.ok(reused.length > 100, `${reused.length} findings`);
  });

  it('computes the fixes of a kept finding on the current model, equal to those of a full check', () => {
    const { text, lastStageLine } = pipedFile();
    const model = parseDockerfile(text, undefined, 0);
    findingsOf(model, [PipeWithoutPipefail]);
    const lines = text.split('\n');
    lines[lastStageLine] += ' | cat';
    const edited = parseDockerfile(lines.join('\n'), model, 0);
    assert.ok((nodesKeptFor(edited) ?? 0) > 0, 'the model kept the stages before the edit');
    const kept = findingsOf(edited, [PipeWithoutPipefail]);
    const reference = findingsOf(parseDockerfile(lines.join('\n')), [{ ...PipeWithoutPipefail, checkStage: undefined }]);
    assert.deepStrictEqual(kept, reference);
    // Every stage has a finding and each has fixes.
    assert.strictEqual(kept.length, 6);
    assert.ok(kept.every((k) => (k as unknown[])[3] instanceof Array && ((k as unknown[])[3] as unknown[]).length > 0));
  });

  it('does not reuse findings written in another language', () => {
    const { text } = pipedFile();
    const model = parseDockerfile(text, undefined, 0);
    const english = validateModel(model, { rules: [PipeWithoutPipefail] }).map((f) => String(f.diagnostic.message));
    setLanguage('es');
    const spanish = validateModel(model, { rules: [PipeWithoutPipefail] }).map((f) => String(f.diagnostic.message));
    assert.strictEqual(spanish.length, english.length);
    assert.notDeepStrictEqual(spanish, english);
    assert.match(spanish[0], /pipefail/);
    assert.ok(!spanish.includes(english[0]));
  });

  it('keeps the findings of the other stages, and those reported before the exception, when a rule throws on one stage', () => {
    const { text } = pipedFile();
    const model = parseDockerfile(text, undefined, 0);
    const failures: ContainedFailure[] = [];
    const throwsOnStage2: Rule = {
      ...PipeWithoutPipefail,
      id: 'ThrowsOnStage2',
      checkStage: (context) => {
        PipeWithoutPipefail.checkStage!(context);
        if (context.stage?.index === 2) {
          throw new Error('boom on stage 2');
        }
      },
    };
    onContainedFailure((failure) => failures.push(failure));
    try {
      const lines = validateModel(model, { rules: [throwsOnStage2] }).map((f) => f.diagnostic.range.start.line);
      // One finding per stage, stage 2's reported before the exception.
      assert.deepStrictEqual(lines, [1, 4, 7, 10, 13, 16]);
    } finally {
      onContainedFailure(undefined);
    }
    assert.strictEqual(failures.length, 1);
    assert.match(failures[0].what, /ThrowsOnStage2 on stage 2/);
  });

  it('splits the instructions into the lines before the first FROM and the stages, in file order, with nothing left out', () => {
    const texts = [...corpusFiles().map(readCorpus), 'ARG A=1\n# c\nARG B\nFROM alpine\nRUN x\nFROM scratch AS s\nCOPY a b\n', 'RUN early\nFROM a\n', 'ARG ONLY=1\n'];
    for (const text of texts) {
      const model = parseDockerfile(text);
      const parts = [undefined, ...model.stages].flatMap((stage) => instructionsInStage(model, stage));
      assert.strictEqual(parts.length, model.instructions.length);
      assert.ok(parts.every((instruction, i) => instruction === model.instructions[i]));
    }
  });

  it('is used by the registry for the rules that declare it, and each of those reports per stage exactly what its check reports', () => {
    const stageRules = allRules.filter((rule) => rule.checkStage);
    assert.ok(stageRules.length >= 20, `${stageRules.length} stage-local rules`);
    for (const text of [syntheticDockerfile(600, 6, 2).text, ...corpusFiles().map(readCorpus)]) {
      const model = parseDockerfile(text);
      for (const rule of stageRules) {
        const viaCheck: unknown[] = [];
        rule.check({ model, buildContext: {}, report: (r) => viaCheck.push([r.range, r.message]) });
        const viaStages: unknown[] = [];
        for (const stage of [undefined, ...model.stages]) {
          rule.checkStage!({ model, buildContext: {}, stage, report: (r) => viaStages.push([r.range, r.message]) });
        }
        assert.deepStrictEqual(viaStages, viaCheck, rule.id);
      }
    }
  });
});
