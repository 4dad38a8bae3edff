// Hover in the current language: reference pages for syntax, base images, variables, stages and the docs of rules reported under the cursor.
import * as l10n from '@vscode/l10n';
import type { Hover, Position, Range } from 'vscode-languageserver-types';
import { describeBaseImage } from '../data/baseImages';
import { baseImageMarkdown } from '../docs/baseImageMarkdown';
import { automaticArgDoc, directiveDoc, flagDoc, instructionDoc, mountDoc } from '../docs/referenceDocs';
import { currentLanguage } from '../l10n/locale';
import type { Directive, DockerfileModel, FlagNode, InstructionNode, Stage } from '../model/types';
import { expandVariables } from '../model/variables';
import { findRule } from '../rules/registry';
import type { Rule } from '../rules/rule';
import { contain } from '../util/contain';
import { instructionAt, rangeContains, variableAt } from './cursorContext';
import { ruleDocsMarkdown } from './ruleDocs';
import type { Finding } from './validation';

interface HoverPart {
  readonly markdown: string;
  readonly range?: Range;
}

/**
 * The hover at `position`, or null when we know nothing there. `findings` gives the document's
 * findings, which the service computes once per version; a rule reported under the cursor comes first.
 */
export function computeHover(model: DockerfileModel, position: Position, findings: () => readonly Finding[]): Hover | null {
  const rules = findingsAt(findings(), position).map((f) => f.rule).filter((r): r is Rule => r !== undefined);
  const seen = new Set<string>();
  const parts: HoverPart[] = [];
  for (const rule of rules) {
    if (!seen.has(rule.id)) {
      seen.add(rule.id);
      parts.push({ markdown: ruleMarkdown(rule) });
    }
  }
  // A cursor right after a word (`ARG|`) still means that word, as editors place it there after a double-click or typing.
  const syntax = syntaxHover(model, position)
    ?? (position.character > 0 ? syntaxHover(model, { line: position.line, character: position.character - 1 }) : undefined);
  if (syntax !== undefined) {
    parts.push(syntax);
  }
  if (parts.length === 0) {
    return null;
  }
  return {
    contents: { kind: 'markdown', value: parts.map((p) => p.markdown).join('\n\n---\n\n') },
    range: syntax?.range,
  };
}

function findingsAt(findings: readonly Finding[], position: Position): Finding[] {
  return findings.filter((f) => {
    const { start, end } = f.diagnostic.range;
    const empty = start.line === end.line && start.character === end.character;
    return empty ? start.line === position.line && start.character === position.character : rangeContains(f.diagnostic.range, position);
  });
}

/** What the syntax under the cursor means: directive, keyword, flag, mount option, image, stage or variable. */
export function syntaxHover(model: DockerfileModel, position: Position): HoverPart | undefined {
  const offset = model.index.offsetAt(position);
  const directive = model.directives.find((d) => offset >= d.start && offset < d.end);
  if (directive !== undefined) {
    return directiveHover(model, directive, position, offset);
  }
  const instruction = instructionAt(model, offset);
  if (instruction === undefined) {
    return undefined;
  }
  const language = currentLanguage();
  if (rangeContains(instruction.keywordRange, position)) {
    return page(instructionDoc(instruction.keyword, language), instruction.keywordRange);
  }
  const variable = variableAt(model, position);
  if (variable !== undefined) {
    return { markdown: variableMarkdown(model, instruction, variable.name), range: variable.range };
  }
  const flag = instruction.flags.find((f) => rangeContains(f.range, position));
  if (flag !== undefined) {
    return flagHover(model, instruction, flag, position);
  }
  if (instruction.keyword === 'FROM') {
    const fromHover = stageHeaderHover(model, instruction, position);
    if (fromHover !== undefined) {
      return fromHover;
    }
  }
  if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') {
    return declarationHover(model, instruction, position);
  }
  return undefined;
}

function page(markdown: string | undefined, range?: Range): HoverPart | undefined {
  return markdown === undefined ? undefined : { markdown, range };
}

