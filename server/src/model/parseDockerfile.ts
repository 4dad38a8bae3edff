// Builds the DockerfileModel from the text: one parse per document version, shared by every feature.
import type { Dockerfile, Instruction, Flag, Heredoc, Property } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { contain, describeError } from '../util/contain';
import { installDockerfileAstMemo } from './dockerfileAstMemo';
import { parseInPieces, type ParsedText, type ParseResult } from './parsePieces';
import { parseImageReference } from './imageReference';
import { concatMapped, identityMapped, parseShell, withoutCarriageReturns, type MappedText, type ShellScript } from './shell';
import { TextIndex } from './textIndex';
import type {
  ArgumentNode,
  CheckDirective,
  Directive,
  DockerfileModel,
  FlagNode,
  HeredocNode,
  InstructionNode,
  ShellSetting,
  Span,
  Stage,
  StageEdge,
  VariableScope,
} from './types';
import { automaticPlatformArgs, expandVariables } from './variables';
import { ScopeHistory, ScopeView } from './scope';

// Every parse goes through this module, so the memo is in place before the first one (ours, dockerfile-utils' or the base service's).
installDockerfileAstMemo();

const defaultShell: ShellSetting = { command: ['/bin/sh', '-c'], posix: true };
const windowsShell: ShellSetting = { command: ['cmd', '/S', '/C'], posix: false };
const jsonFormInstructions = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME', 'COPY', 'ADD']);

interface StageState {
  workdir: string | undefined;
  workdirSet: boolean;
  user: string | undefined;
  shell: ShellSetting;
}

/** The builder's state at the start of a stage (see ModelBuilder.resume). */
interface Checkpoint {
  readonly input: number;
  readonly instructions: number;
  readonly globalArgs: number;
  readonly stages: number;
  readonly edges: number;
  readonly stageEnd: readonly (readonly [Stage, StageState & { readonly scope: ScopeView }])[];
  readonly globalScope: ScopeView;
}

/** How a model was built: what the next version's build, dockerfile-utils, tests and the benchmark reuse or read. */
interface BuildRecord {
  /** The dockerfile-ast tree of a text parsed in one call, for dockerfile-utils to validate without parsing again. */
  readonly tree: Dockerfile | undefined;
  /** A long text's parse in pieces, to parse its next version again only around the edit. */
  readonly parsed: ParsedText | undefined;
  /**
   * The parser's instructions and where each stage began. After an edit of a long text the
   * nodes of the stages before it are kept and the build resumes at the first stage the edit
   * touched: positions and offsets before the edit are unchanged, and a stage's nodes depend
   * only on what comes before them.
   */
  readonly inputs: readonly Instruction[];
  readonly checkpoints: readonly Checkpoint[];
  /** How many lines the parser read, and how many nodes were kept from the previous version. */
  readonly linesParsed: number;
  readonly nodesKept: number;
}

const records = new WeakMap<DockerfileModel, BuildRecord>();

export function dockerfileTreeOf(model: DockerfileModel): Dockerfile | undefined {
  return records.get(model)?.tree;
}

/** How many instruction nodes this model kept from the previous version's. */
export function nodesKeptFor(model: DockerfileModel): number | undefined {
  return records.get(model)?.nodesKept;
}

/**
 * Whether a later version's model may keep this model's Stage objects: only a text parsed in
 * pieces hands its parser nodes, and with them its stages, to the next version's build.
 */
export function mayHandOnStages(model: DockerfileModel): boolean {
  return records.get(model)?.parsed !== undefined;
}

/** How many lines the parser read for this model (fewer than the text's when an earlier version's parse was reused). */
export function linesParsedFor(model: DockerfileModel): number | undefined {
  return records.get(model)?.linesParsed;
}

/**
 * The model of `text`. Given the model of the document's previous version, a long text is
 * parsed again only around the edit (see parsePieces.ts); `piecewiseFrom` lowers the length
 * from which that happens, for tests.
 */
