// Completion in the current language: instructions, flags and their values, mount options, stages, variables, check directives and image tags.
import * as l10n from '@vscode/l10n';
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type MarkupContent,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { knownTags } from '../data/baseImages';
import {
  BOOLEAN_VALUES,
  PLATFORMS,
  automaticArgDoc,
  directiveDoc,
  flagDoc,
  instructionDoc,
  listAutomaticArgs,
  listCheckKeys,
  listDirectives,
  listFlags,
  listInstructions,
  listMountOptions,
  listMountTypes,
  mountDoc,
} from '../docs/referenceDocs';
import { currentLanguage } from '../l10n/locale';
import type { DockerfileModel, InstructionNode } from '../model/types';
import { allRules } from '../rules/registry';
import { instructionStartingBefore, stagesBefore, unwrapTrigger } from './cursorContext';

/** Marks our items so that resolving them does not go to the base service. */
export const ADVISOR_ITEM = 'dockerfile-advisor';

/** Re-opens the suggestion list after inserting text that has values to choose from (`--mount=`). */
const RETRIGGER = { title: 'suggest', command: 'editor.action.triggerSuggest' };

/** Instructions that cannot follow ONBUILD. */
const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

interface Context {
  readonly model: DockerfileModel;
  readonly position: Position;
  readonly offset: number;
  /** The cursor's line up to the cursor. */
  readonly linePrefix: string;
}

/**
 * Completion items at `position`, or undefined when the cursor is somewhere we have nothing to
 * offer (the caller may then ask the base service).
 */
export function computeCompletion(model: DockerfileModel, position: Position): CompletionItem[] | undefined {
  const offset = model.index.offsetAt(position);
  const linePrefix = model.index.lineText(position.line).slice(0, position.character);
  const context: Context = { model, position, offset, linePrefix };
  if (/^\s*#/.test(linePrefix)) {
    return position.line <= model.directives.length ? directiveCompletion(context) : undefined;
  }
  const variable = /\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(linePrefix);
  const instruction = instructionOnLine(context);
  if (variable !== null && !isEscaped(linePrefix, variable.index, model.escapeChar)) {
    return variableCompletion(context, instruction, variable[1] === '{', variable[2] ?? '');
  }
  if (instruction === undefined || isTypingKeyword(context, instruction)) {
    return /^\s*[A-Za-z]*$/.test(linePrefix) ? keywordCompletion(context, instruction?.keywordRange, false) : undefined;
  }
  if (instruction.keyword === 'ONBUILD' && /^\s*\S+\s+[A-Za-z]*$/.test(linePrefix)) {
    return keywordCompletion(context, instruction.trigger?.keywordRange, true);
  }
  const target = unwrapTrigger(model, instruction, offset);
  const token = /\S*$/.exec(linePrefix)?.[0] ?? '';
  const tokenStart = offset - token.length;
  const flagZone = inFlagZone(target, tokenStart);
  if (token.startsWith('-') && flagZone) {
    return flagCompletion(context, target, token);
  }
  if (target.keyword === 'HEALTHCHECK' && flagZone && /^[A-Za-z]*$/.test(token)) {
    return [...healthcheckModes(context, token), ...(token === '' ? flagNameCompletion(context, target, '') : [])];
  }
  if (token === '' && flagZone && listFlags(target.keyword).length > 0) {
    const flags = flagNameCompletion(context, target, '');
    return target.keyword === 'FROM' ? [...flags, ...stageCompletion(context, target, 0)] : flags;
  }
  if (target.keyword === 'FROM') {
    return fromCompletion(context, target, token, tokenStart);
  }
  return undefined;
}

function isEscaped(text: string, index: number, escapeChar: string): boolean {
  return index > 0 && text[index - 1] === escapeChar;
}

/** The instruction the cursor's line belongs to, including trailing spaces after its last word. */
function instructionOnLine(context: Context): InstructionNode | undefined {
  const candidate = instructionStartingBefore(context.model, context.offset);
  if (candidate === undefined) {
    return undefined;
  }
  if (context.offset <= candidate.end || candidate.range.end.line === context.position.line) {
    return candidate;
  }
  return undefined;
}

function isTypingKeyword(context: Context, instruction: InstructionNode): boolean {
  const keyword = instruction.keywordRange;
  return keyword.start.line === context.position.line && context.position.character <= keyword.end.character;
}

/** Flags come before the first argument. */
function inFlagZone(instruction: InstructionNode, tokenStart: number): boolean {
  return instruction.args.every((a) => a.start >= tokenStart) && tokenStart > instruction.start;
}

