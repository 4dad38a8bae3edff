// Helpers the BuildKit checks share: key/value pairs, casing, BuildKit's "did you mean" search, variable uses.
import * as l10n from '@vscode/l10n';
import type { Property } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionNode, VariableScope } from '../../model/types';
import { expandVariables, type VariableUse } from '../../model/variables';
import { contain } from '../../util/contain';
import type { RuleFix } from '../rule';

export interface KeyValuePair {
  readonly name: string;
  readonly nameRange: Range;
  readonly value: string | undefined;
  readonly valueRange: Range | undefined;
  /** False for the legacy `KEY value` form. */
  readonly hasDelimiter: boolean;
}

/** The `KEY=value` (or legacy `KEY value`) pairs of an ARG, ENV or LABEL. */
export function keyValuePairs(instruction: InstructionNode): KeyValuePair[] {
  const properties = contain(
    'dockerfile-ast properties',
    () => (instruction.ast as unknown as { getProperties?(): Property[] }).getProperties?.() ?? [],
    [] as Property[],
  );
  return properties.map((p) => ({
    name: p.getName(),
    nameRange: p.getNameRange(),
    value: p.getValue() ?? undefined,
    valueRange: p.getValueRange() ?? undefined,
    hasDelimiter: p.getAssignmentOperator() !== null,
  }));
}

export function isSelfConsistentCasing(text: string): boolean {
  return text === text.toLowerCase() || text === text.toUpperCase();
}

/** `text` in the casing of `like` when `like` is all lower or all upper case. */
export function inCasingOf(text: string, like: string): string {
  return like === like.toLowerCase() ? text.toLowerCase() : text.toUpperCase();
}

/**
 * BuildKit's suggestion for a mistyped name: the candidate closest in edit distance, if
 * closer than 3; nothing when the name itself is a candidate.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    if (candidate === name) {
      return undefined;
    }
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** A variable used in the document text, with where its name is written. */
export interface LocatedVariableUse extends VariableUse {
  /** Document offsets of the name alone (without `$`, `{`). */
  readonly nameStart: number;
  readonly nameEnd: number;
}

/** Variables used in the document text `[start, end)`, as BuildKit expands instruction words. */
export function variableUses(model: DockerfileModel, start: number, end: number, scope: VariableScope): LocatedVariableUse[] {
  const raw = model.text.slice(start, end);
  return expandVariables(raw, scope, model.escapeChar).uses.map((use) => {
    const braced = raw[use.start + 1] === '{';
    const nameStart = start + use.start + (braced ? 2 : 1);
    return { ...use, start: start + use.start, end: start + use.end, nameStart, nameEnd: nameStart + use.name.length };
  });
}

/** An edit that replaces a variable's name, for "did you mean" fixes. */
export function renameVariableEdit(model: DockerfileModel, use: LocatedVariableUse, name: string): TextEdit {
  return { range: model.index.rangeOf(use.nameStart, use.nameEnd), newText: name };
}

/** Names a `$NAME` or `${NAME}` reference can spell. */
const variableName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The "Change to 'NAME'" fix of a "did you mean" finding. A declared name that no reference
 * can spell (`ARG B[ASE=…` declares one) gets none: written after `$`, it would not name it.
 */
export function renameVariableFixes(model: DockerfileModel, use: LocatedVariableUse, suggestion: string | undefined): RuleFix[] {
  return suggestion !== undefined && variableName.test(suggestion)
    ? [{ title: l10n.t("Change to '{0}'", suggestion), edits: [renameVariableEdit(model, use, suggestion)], isPreferred: true }]
    : [];
}

/** Document offsets of a range. */
export function offsetsOf(model: DockerfileModel, range: Range): { start: number; end: number } {
  return { start: model.index.offsetAt(range.start), end: model.index.offsetAt(range.end) };
}

/** An edit deleting a flag and the blanks after it. */
export function removeFlagEdit(model: DockerfileModel, flagRange: Range): TextEdit {
  const { start, end } = offsetsOf(model, flagRange);
  let stop = end;
  while (stop < model.text.length && (model.text[stop] === ' ' || model.text[stop] === '\t')) {
    stop++;
  }
  return { range: model.index.rangeOf(start, stop), newText: '' };
}

/** Instructions grouped by stage; those before the first FROM (fragments) form a group of their own. */
export function instructionGroups(model: DockerfileModel): InstructionNode[][] {
  const leading = model.instructions.filter((i) => i.stage === undefined && i.keyword !== 'ARG');
  return [...(leading.length > 0 ? [leading] : []), ...model.stages.map((s) => s.instructions)];
}