export function parseDockerfile(text: string, previous?: DockerfileModel, piecewiseFrom?: number): DockerfileModel {
  const index = new TextIndex(text);
  let failure: string | undefined;
  const parse = contain<ParseResult | undefined>(
    'dockerfile-ast parse',
    () => parseInPieces(text, index, previous ? records.get(previous)?.parsed : undefined, piecewiseFrom),
    undefined,
  );
  if (!parse) {
    failure = 'The Dockerfile parser failed on this text.';
  }
  const directives = readDirectives(index);
  const escapeDirective = directives.find((d) => d.name === 'escape');
  const escapeChar = escapeDirective?.value === '`' ? '`' : '\\';
  const check = readCheckDirective(directives);
  const comments: Span[] = parse ? parse.comments.map((range) => spanOf(index, range)) : [];

  const builder = new ModelBuilder(text, index, escapeChar);
  let first = 0;
  let reusedNodes = 0;
  const earlier = previous && !previous.parseFailure && parse?.parsed ? records.get(previous) : undefined;
  if (earlier && parse) {
    // The stages before the edit are the same parser objects as before (parsePieces.ts reused them): their nodes are kept.
    let same = 0;
    const shorter = Math.min(parse.instructions.length, earlier.inputs.length);
    while (same < shorter && parse.instructions[same] === earlier.inputs[same]) {
      same++;
    }
    // The start of a stage with everything before it unchanged (its FROM may be new: the build restarts there). The
    // instruction there must still be a FROM, or the instructions after it would belong to the stage before.
    const checkpoint = earlier.checkpoints
      .filter((c) => c.input > 0 && c.input <= same && parse.instructions[c.input]?.getKeyword().toUpperCase() === 'FROM')
      .pop();
    if (checkpoint) {
      builder.resume(previous!, earlier, checkpoint);
      first = checkpoint.input;
      reusedNodes = checkpoint.instructions;
    }
  }
  if (parse) {
    for (let input = first; input < parse.instructions.length; input++) {
      const instruction = parse.instructions[input];
      builder.input = input;
      try {
        builder.add(instruction);
      } catch (error) {
        // One instruction the parser cannot describe must not cost the rest of the file.
        failure ??= `Instruction at line ${instruction.getRange().start.line + 1} could not be analysed: ${describeError(error).split('\n')[0]}`;
      }
    }
  }
  const model: DockerfileModel = {
    text,
    index,
    escapeChar,
    directives,
    check,
    instructions: builder.instructions,
    globalArgs: builder.globalArgs,
    globalScope: builder.globalScope,
    stages: builder.stages,
    stageEdges: builder.edges,
    comments,
    parseFailure: failure,
  };
  if (parse) {
    records.set(model, {
      tree: parse.tree,
      parsed: parse.parsed,
      inputs: parse.instructions,
      checkpoints: builder.checkpoints,
      linesParsed: parse.parsed?.linesParsed ?? index.lineCount,
      nodesKept: reusedNodes,
    });
  }
  return model;
}

class ModelBuilder {
  readonly instructions: InstructionNode[] = [];
  readonly globalArgs: InstructionNode[] = [];
  readonly stages: Stage[] = [];
  readonly edges: StageEdge[] = [];
  globalScope: ScopeView;
  private readonly globalHistory = new ScopeHistory();
  private readonly stageEnd = new Map<Stage, StageState & { readonly scope: ScopeView }>();
  private current: Stage | undefined;
  private state: StageState;
  /** The current stage's ARG and ENV definitions, and the ENV it inherited from a parent stage. */
  private history = this.globalHistory;
  private inherited: ScopeView | undefined;
  /** What the next instruction sees; a new view (never a copy) after each ARG or ENV. */
  private scope: ScopeView;

  constructor(
    private readonly text: string,
    private readonly index: TextIndex,
    private readonly escapeChar: string,
  ) {
    for (const name of automaticPlatformArgs) {
      this.globalHistory.define({ name, value: undefined, kind: 'automatic' });
    }
    this.globalScope = new ScopeView(this.globalHistory, this.globalHistory.current);
    this.scope = this.globalScope;
    this.state = { workdir: undefined, workdirSet: false, user: undefined, shell: defaultShell };
  }

  /** The position in the parser's instruction list of the instruction being added. */
  input = 0;