function markdown(value: string | undefined): MarkupContent | undefined {
  return value === undefined ? undefined : { kind: 'markdown', value };
}

function replacing(context: Context, length: number): Range {
  return { start: { line: context.position.line, character: context.position.character - length }, end: context.position };
}

interface ItemSpec {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly insert?: string;
  readonly detail?: string;
  readonly documentation?: string;
  readonly sortText?: string;
  readonly retrigger?: boolean;
  readonly snippet?: boolean;
}

function items(context: Context, replace: number | Range, specs: readonly ItemSpec[]): CompletionItem[] {
  const range = typeof replace === 'number' ? replacing(context, replace) : replace;
  return specs.map((spec) => ({
    label: spec.label,
    kind: spec.kind,
    detail: spec.detail,
    documentation: markdown(spec.documentation),
    sortText: spec.sortText,
    insertTextFormat: spec.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: spec.insert ?? spec.label },
    command: spec.retrigger ? RETRIGGER : undefined,
    data: ADVISOR_ITEM,
  }));
}

/** Keywords replace the whole word being typed (`keyword`, when the parser already sees one), in the casing typed so far. */
function keywordCompletion(context: Context, keyword: Range | undefined, afterOnbuild: boolean): CompletionItem[] {
  const typed = /[A-Za-z]*$/.exec(context.linePrefix)?.[0] ?? '';
  const lower = typed !== '' && typed === typed.toLowerCase();
  const language = currentLanguage();
  const range = keyword !== undefined && keyword.start.line === context.position.line && keyword.end.character >= context.position.character
    ? keyword : replacing(context, typed.length);
  const rest = context.model.index.lineText(context.position.line).slice(range.end.character);
  const space = rest.startsWith(' ') ? '' : ' ';
  return items(context, range, listInstructions()
    .filter((k) => !afterOnbuild || !NOT_TRIGGERS.has(k))
    .map((keyword) => ({
      label: lower ? keyword.toLowerCase() : keyword,
      kind: CompletionItemKind.Keyword,
      insert: `${lower ? keyword.toLowerCase() : keyword}${space}`,
      documentation: instructionDoc(keyword, language),
      retrigger: keyword === 'FROM' || keyword === 'ONBUILD',
    })));
}

function flagCompletion(context: Context, instruction: InstructionNode, token: string): CompletionItem[] | undefined {
  const assignment = /^--([A-Za-z-]+)=(.*)$/.exec(token);
  if (assignment === null) {
    return flagNameCompletion(context, instruction, token);
  }
  const name = assignment[1].toLowerCase();
  const value = assignment[2];
  const language = currentLanguage();
  if (instruction.keyword === 'RUN' && name === 'mount') {
    return mountCompletion(context, instruction, value);
  }
  if (name === 'from' && instruction.keyword === 'COPY') {
    return stageCompletion(context, instruction, value.length);
  }
  const flag = listFlags(instruction.keyword).find((f) => f.name === name);
  if (flag === undefined) {
    return undefined;
  }
  const values = name === 'platform' ? [...PLATFORMS, '$BUILDPLATFORM', '$TARGETPLATFORM'] : flag.values ?? [];
  const documentation = flagDoc(instruction.keyword, name, language);
  return items(context, value.length, values.map((v, i) => ({
    label: v,
    kind: CompletionItemKind.Value,
    documentation,
    sortText: String(i).padStart(3, '0'),
  })));
}

function flagNameCompletion(context: Context, instruction: InstructionNode, token: string): CompletionItem[] {
  const present = new Set(instruction.flags.map((f) => f.name.toLowerCase()));
  const typed = token.replace(/^-+/, '').toLowerCase();
  present.delete(typed);
  const language = currentLanguage();
  return items(context, token.length, listFlags(instruction.keyword)
    .filter((f) => f.repeatable || !present.has(f.name))
    .map((f) => ({
      label: `--${f.name}`,
      kind: CompletionItemKind.Property,
      insert: f.valueRequired ? `--${f.name}=` : `--${f.name}`,
      documentation: flagDoc(instruction.keyword, f.name, language),
      retrigger: f.valueRequired && (f.values !== undefined || f.name === 'mount' || f.name === 'from'),
    })));
}

