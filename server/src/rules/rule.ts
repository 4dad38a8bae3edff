// What a rule is: identity, default severity, docs and a check over the DockerfileModel.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Stage } from '../model/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Where a rule's idea comes from; BuildKit rules keep BuildKit's names and meaning. */
export type RuleOrigin = 'buildkit' | 'guide' | 'best-practice';

export interface RuleFix {
  /** Shown as the code action's title; localized. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The safest fix of a finding; applied by "fix all". */
  readonly isPreferred?: boolean;
}

export interface RelatedLocation {
  readonly range: Range;
  readonly message: string;
}

export interface FindingReport {
  readonly range: Range;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  /** Computed only when fixes are asked for. */
  readonly fixes?: () => readonly RuleFix[];
  readonly unnecessary?: boolean;
  readonly deprecated?: boolean;
}

/** Facts outside the Dockerfile text that some rules need (the build context's `.dockerignore`). */
export interface BuildContext {
  /** Lines of `.dockerignore` (or `<Dockerfile>.dockerignore`) of the build context, if any. */
  readonly dockerignore?: string;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  readonly buildContext: BuildContext;
  report(finding: FindingReport): void;
}

export interface Rule {
  /** BuildKit's name for BuildKit checks; a PascalCase name for ours. */
  readonly id: string;
  /** The same check elsewhere: hadolint `DLxxxx`, Trivy `DS-xxxx`. */
  readonly aliases: readonly string[];
  readonly origin: RuleOrigin;
  readonly defaultSeverity: Severity;
  /** BuildKit's experimental checks run only when `# check=experimental=` names them. */
  readonly experimental?: boolean;
  /** One line saying what the rule checks, in the current language. */
  description(): string;
  check(context: RuleContext): void;
  /**
   * Set by rules whose findings in a stage depend only on that stage, the stages before it,
   * the global ARGs and the directives, never on a later stage nor on the build context.
   * Validation then keeps a stage's findings while an edit leaves the stage as it was (on long
   * files the model keeps the stages before an edit; see service/stageFindings.ts). `check`
   * must report exactly what this reports for each stage in file order: `checkEveryStage`.
   */
  checkStage?(context: StageRuleContext): void;
}

/** One stage to check; `stage` is undefined for the instructions before the first FROM. */
export interface StageRuleContext extends RuleContext {
  readonly stage: Stage | undefined;
}

/** The `check` of a rule with `checkStage`: the instructions before the first FROM, then every stage in file order. */
export function checkEveryStage(checkStage: (context: StageRuleContext) => void): (context: RuleContext) => void {
  return (context) => {
    for (const stage of [undefined, ...context.model.stages]) {
      checkStage({ model: context.model, buildContext: context.buildContext, report: context.report, stage });
    }
  };
}