function directiveHover(model: DockerfileModel, directive: Directive, position: Position, offset: number): HoverPart | undefined {
  const language = currentLanguage();
  if (directive.name !== 'check' || !rangeContains(directive.valueRange, position)) {
    return page(directiveDoc(directive.name, language), directive.range);
  }
  const valueStart = model.index.offsetAt(directive.valueRange.start);
  let partStart = valueStart;
  for (const part of directive.value.split(';')) {
    const partEnd = partStart + part.length;
    if (offset >= partStart && offset <= partEnd) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim();
      if (eq >= 0 && offset > partStart + eq) {
        const rule = ruleNamedAt(part.slice(eq + 1), offset - (partStart + eq + 1));
        if (rule !== undefined) {
          return { markdown: ruleMarkdown(rule) };
        }
      }
      return page(directiveDoc(`check=${key}`, language) ?? directiveDoc('check', language), model.index.rangeOf(partStart, partEnd));
    }
    partStart = partEnd + 1;
  }
  return page(directiveDoc('check', language), directive.range);
}

/** The rule named in a comma-separated list at a position within it (`skip=A,B`). */
function ruleNamedAt(list: string, offset: number): Rule | undefined {
  let start = 0;
  for (const name of list.split(',')) {
    if (offset >= start && offset <= start + name.length) {
      return findRule(name.trim());
    }
    start += name.length + 1;
  }
  return undefined;
}

function flagHover(model: DockerfileModel, instruction: InstructionNode, flag: FlagNode, position: Position): HoverPart | undefined {
  const language = currentLanguage();
  const name = flag.name.toLowerCase();
  const flagPage = page(flagDoc(instruction.keyword, name, language), flag.range);
  if (instruction.keyword === 'RUN' && name === 'mount') {
    const option = flag.options.find((o) => rangeContains(o.nameRange, position) || rangeContains(o.valueRange, position));
    if (option === undefined) {
      return flagPage;
    }
    const optionName = option.name.toLowerCase();
    const onValue = rangeContains(option.valueRange, position);
    if (optionName === 'type') {
      return page(mountDoc(`type=${option.value ?? ''}`, language), option.valueRange ?? option.nameRange) ?? flagPage;
    }
    if (optionName === 'from' && onValue && option.value !== undefined) {
      return referenceHover(model, instruction, option.value, option.valueRange) ?? page(mountDoc('from', language), option.valueRange);
    }
    return page(mountDoc(optionName, language), onValue ? option.valueRange : option.nameRange) ?? flagPage;
  }
  if (name === 'from' && flag.value !== undefined && rangeContains(flag.valueRange, position)) {
    return referenceHover(model, instruction, flag.value, flag.valueRange) ?? flagPage;
  }
  return flagPage;
}

/** `--from=NAME` names a stage (or its index) when one matches, otherwise an image. */
function referenceHover(model: DockerfileModel, instruction: InstructionNode, reference: string, range: Range | undefined): HoverPart | undefined {
  const edge = model.stageEdges.find((e) => e.instruction === instruction && e.reference === reference);
  if (edge?.from !== undefined) {
    return { markdown: stageMarkdown(model, edge.from), range };
  }
  const markdown = imageMarkdown(reference, reference);
  return markdown === undefined ? undefined : { markdown, range };
}

function stageHeaderHover(model: DockerfileModel, from: InstructionNode, position: Position): HoverPart | undefined {
  const stage = from.stage;
  if (stage === undefined) {
    return undefined;
  }
  if (rangeContains(stage.nameRange, position)) {
    return { markdown: stageMarkdown(model, stage), range: stage.nameRange };
  }
  if (!rangeContains(stage.baseRange, position)) {
    return undefined;
  }
  if (stage.baseStage !== undefined) {
    return { markdown: stageMarkdown(model, stage.baseStage), range: stage.baseRange };
  }
  const expanded = stage.baseImage?.raw ?? stage.baseText;
  const markdown = stage.baseText.toLowerCase() === 'scratch'
    ? baseImageMarkdown(describeBaseImage('scratch'))
    : imageMarkdown(stage.baseText, stage.baseImage ?? stage.baseText, expanded);
  return markdown === undefined ? undefined : { markdown, range: stage.baseRange };
}