  add(ast: Instruction): void {
    const keyword = ast.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      this.startStage(ast);
      return;
    }
    const node = this.makeNode(ast, keyword);
    this.instructions.push(node);
    if (this.current) {
      this.current.instructions.push(node);
    } else if (keyword === 'ARG') {
      this.globalArgs.push(node);
    }
    this.applyEffects(node);
  }

  /** Where each stage began, to resume from when the next version's text is the same up to there. */
  readonly checkpoints: Checkpoint[] = [];

  /** Continues the build of an earlier version of the text from the start of one of its stages. */
  resume(from: DockerfileModel, record: BuildRecord, checkpoint: Checkpoint): void {
    this.instructions.push(...from.instructions.slice(0, checkpoint.instructions));
    this.globalArgs.push(...from.globalArgs.slice(0, checkpoint.globalArgs));
    this.stages.push(...from.stages.slice(0, checkpoint.stages));
    this.edges.push(...from.stageEdges.slice(0, checkpoint.edges));
    for (const [stage, end] of checkpoint.stageEnd) {
      this.stageEnd.set(stage, end);
    }
    this.globalScope = checkpoint.globalScope;
    this.scope = checkpoint.globalScope;
    this.checkpoints.push(...record.checkpoints.filter((c) => c.input < checkpoint.input));
  }

  private startStage(ast: Instruction): void {
    if (this.current) {
      this.stageEnd.set(this.current, { ...this.state, scope: this.scope });
    }
    this.checkpoints.push({
      input: this.input,
      instructions: this.instructions.length,
      globalArgs: this.globalArgs.length,
      stages: this.stages.length,
      edges: this.edges.length,
      stageEnd: [...this.stageEnd],
      globalScope: this.globalScope,
    });
    const from = ast as import('dockerfile-ast').From;
    const args = ast.getArguments();
    const baseArg = args[0];
    const baseText = baseArg?.getValue() ?? '';
    const asArg = args.length >= 3 ? args[1] : undefined;
    const nameArg = args.length >= 3 ? args[2] : undefined;
    const name = nameArg?.getValue();
    const expanded = expandVariables(baseText, this.globalScope, this.escapeChar);
    const baseStage = this.findStage(expanded.value);
    const platformFlag = contain('dockerfile-ast platform flag', () => from.getPlatformFlag?.() ?? null, null);
    const inherited = baseStage ? this.stageEnd.get(baseStage) : undefined;
    this.state = inherited
      ? { workdir: inherited.workdir, workdirSet: inherited.workdirSet, user: inherited.user, shell: inherited.shell }
      : { workdir: undefined, workdirSet: false, user: undefined, shell: defaultShell };
    this.history = new ScopeHistory();
    this.inherited = inherited?.scope;
    this.scope = new ScopeView(this.history, 0, this.inherited);
    let baseImage = undefined;
    if (!baseStage && expanded.unresolved.length === 0 && expanded.value.toLowerCase() !== 'scratch') {
      baseImage = parseImageReference(expanded.value);
    }
    if (!baseStage && isWindowsImage(expanded.value)) {
      this.state.shell = windowsShell;
    } else if (!baseStage && this.escapeChar === '`') {
      // `# escape=`` is how Windows Dockerfiles are written; their RUN lines are not POSIX shell.
      this.state.shell = windowsShell;
    }
    const stage: Stage = {
      index: this.stages.length,
      name,
      nameRange: nameArg?.getRange(),
      asKeywordRange: asArg?.getRange(),
      from: undefined as unknown as InstructionNode,
      baseText,
      baseRange: baseArg?.getRange(),
      baseImage,
      baseStage,
      platform: platformFlag ? this.flagNode(platformFlag) : undefined,
      instructions: [],
    };
    this.current = stage;
    const node = this.makeNode(ast, 'FROM', this.globalScope);
    (stage as { from: InstructionNode }).from = node;
    stage.instructions.push(node);
    this.stages.push(stage);
    this.instructions.push(node);
    if (baseStage && baseArg) {
      this.edges.push({ kind: 'from', to: stage, from: baseStage, reference: baseText, referenceRange: baseArg.getRange(), instruction: node });
    }
  }

  private findStage(reference: string): Stage | undefined {
    const lower = reference.toLowerCase();
    for (let i = this.stages.length - 1; i >= 0; i--) {
      if (this.stages[i].name?.toLowerCase() === lower) {
        return this.stages[i];
      }
    }
    return undefined;
  }

  /** A stage named, or given by index, in `--from=`; only earlier stages count. */
  private resolveStageReference(reference: string, before: Stage | undefined): Stage | undefined {
    if (/^\d+$/.test(reference)) {
      const stage = this.stages[Number(reference)];
      return stage && (!before || stage.index < before.index) ? stage : undefined;
    }
    const found = this.findStage(reference);
    return found && (!before || found.index < before.index || found === before) ? found : undefined;
  }

  private makeNode(ast: Instruction, keyword: string, scope: VariableScope = this.scope): InstructionNode {
    const range = ast.getRange();
    const start = this.index.offsetAt(range.start);
    const end = this.index.offsetAt(range.end);
    const keywordRange = ast.getInstructionRange();
    const flags = 'getFlags' in ast && typeof (ast as { getFlags?: unknown }).getFlags === 'function'
      ? contain('dockerfile-ast flags', () => (ast as unknown as { getFlags(): Flag[] }).getFlags().map((f) => this.flagNode(f)), [] as FlagNode[])
      : [];
    const args: ArgumentNode[] = contain('dockerfile-ast arguments', () => ast.getArguments(), []).map((arg) => {
      const argRange = arg.getRange();
      return { value: arg.getValue(), range: argRange, start: this.index.offsetAt(argRange.start), end: this.index.offsetAt(argRange.end) };
    });
    const heredocs: HeredocNode[] = 'getHeredocs' in ast
      ? contain('dockerfile-ast heredocs', () => (ast as unknown as { getHeredocs(): Heredoc[] }).getHeredocs(), [] as Heredoc[]).map((h) => this.heredocNode(h))
      : [];
    let argsStart = args.length > 0 ? args[0].start : end;
    if (flags.length > 0 && args.length === 0) {
      argsStart = end;
    }
    const argsText = this.text.slice(argsStart, end);
    const argsRange: Range | undefined = args.length > 0 ? { start: args[0].range.start, end: range.end } : undefined;
    const jsonArgs = jsonFormInstructions.has(keyword) && this.text[argsStart] === '[' ? parseJsonForm(foldContinuations(this.text, argsStart, end, this.escapeChar).text) : undefined;
    let trigger: InstructionNode | undefined;
    if (keyword === 'ONBUILD') {
      const triggerAst = contain('dockerfile-ast onbuild', () => (ast as import('dockerfile-ast').Onbuild).getTriggerInstruction(), null);
      if (triggerAst) {
        trigger = this.makeNode(triggerAst, triggerAst.getKeyword().toUpperCase(), scope);
      }
    }
    const node: InstructionNode = {
      index: this.instructions.length,
      keyword,
      keywordText: this.text.slice(this.index.offsetAt(keywordRange.start), this.index.offsetAt(keywordRange.end)),
      keywordRange,
      range,
      start,
      end,
      args,
      argsText,
      argsRange,
      flags,
      heredocs,
      jsonArgs,
      stage: this.current,
      trigger,
      scope,
      workdir: this.state.workdir,
      workdirSet: this.state.workdirSet,
      user: this.state.user,
      shell: this.state.shell,
      shellScripts: keyword === 'RUN' && jsonArgs === undefined && this.state.shell.posix
        ? this.runScripts(argsStart, end, heredocs)
        : [],
      ast,
    };
    return node;
  }

  private runScripts(argsStart: number, end: number, heredocs: readonly HeredocNode[]): ShellScript[] {
    if (argsStart >= end) {
      return [];
    }
    const firstBody = heredocs.find((h) => h.contentRange ?? h.delimiterRange);
    if (!firstBody) {
      return [parseShell(foldContinuations(this.text, argsStart, end, this.escapeChar))];
    }
    const bodyRange = (firstBody.contentRange ?? firstBody.delimiterRange)!;
    const commandEnd = Math.max(argsStart, this.index.lineStart(bodyRange.start.line) - 1);
    const command = foldContinuations(this.text, argsStart, commandEnd, this.escapeChar);
    if (/^\s*(?:<<-?\s*(?:"[^"]*"|'[^']*'|[^\s<>]+)\s*)+$/.test(command.text)) {
      // `RUN <<EOF` runs each heredoc body as a script of its own.
      return heredocs
        .filter((h) => h.contentRange)
        .map((h) => {
          const from = this.index.offsetAt(h.contentRange!.start);
          const to = this.index.offsetAt(h.contentRange!.end);
          return parseShell(withoutCarriageReturns(identityMapped(this.text, from, to)));
        });
    }
    // `RUN python3 <<EOF`: the command line and its heredocs go to the shell together.
    const tail = identityMapped(this.text, commandEnd, end);
    return [parseShell(withoutCarriageReturns(concatMapped(command, tail)))];
  }

  private flagNode(flag: Flag): FlagNode {
    const options = contain('dockerfile-ast flag options', () => flag.getOptions(), []).map((option) => ({
      name: option.getName(),
      value: option.getValue() ?? undefined,
      nameRange: option.getNameRange(),
      valueRange: option.getValueRange() ?? undefined,
    }));
    return {
      name: flag.getName(),
      value: flag.getValue() ?? undefined,
      range: flag.getRange(),
      nameRange: flag.getNameRange(),
      valueRange: flag.getValueRange() ?? undefined,
      options,
    };
  }

  private heredocNode(heredoc: Heredoc): HeredocNode {
    const contentRange = heredoc.getContentRange() ?? undefined;
    const content = contentRange
      ? this.text.slice(this.index.offsetAt(contentRange.start), this.index.offsetAt(contentRange.end))
      : '';
    return { name: heredoc.getName(), contentRange, delimiterRange: heredoc.getDelimiterRange() ?? undefined, content };
  }

  private applyEffects(node: InstructionNode): void {
    switch (node.keyword) {
      case 'ARG':
        this.defineProperties(node, 'arg');
        break;
      case 'ENV':
        this.defineProperties(node, 'env');
        break;
      case 'WORKDIR': {
        const raw = node.args.map((a) => a.value).join(' ');
        const value = expandVariables(raw, node.scope, this.escapeChar).value;
        this.state.workdir = joinPath(this.state.workdir, value);
        this.state.workdirSet = true;
        break;
      }
      case 'USER':
        this.state.user = node.args[0] ? expandVariables(node.args[0].value, node.scope, this.escapeChar).value : undefined;
        break;
      case 'SHELL':
        if (node.jsonArgs && node.jsonArgs.length > 0) {
          this.state.shell = { command: node.jsonArgs, posix: isPosixShell(node.jsonArgs[0]) };
        }
        break;
      default:
        break;
    }
    if (node.keyword === 'COPY' || node.keyword === 'ADD') {
      const fromFlag = node.flags.find((f) => f.name.toLowerCase() === 'from');
      if (fromFlag?.value !== undefined && fromFlag.valueRange && this.current) {
        const reference = expandVariables(fromFlag.value, node.scope, this.escapeChar).value;
        this.edges.push({
          kind: 'copy',
          to: this.current,
          from: this.resolveStageReference(reference, this.current),
          reference,
          referenceRange: fromFlag.valueRange,
          instruction: node,
        });
      }
    }
    if (node.keyword === 'RUN' && this.current) {
      for (const flag of node.flags) {
        if (flag.name.toLowerCase() !== 'mount') {
          continue;
        }
        const from = flag.options.find((o) => o.name.toLowerCase() === 'from');
        if (from?.value && from.valueRange) {
          this.edges.push({
            kind: 'mount',
            to: this.current,
            from: this.resolveStageReference(from.value, this.current),
            reference: from.value,
            referenceRange: from.valueRange,
            instruction: node,
          });
        }
      }
    }
  }

  private defineProperties(node: InstructionNode, kind: 'arg' | 'env'): void {
    const properties = contain('dockerfile-ast properties', () => (node.ast as unknown as { getProperties(): Property[] }).getProperties?.() ?? [], [] as Property[]);
    if (properties.length === 0) {
      return;
    }
    const global = !this.current;
    let view = global ? this.globalScope : this.scope;
    for (const property of properties) {
      const name = property.getName();
      const rawValue = property.getValue();
      let value: string | undefined;
      if (rawValue !== null && rawValue !== undefined) {
        value = expandVariables(rawValue, view, this.escapeChar).value;
      } else if (kind === 'arg') {
        // `ARG NAME` in a stage takes the global default, if any.
        value = global ? undefined : this.globalScope.get(name)?.value;
      }
      const sequence = this.history.define({ name, value, kind, instruction: node, nameRange: property.getNameRange() });
      view = new ScopeView(this.history, sequence, global ? undefined : this.inherited);
    }
    if (global) {
      this.globalScope = view;
    }
    this.scope = view;
  }
}

