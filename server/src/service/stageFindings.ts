// Keeps the reports of stage-local rules (those with `checkStage`) for the stages an edit left untouched.
import { currentLanguage } from '../l10n/locale';
import { mayHandOnStages } from '../model/parseDockerfile';
import type { DockerfileModel, Stage } from '../model/types';
import type { BuildContext, FindingReport, Rule, RuleFix } from '../rules/rule';
import { contain } from '../util/contain';

/** A report as kept: without its fixes, which hold on to the model they were found in. */
interface KeptReport {
  readonly report: FindingReport;
  readonly hadFixes: boolean;
}

/**
 * On a long file the model built after an edit shares the Stage objects of the stages before
 * the edit with the model before it (model/parseDockerfile.ts, ModelBuilder.resume): the same
 * object means the same text at the same place, with the same stages and global ARGs before
 * it. A rule with `checkStage` depends on nothing else, so its reports for such a stage can be
 * reused as they are; on a 5,000-instruction file an edit then runs these rules over one
 * stage instead of ten. Entries live as long as their stage object (a WeakMap).
 */
export class StageFindingsCache {
  private readonly byStage = new WeakMap<Stage, Map<string, readonly KeptReport[]>>();

  /** What `rule.check` would report on `model`, reusing the reports of the stages seen before. */
  reports(rule: Rule, model: DockerfileModel, buildContext: BuildContext): FindingReport[] {
    if (!rule.checkStage) {
      throw new Error(`${rule.id} does not check stage by stage`);
    }
    const all: FindingReport[] = [];
    // Each stage is contained on its own: a rule that throws on one stage keeps what it
    // reported there before the exception, and its findings on every other stage.
    const run = (stage: Stage | undefined): FindingReport[] => {
      const reports: FindingReport[] = [];
      contain(() => `rule ${rule.id} on ${stage ? `stage ${stage.index}` : 'the instructions before the first FROM'}`, () => rule.checkStage!({ model, buildContext, stage, report: (report) => reports.push(report) }), undefined);
      return reports;
    };
    all.push(...run(undefined));
    if (!mayHandOnStages(model)) {
      // A short text's stages are new at every version, so keeping their reports would only cost.
      for (const stage of model.stages) {
        all.push(...run(stage));
      }
      return all;
    }
    // Messages are written in the language of the moment.
    const key = `${rule.id}\n${currentLanguage()}`;
    for (const stage of model.stages) {
      let perRule = this.byStage.get(stage);
      if (!perRule) {
        perRule = new Map();
        this.byStage.set(stage, perRule);
      }
      const kept = perRule.get(key);
      if (!kept) {
        const reports = run(stage);
        all.push(...reports);
        // Without their fixes: the cache must not keep old versions of the text alive.
        perRule.set(key, reports.map((report) => ({ report: { ...report, fixes: undefined }, hadFixes: report.fixes !== undefined })));
        continue;
      }
      // The fixes of a kept report are computed on the model of the moment, by checking the stage again when they are asked for.
      let again: FindingReport[] | undefined;
      kept.forEach(({ report, hadFixes }, i) => {
        all.push(hadFixes ? { ...report, fixes: (): readonly RuleFix[] => (again ??= run(stage))[i]?.fixes?.() ?? [] } : report);
      });
    }
    return all;
  }
}