function imageMarkdown(written: string, reference: Parameters<typeof describeBaseImage>[0], expanded?: string): string | undefined {
  const body = contain('describe base image', () => baseImageMarkdown(describeBaseImage(reference)), undefined);
  if (body === undefined) {
    return undefined;
  }
  const title = expanded !== undefined && expanded !== written
    ? `**${code(written)}** → ${code(expanded)}`
    : `**${code(written)}**`;
  return `${title}\n\n${body}`;
}

function stageMarkdown(model: DockerfileModel, stage: Stage): string {
  const lines: string[] = [];
  const label = stage.name === undefined ? l10n.t('Stage {0}', String(stage.index)) : l10n.t('Stage {0}', code(stage.name));
  lines.push(`**${label}** · ${l10n.t('line {0}', String(stage.from.range.start.line + 1))}`);
  lines.push('```dockerfile\n' + model.index.lineText(stage.from.range.start.line).trim() + '\n```');
  const users = model.stageEdges.filter((e) => e.from === stage);
  if (users.length === 0) {
    lines.push(l10n.t('No other stage takes anything from it.'));
  } else {
    lines.push(l10n.t('Used by:'));
    lines.push(users.map((edge) => {
      const target = edge.to.name === undefined ? l10n.t('stage {0}', String(edge.to.index)) : code(edge.to.name);
      const how = edge.kind === 'from' ? 'FROM' : edge.kind === 'copy' ? `${edge.instruction.keyword} --from` : 'RUN --mount from=';
      return `- ${l10n.t('{0}, line {1}: {2}', target, String(edge.instruction.range.start.line + 1), code(how))}`;
    }).join('\n'));
  }
  return lines.join('\n\n');
}

/** Instructions whose variables are expanded by a shell in the container, where a variable may also come from the image or the script. */
const SHELL_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
/** Instructions that run after the build, where only ENV values remain. */
const RUNTIME_INSTRUCTIONS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

function variableMarkdown(model: DockerfileModel, instruction: InstructionNode, name: string): string {
  const lines = [`**${code('$' + name)}**`];
  const definition = instruction.scope.get(name);
  if (definition === undefined) {
    if (SHELL_INSTRUCTIONS.has(instruction.keyword)) {
      lines.push(l10n.t('No ARG or ENV sets {0} before this line: only the base image or the shell can give it a value.', code(name)));
    } else {
      lines.push(l10n.t('{0} is not defined here: it expands to an empty string.', code(name)));
    }
    if (instruction.keyword !== 'FROM' && model.globalScope.has(name)) {
      lines.push(l10n.t('It is declared before the first FROM; add {0} inside this stage to use it here.', code(`ARG ${name}`)));
    }
  } else {
    lines.push(valueLine(definition.value, definition.kind === 'arg'));
    const declaration = definition.instruction === undefined ? undefined : declarationOf(definition.instruction, name);
    if (declaration !== undefined && definition.instruction !== undefined) {
      lines.push(...unresolvedNote(model, definition.instruction, declaration.getValue()));
    }
    if (definition.kind === 'automatic') {
      lines.push(l10n.t('Set automatically by BuildKit for each build.'));
    } else if (definition.instruction !== undefined) {
      const line = definition.instruction.range.start.line;
      lines.push(l10n.t('Set by {0} on line {1}.', code(model.index.lineText(line).trim()), String(line + 1)));
    }
    if (definition.kind === 'arg' && RUNTIME_INSTRUCTIONS.has(instruction.keyword)) {
      lines.push(l10n.t('ARG values exist only during the build: when the container runs, {0} is empty unless ENV sets it.', code(name)));
    }
  }
  const reference = automaticArgDoc(name, currentLanguage());
  if (reference !== undefined) {
    lines.push('---', reference);
  }
  return lines.join('\n\n');
}

function valueLine(value: string | undefined, isArg: boolean): string {
  if (value !== undefined) {
    return value === '' ? l10n.t('Value here: empty') : l10n.t('Value here: {0}', code(value));
  }
  return isArg ? l10n.t('No default value: it is given with {0}.', code('--build-arg')) : l10n.t('Value known only at build time.');
}