function spanOf(index: TextIndex, range: Range): Span {
  return { range, start: index.offsetAt(range.start), end: index.offsetAt(range.end) };
}

function readDirectives(index: TextIndex): Directive[] {
  const directives: Directive[] = [];
  const seen = new Set<string>();
  for (let line = 0; line < index.lineCount; line++) {
    let text = index.lineText(line);
    let shift = 0;
    if (line === 0 && text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      shift = 1;
    }
    const match = /^(\s*#\s*)([A-Za-z][A-Za-z0-9_-]*)(\s*=\s*)(.*?)\s*$/.exec(text);
    if (!match) {
      break;
    }
    const name = match[2].toLowerCase();
    if (!['syntax', 'escape', 'check'].includes(name) || seen.has(name)) {
      break;
    }
    seen.add(name);
    const lineStart = index.lineStart(line) + shift;
    const nameStart = lineStart + match[1].length;
    const valueStart = nameStart + match[2].length + match[3].length;
    directives.push({
      name,
      value: match[4],
      start: lineStart,
      end: valueStart + match[4].length,
      range: index.rangeOf(lineStart, valueStart + match[4].length),
      nameRange: index.rangeOf(nameStart, nameStart + match[2].length),
      valueRange: index.rangeOf(valueStart, valueStart + match[4].length),
    });
  }
  return directives;
}

function readCheckDirective(directives: readonly Directive[]): CheckDirective | undefined {
  const directive = directives.find((d) => d.name === 'check');
  if (!directive) {
    return undefined;
  }
  let skip: string[] = [];
  let skipAll = false;
  let error = false;
  let experimental: string[] = [];
  let experimentalAll = false;
  for (const part of directive.value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      continue;
    }
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    const list = value.split(',').map((v) => v.trim()).filter((v) => v !== '');
    if (key === 'skip') {
      skipAll = list.some((v) => v.toLowerCase() === 'all');
      skip = list;
    } else if (key === 'error') {
      error = value.toLowerCase() === 'true';
    } else if (key === 'experimental') {
      experimentalAll = list.some((v) => v.toLowerCase() === 'all');
      experimental = list;
    }
  }
  return { directive, skip, skipAll, error, experimental, experimentalAll };
}