function mountCompletion(context: Context, instruction: InstructionNode, value: string): CompletionItem[] | undefined {
  const language = currentLanguage();
  const segments = value.split(',');
  const current = segments[segments.length - 1];
  const earlier = segments.slice(0, -1).map((s) => s.split('=')[0].trim().toLowerCase());
  const typeSegment = segments.find((s) => /^type=/i.test(s.trim()) && s !== current);
  const type = typeSegment === undefined ? 'bind' : typeSegment.split('=')[1].trim().toLowerCase();
  const eq = current.indexOf('=');
  if (eq < 0) {
    const options = listMountOptions(type).filter((o) => !earlier.includes(o.name) && !o.aliases.some((a) => earlier.includes(a)));
    const specs: ItemSpec[] = options.map((o) => ({
      label: o.bare ? o.name : `${o.name}=`,
      kind: CompletionItemKind.Property,
      documentation: mountDoc(o.name, language),
      retrigger: !o.bare && (o.values !== undefined || o.name === 'from'),
    }));
    if (typeSegment === undefined && !earlier.includes('type')) {
      specs.unshift({ label: 'type=', kind: CompletionItemKind.Property, documentation: flagDoc('RUN', 'mount', language), retrigger: true, sortText: '0' });
    }
    return items(context, current.length, specs);
  }
  const key = current.slice(0, eq).trim().toLowerCase();
  const typed = current.slice(eq + 1);
  if (key === 'type') {
    return items(context, typed.length, listMountTypes().map((t, i) => ({
      label: t,
      kind: CompletionItemKind.EnumMember,
      documentation: mountDoc(`type=${t}`, language),
      sortText: String(i),
    })));
  }
  if (key === 'from') {
    return stageCompletion(context, instruction, typed.length);
  }
  const option = listMountOptions(type).find((o) => o.name === key || o.aliases.includes(key));
  const values = option?.values ?? (option?.bare ? BOOLEAN_VALUES : undefined);
  if (values === undefined) {
    return undefined;
  }
  return items(context, typed.length, values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, documentation: mountDoc(key, language) })));
}

function healthcheckModes(context: Context, token: string): CompletionItem[] {
  const documentation = instructionDoc('HEALTHCHECK', currentLanguage());
  return items(context, token.length, [
    { label: 'CMD', kind: CompletionItemKind.Keyword, insert: 'CMD ', documentation },
    { label: 'NONE', kind: CompletionItemKind.Keyword, documentation },
  ]);
}

function stageCompletion(context: Context, instruction: InstructionNode | undefined, replace: number): CompletionItem[] {
  return items(context, replace, stagesBefore(context.model, instruction)
    .filter((s) => s.name !== undefined)
    .map((s) => ({
      label: s.name!,
      kind: CompletionItemKind.Reference,
      detail: l10n.t('Stage {0}, line {1}', String(s.index), String(s.from.range.start.line + 1)),
      documentation: '```dockerfile\n' + context.model.index.lineText(s.from.range.start.line).trim() + '\n```',
    })));
}

function fromCompletion(context: Context, from: InstructionNode, token: string, tokenStart: number): CompletionItem[] | undefined {
  const position = from.args.filter((a) => a.end < tokenStart).length;
  if (position === 0) {
    const colon = token.indexOf(':');
    if (colon < 0) {
      const stages = stageCompletion(context, from, token.length);
      return stages.length > 0 ? stages : undefined;
    }
    const tags = knownTags(token.slice(0, colon));
    const typed = token.slice(colon + 1);
    return tags.length === 0 ? undefined : items(context, typed.length, tags.map((tag, i) => ({
      label: tag,
      kind: CompletionItemKind.Value,
      detail: `${token.slice(0, colon)}:${tag}`,
      sortText: String(i).padStart(4, '0'),
    })));
  }
  if (position === 1 && /^[A-Za-z]*$/.test(token)) {
    const keyword = from.keywordText === from.keywordText.toLowerCase() ? 'as' : 'AS';
    return items(context, token.length, [{
      label: keyword,
      kind: CompletionItemKind.Keyword,
      insert: `${keyword} `,
      documentation: l10n.t('Names this stage so that later stages can use it in {0}, {1} and {2}.', '`FROM`', '`COPY --from`', '`RUN --mount=from=`'),
    }]);
  }
  return undefined;
}