/** The name in `ARG NAME=value` or `ENV NAME=value`: the value it sets. */
function declarationHover(model: DockerfileModel, instruction: InstructionNode, position: Position): HoverPart | undefined {
  const property = properties(instruction).find((p) => rangeContains(p.getNameRange(), position));
  if (property === undefined) {
    return undefined;
  }
  const name = property.getName();
  const next = model.instructions[instruction.index + 1];
  const defined = next?.scope.get(name);
  const raw = property.getValue();
  const inheritsGlobal = instruction.keyword === 'ARG' && raw === null && instruction.stage !== undefined;
  const value = defined?.instruction === instruction
    ? defined.value
    : raw === null
      ? (inheritsGlobal ? model.globalScope.get(name)?.value : undefined)
      : expandVariables(raw, instruction.scope, model.escapeChar).value;
  const lines = [`**${code(name)}** · ${instruction.keyword}`, valueLine(value, instruction.keyword === 'ARG'), ...unresolvedNote(model, instruction, raw)];
  if (inheritsGlobal && model.globalScope.has(name)) {
    lines.push(l10n.t('Takes the value of the ARG declared before the first FROM.'));
  }
  const reference = automaticArgDoc(name, currentLanguage());
  if (reference !== undefined) {
    lines.push('---', reference);
  }
  return { markdown: lines.join('\n\n'), range: property.getNameRange() };
}

interface Property {
  getName(): string;
  getValue(): string | null;
  getNameRange(): Range;
}

function properties(instruction: InstructionNode): Property[] {
  return contain('dockerfile-ast properties', () => (instruction.ast as unknown as { getProperties?(): Property[] }).getProperties?.() ?? [], [] as Property[]);
}

function declarationOf(instruction: InstructionNode, name: string): Property | undefined {
  return instruction.keyword === 'ARG' || instruction.keyword === 'ENV' ? properties(instruction).find((p) => p.getName() === name) : undefined;
}

/** The model expands unknown variables to nothing; the base image may well set them (`$PATH`), so say the value is partial. */
function unresolvedNote(model: DockerfileModel, instruction: InstructionNode, raw: string | null): string[] {
  if (raw === null) {
    return [];
  }
  const unresolved = [...new Set(expandVariables(raw, instruction.scope, model.escapeChar).unresolved)];
  return unresolved.length === 0
    ? []
    : [l10n.t('{0} is not set in this file and counts as empty here; the base image may set it.', unresolved.map((n) => code(n)).join(', '))];
}

/** The rule's page trimmed to what a hover needs, under a line with its id and aliases. */
export function ruleMarkdown(rule: Rule): string {
  const header = rule.aliases.length > 0
    ? `**${rule.id}** · ${l10n.t('also known as {0}', rule.aliases.join(', '))}`
    : `**${rule.id}**`;
  const page = ruleDocsMarkdown(rule.id) ?? (currentLanguage() !== 'en' ? ruleDocsMarkdown(rule.id, 'en') : undefined);
  if (page === undefined) {
    return `${header}\n\n${rule.description()}`;
  }
  return `${header}\n\n${trimRulePage(page)}`;
}

/** Section headings a hover keeps, in every language the pages are written in. */
const KEPT_SECTION = /^#{2,3} +(why|how to fix|por qué|cómo corregir)/i;

/**
 * Keeps the intro and the "why it matters" and "how to fix" sections: the examples and aliases are
 * on the full page, and the header already names the rule. A page without those sections is kept whole.
 */
export function trimRulePage(markdown: string): string {
  const [intro, ...sections] = markdown.trim().split(/\r?\n(?=#{2,3} )/).map((section) => section.trim());
  const introBody = intro.replace(/^# .*(\r?\n)?/, '').trim();
  const kept = sections.filter((section) => KEPT_SECTION.test(section));
  return [introBody, ...(kept.length > 0 ? kept : sections)].filter((section) => section !== '').join('\n\n');
}

function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}