/**
 * Joins continuation lines the way BuildKit does: the escape character at the end of a
 * line joins the next, and comment lines inside an instruction are dropped.
 */
export function foldContinuations(text: string, start: number, end: number, escapeChar: string): MappedText {
  const pieces: string[] = [];
  const runs: number[] = [];
  let length = 0;
  let runStart = start;
  const endRun = (at: number): void => {
    if (at > runStart) {
      pieces.push(text.slice(runStart, at));
      runs.push(length, runStart);
      length += at - runStart;
    }
  };
  let i = text.indexOf(escapeChar, start);
  while (i >= 0 && i < end) {
    let j = i + 1;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) {
      j++;
    }
    if (j < end && text[j] !== '\n' && text[j] !== '\r') {
      // An escaped character, not a line continuation.
      i = text.indexOf(escapeChar, i + 1);
      continue;
    }
    if (text[j] === '\r' && text[j + 1] === '\n') {
      j++;
    }
    endRun(i);
    let next = j + 1;
    // Lines that are empty or comments after a continuation are skipped by BuildKit.
    for (;;) {
      let k = next;
      while (k < end && (text[k] === ' ' || text[k] === '\t')) {
        k++;
      }
      if (k < end && (text[k] === '#' || text[k] === '\n' || text[k] === '\r')) {
        while (k < end && text[k] !== '\n') {
          k++;
        }
        next = k + 1;
        continue;
      }
      break;
    }
    runStart = Math.min(next, end);
    i = text.indexOf(escapeChar, runStart);
  }
  endRun(end);
  return { text: pieces.join(''), runs };
}

function parseJsonForm(args: string): string[] | undefined {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(trimmed);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      return value as string[];
    }
  } catch {
    // Not JSON: BuildKit then treats the arguments as shell form.
  }
  return undefined;
}

function joinPath(base: string | undefined, path: string): string {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
    return path;
  }
  const prefix = base ?? '/';
  return prefix.endsWith('/') ? prefix + path : `${prefix}/${path}`;
}

function isPosixShell(executable: string): boolean {
  return !/(^|[\\/])(powershell|pwsh|cmd)(\.exe)?$/i.test(executable);
}

function isWindowsImage(reference: string): boolean {
  return /(^|\/)(windows|nanoserver|servercore|windowsservercore)([:/-]|$)/i.test(reference) || /mcr\.microsoft\.com\/windows/i.test(reference);
}