function variableCompletion(context: Context, instruction: InstructionNode | undefined, braced: boolean, typed: string): CompletionItem[] {
  const scope = instruction?.scope ?? context.model.globalScope;
  const language = currentLanguage();
  const closeBrace = braced && context.model.text[context.offset] !== '}' ? '}' : '';
  const specs: ItemSpec[] = [];
  const seen = new Set<string>();
  for (const definition of scope.values()) {
    seen.add(definition.name);
    const where = definition.instruction === undefined
      ? l10n.t('set by BuildKit')
      : l10n.t('{0} on line {1}', definition.kind.toUpperCase(), String(definition.instruction.range.start.line + 1));
    specs.push({
      label: definition.name,
      kind: CompletionItemKind.Variable,
      insert: definition.name + closeBrace,
      detail: definition.value === undefined ? where : `${where} = ${definition.value}`,
      documentation: automaticArgDoc(definition.name, language),
      sortText: `0${definition.name}`,
    });
  }
  const inRun = instruction?.keyword === 'RUN';
  for (const arg of listAutomaticArgs()) {
    if (seen.has(arg.name) || arg.kind === 'buildkit' || (arg.kind === 'proxy' && !inRun)) {
      continue;
    }
    specs.push({
      label: arg.name,
      kind: CompletionItemKind.Variable,
      insert: arg.name + closeBrace,
      detail: arg.kind === 'platform' ? l10n.t('needs {0} in this stage', `ARG ${arg.name}`) : l10n.t('proxy setting passed to RUN'),
      documentation: automaticArgDoc(arg.name, language),
      sortText: `1${arg.name}`,
    });
  }
  return items(context, typed.length, specs);
}

function directiveCompletion(context: Context): CompletionItem[] | undefined {
  const language = currentLanguage();
  const name = /^\s*#\s*([A-Za-z]*)$/.exec(context.linePrefix);
  if (name !== null) {
    const present = new Set(context.model.directives.filter((d) => d.range.start.line !== context.position.line).map((d) => d.name));
    return items(context, name[1].length, listDirectives().filter((d) => !present.has(d)).map((d) => ({
      label: `${d}=`,
      kind: CompletionItemKind.Keyword,
      documentation: directiveDoc(d, language),
      retrigger: true,
    })));
  }
  const value = /^\s*#\s*([A-Za-z]+)\s*=\s*(.*)$/.exec(context.linePrefix);
  if (value === null) {
    return undefined;
  }
  const directive = value[1].toLowerCase();
  const typed = value[2];
  if (directive === 'syntax') {
    return items(context, typed.length, ['docker/dockerfile:1', 'docker/dockerfile:1-labs'].map((v) => ({
      label: v, kind: CompletionItemKind.Value, documentation: directiveDoc('syntax', language),
    })));
  }
  if (directive === 'escape') {
    return items(context, typed.length, ['\\', '`'].map((v) => ({ label: v, kind: CompletionItemKind.Value, documentation: directiveDoc('escape', language) })));
  }
  return directive === 'check' ? checkCompletion(context, typed) : undefined;
}

function checkCompletion(context: Context, typed: string): CompletionItem[] {
  const language = currentLanguage();
  const parts = typed.split(';');
  const current = parts[parts.length - 1];
  const eq = current.indexOf('=');
  if (eq < 0) {
    const present = new Set(parts.slice(0, -1).map((p) => p.split('=')[0].trim().toLowerCase()));
    return items(context, current.trimStart().length, listCheckKeys().filter((k) => !present.has(k)).map((k) => ({
      label: `${k}=`,
      kind: CompletionItemKind.Property,
      documentation: directiveDoc(`check=${k}`, language),
      retrigger: true,
    })));
  }
  const key = current.slice(0, eq).trim().toLowerCase();
  const list = current.slice(eq + 1);
  const word = list.split(',').pop() ?? '';
  if (key === 'error') {
    return items(context, list.length, BOOLEAN_VALUES.map((v) => ({ label: v, kind: CompletionItemKind.Value, documentation: directiveDoc('check=error', language) })));
  }
  if (key !== 'skip' && key !== 'experimental') {
    return [];
  }
  const chosen = new Set(list.split(',').slice(0, -1).map((n) => n.trim().toLowerCase()));
  const rules = allRules.filter((r) => (key === 'skip' || r.experimental === true) && !chosen.has(r.id.toLowerCase()));
  const specs: ItemSpec[] = rules.map((rule) => ({
    label: rule.id,
    kind: CompletionItemKind.EnumMember,
    detail: rule.aliases.join(', ') || undefined,
    documentation: rule.description(),
  }));
  if (chosen.size === 0) {
    specs.push({ label: 'all', kind: CompletionItemKind.Keyword, documentation: directiveDoc(`check=${key}`, language), sortText: '~' });
  }
  return items(context, word.trimStart().length, specs);
}
