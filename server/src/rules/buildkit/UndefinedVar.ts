// BuildKit's UndefinedVar: a variable an instruction expands that no ARG, ENV or base image defines expands to nothing.
import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionNode, Stage } from '../../model/types';
import { checkEveryStage, type Rule, type RuleContext } from '../rule';
import { baseImageEnvironment, type ImageEnvironment } from './imageEnvironment';
import { closestName, keyValuePairs, offsetsOf, renameVariableFixes, variableUses, type LocatedVariableUse } from './support';

/** Instructions whose words BuildKit expands (RUN only in its --mount options; ARG in its defaults). */
const expandedArguments = new Set(['ADD', 'COPY', 'ENV', 'LABEL', 'WORKDIR', 'USER', 'VOLUME', 'STOPSIGNAL']);
const expandedFlags: Readonly<Record<string, readonly string[]>> = {
  ADD: ['chown', 'chmod', 'checksum'],
  COPY: ['chown', 'chmod'],
  RUN: ['mount'],
};
/** Build arguments BuildKit reads itself and never puts in the environment. */
const builderOnlyArgs = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const imageStyleName = /^[A-Z][A-Z0-9_]*$/;

export const UndefinedVar: Rule = {
  id: 'UndefinedVar',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Variables should be defined before their use'),
  check: checkEveryStage((context) => UndefinedVar.checkStage!(context)),
  checkStage(context) {
    const { model, stage } = context;
    if (!stage) {
      // Stages only, as before this check ran stage by stage: FROM's uses of global ARGs are UndefinedArgInFrom's.
      return;
    }
    const image = baseImageEnvironment(stage);
    const inherited = argsOfParentStages(stage);
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'ARG') {
        checkArg(context, instruction, image, inherited);
        inherited.push(...secondArgNames(instruction));
        continue;
      }
      const words: Range[] = [];
      if (expandedArguments.has(instruction.keyword)) {
        words.push(...instruction.args.map((a) => a.range));
      }
      for (const flag of instruction.flags) {
        if (flag.valueRange && expandedFlags[instruction.keyword]?.includes(flag.name.toLowerCase())) {
          words.push(flag.valueRange);
        }
      }
      const known = knownNames(instruction, inherited);
      for (const word of words) {
        const { start, end } = offsetsOf(model, word);
        for (const use of variableUses(model, start, end, instruction.scope)) {
          reportIfUndefined(context, use, known, image);
        }
      }
    }
  },
};

/** `ARG A=1 B=$A`: each default sees the names declared before it in the same instruction. */
function checkArg(context: RuleContext, instruction: InstructionNode, image: ImageEnvironment, inherited: readonly string[]): void {
  const declaredHere: string[] = [];
  const known = knownNames(instruction, inherited, declaredHere);
  for (const pair of keyValuePairs(instruction)) {
    if (pair.valueRange) {
      const { start, end } = offsetsOf(context.model, pair.valueRange);
      for (const use of variableUses(context.model, start, end, instruction.scope)) {
        reportIfUndefined(context, use, known, image);
      }
    }
    declaredHere.push(pair.name);
  }
}

interface KnownNames {
  has(name: string): boolean;
  /** Every known name, for suggestions; only listed when a finding needs one. */
  list(): string[];
}

/**
 * The names an instruction may use, looked up rather than copied: copying the scope of
 * every instruction into a set made this rule quadratic in the number of ARG and ENV.
 */
function knownNames(instruction: InstructionNode, inherited: readonly string[], declaredHere: readonly string[] = []): KnownNames {
  return {
    has: (name) => instruction.scope.has(name) || inherited.includes(name) || declaredHere.includes(name),
    list: () => [...instruction.scope.keys(), ...inherited, ...declaredHere],
  };
}

/** ARG values become part of a stage's state, so a stage built `FROM` another sees its ARGs too. */
function argsOfParentStages(stage: Stage): string[] {
  const names: string[] = [];
  for (let parent = stage.baseStage; parent; parent = parent.baseStage) {
    for (const instruction of parent.instructions) {
      if (instruction.keyword === 'ARG') {
        names.push(...keyValuePairs(instruction).map((p) => p.name), ...secondArgNames(instruction));
      }
    }
  }
  return names;
}

/** `ARG TARGETOS TARGETARCH` declares two ARGs to BuildKit, though the parser reads a name and a value. */
function secondArgNames(instruction: InstructionNode): string[] {
  return keyValuePairs(instruction).flatMap((p) => (!p.hasDelimiter && p.value && /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.value) ? [p.value] : []));
}

function reportIfUndefined(context: RuleContext, use: LocatedVariableUse, known: KnownNames, image: ImageEnvironment): void {
  const name = use.name;
  if (known.has(name) || name === 'PATH' || builderOnlyArgs.has(name)) {
    return;
  }
  if (image.kind === 'known' && image.names.includes(name)) {
    return;
  }
  // An image we have no table for may well define upper-case variables such as `APP_HOME`.
  if (image.kind === 'unknown' && imageStyleName.test(name)) {
    return;
  }
  const candidates = [...known.list(), 'PATH', ...(image.kind === 'known' ? image.names : [])];
  const suggestion = closestName(name, candidates);
  const model: DockerfileModel = context.model;
  context.report({
    range: model.index.rangeOf(use.start, use.end),
    message: suggestion
      ? l10n.t("Usage of undefined variable '${0}' (did you mean ${1}?)", name, suggestion)
      : l10n.t("Usage of undefined variable '${0}'", name),
    fixes: () => renameVariableFixes(model, use, suggestion),
  });
}
