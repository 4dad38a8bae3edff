// Parses the shell of RUN instructions with mvdan-sh and exposes the simple commands in them.
import { contain } from '../util/contain';

interface ShSyntax {
  NewParser(...options: unknown[]): { Parse(src: string, name: string): unknown };
  KeepComments(keep: boolean): unknown;
  Variant(lang: unknown): unknown;
  LangBash: unknown;
}

/** Parses a script and returns mvdan-sh's Go `*syntax.File`; throws the parser's error for invalid shell. */
type GoParse = (src: string) => GoValue;

let parser: GoParse | undefined;
let parserIsDirect = false;

/**
 * mvdan-sh is loaded on the first RUN to parse, not with the server: it is most of the
 * bundle, and its Go runtime initialisation would otherwise delay the answer to `initialize`.
 * It ships no types; it is reached through the narrow `ShSyntax` surface.
 */
function shellParser(): GoParse {
  if (!parser) {
    const wrapper = newWrapperParser();
    const direct = directGoParse(wrapper);
    parserIsDirect = direct !== undefined;
    parser = direct ?? wrapperGoParse(wrapper);
  }
  return parser;
}

function newWrapperParser(): { Parse(src: string, name: string): unknown } {
  const syntax = (require('mvdan-sh') as { syntax: ShSyntax }).syntax;
  return syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
}

/** Parses through mvdan-sh's JavaScript API and reads the Go tree behind the wrapper it returns. */
function wrapperGoParse(wrapper: { Parse(src: string, name: string): unknown }): GoParse {
  return (src) => {
    const file = (wrapper.Parse(src, '') as { __internal_object__?: GoValue }).__internal_object__;
    if (!file) {
      throw new Error('mvdan-sh returned a tree of an unexpected shape');
    }
    return file;
  };
}

/** For tests: whether scripts are parsed by calling the Go parser directly (the fast path). */
export function shellParserIsDirectForTest(): boolean {
  shellParser();
  return parserIsDirect;
}

/** For tests: `parseScriptText` through mvdan-sh's own JavaScript API instead of the direct call. */
export function parseScriptTextThroughWrapperForTest(text: string): ParsedScript {
  const direct = shellParser();
  parser = wrapperGoParse(newWrapperParser());
  try {
    return parseScriptText(text);
  } finally {
    parser = direct;
  }
}

/**
 * mvdan-sh's JavaScript `Parse` wraps the resulting tree with GopherJS' reflection-based
 * `MakeFullWrapper`, which cost ~120 µs per call whatever the script's length: most of the
 * parse time of a typical RUN, and a third of the corpus's. We only read the Go values
 * behind the wrapper, so this calls the Go parser itself, with the `*strings.Reader` the
 * wrapper left in the parser after a first parse, reset to each new script. Undefined when
 * mvdan-sh's internals do not have the expected shape; the wrapper is used then.
 */
function directGoParse(wrapper: { Parse(src: string, name: string): unknown }): GoParse | undefined {
  type GoParser = { Parse(reader: unknown, name: string): [GoValue, unknown]; src?: { Reset?(src: string): void; constructor?: { string?: string } } };
  try {
    wrapper.Parse('', '');
    const goParser = (wrapper as { __internal_object__?: { Parser?: GoParser } }).__internal_object__?.Parser;
    const reader = goParser?.src;
    if (typeof goParser?.Parse !== 'function' || typeof reader?.Reset !== 'function' || reader.constructor?.string !== '*strings.Reader') {
      return undefined;
    }
    reader.Reset('');
    const noError = goParser.Parse(reader, '')[1];
    const parse: GoParse = (src) => {
      reader.Reset!(goBytes(src));
      const [file, error] = goParser.Parse(reader, '');
      if (error !== noError) {
        throw error;
      }
      return file;
    };
    return (parse('a | b') as GoValue).constructor?.string === '*syntax.File' ? parse : undefined;
  } catch {
    return undefined;
  }
}

/** GopherJS keeps Go strings as one character per UTF-8 byte; the wrapper converted for us. */
function goBytes(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) {
    return text;
  }
  let bytes = '';
  for (const byte of new TextEncoder().encode(text)) {
    bytes += String.fromCharCode(byte);
  }
  return bytes;
}

/** A word of a simple command: its literal value when it has one, and where it stands in the document. */
export interface ShellWord {
  /** The word with quotes removed; parameter expansions and substitutions are kept as written. */
  readonly value: string;
  /** The word exactly as written. */
  readonly raw: string;
  /** True when the word is one literal (no expansion or substitution). */
  readonly literal: boolean;
  /** Document offsets. */
  readonly start: number;
  readonly end: number;
}

/** A variable assignment: `NAME=value` before a command, or one declared by `export`/`declare`/`readonly`/`local`. */
export interface ShellAssignment {
  readonly name: string;
  /** The value with quotes removed; undefined for `export NAME` with no value. */
  readonly value: string | undefined;
  /** Document offsets of the whole assignment. */
  readonly start: number;
  readonly end: number;
}

/** A simple command such as `apt-get install -y curl`, or a declaration such as `export A=1` (named `export`). */
export interface ShellCommand {
  readonly name: string;
  readonly words: readonly ShellWord[];
  /** Arguments after the command name. */
  readonly args: readonly ShellWord[];
  /** Document offsets of the whole command. */
  readonly start: number;
  readonly end: number;
  /** True when the command is a stage of a pipeline (`a | b`). */
  readonly inPipeline: boolean;
  /** Index of the command in source order within its script. */
  readonly index: number;
  /** `NAME=value` prefixes of a simple command; the variables of a declaration. */
  readonly assignments: readonly ShellAssignment[];
}

export interface ShellScript {
  /** The script as the shell receives it (continuations folded). */
  readonly text: string;
  /** Commands in source order; empty when the script did not parse. */
  readonly commands: readonly ShellCommand[];
  /** The parser's message when the script is not valid shell. */
  readonly parseError?: string;
  /** True when a pipeline (`|`) appears anywhere in the script. */
  readonly hasPipeline: boolean;
  /** Maps an offset in `text` to the document offset. */
  toDocumentOffset(offset: number): number;
}

interface GoValue {
  readonly constructor: { readonly string?: string; readonly nil?: unknown };
  readonly $array?: GoValue[];
  readonly $offset?: number;
  readonly $length?: number;
  Pos?(): { offs: number };
  End?(): { offs: number };
  readonly [field: string]: unknown;
}

const latin1 = (bytes: string): string => {
  // GopherJS keeps Go strings as one character per UTF-8 byte.
  if (!/[^\x00-\x7f]/.test(bytes)) {
    return bytes;
  }
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    array[i] = bytes.charCodeAt(i) & 0xff;
  }
  return new TextDecoder().decode(array);
};

function isNil(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'object' && (value as GoValue).constructor?.nil === value);
}

/**
 * A syntax node of mvdan-sh, read from the Go values behind its JavaScript wrappers (the
 * `__internal_object__` GopherJS keeps): reading them costs nanoseconds, where every field read
 * through the wrappers copied and wrapped whole slices. Fields and positions are read when
 * asked for: a node's `End()` walks down to its last child, and copying every node's fields
 * and positions up front was a third of the shell parse's time.
 */
class ShellNode {
  constructor(
    private readonly go: GoValue,
    readonly type: string,
  ) {}

  /** UTF-8 byte offsets, as mvdan-sh counts. */
  get pos(): number {
    return this.go.Pos ? this.go.Pos().offs : 0;
  }

  get end(): number {
    return this.go.End ? this.go.End().offs : 0;
  }

  /** `Lit.Value`, `SglQuoted.Value`, decoded to JavaScript text. */
  get value(): string | undefined {
    const raw = this.go.Value;
    return typeof raw === 'string' ? latin1(raw) : undefined;
  }

  get op(): number | undefined {
    return typeof this.go.Op === 'number' ? this.go.Op : undefined;
  }

  /** The child node (or list of them) in Go field `name`. */
  field(name: string): ShellNode | ShellNode[] | undefined {
    const value = this.go[name] as GoValue | undefined;
    if (isNil(value)) {
      return undefined;
    }
    if (value!.$array === undefined) {
      return shellNode(value!);
    }
    const items: ShellNode[] = [];
    for (let i = 0; i < (value!.$length ?? 0); i++) {
      const item = shellNode(value!.$array[(value!.$offset ?? 0) + i]);
      if (item) {
        items.push(item);
      }
    }
    return items;
  }

  /** The child in field `name` when it is one node. */
  node(name: string): ShellNode | undefined {
    const child = this.field(name);
    return Array.isArray(child) ? undefined : child;
  }

  /** The children in field `name` when it is a list. */
  list(name: string): ShellNode[] {
    const child = this.field(name);
    return Array.isArray(child) ? child : [];
  }
}

/** Node type names (`CallExpr`) per Go type, computed once per type. */
const typeNames = new Map<unknown, string>();

function shellNode(go: GoValue): ShellNode | undefined {
  if (isNil(go)) {
    return undefined;
  }
  let type = typeNames.get(go.constructor);
  if (type === undefined) {
    type = (go.constructor.string ?? '').replace(/^\*?syntax\./, '');
    typeNames.set(go.constructor, type);
  }
  return new ShellNode(go, type);
}

/** Parses with mvdan-sh; throws the parser's error for invalid shell. */
function parseTree(src: string): ShellNode {
  const file = shellNode(shellParser()(src));
  if (!file || file.type !== 'File') {
    throw new Error('mvdan-sh returned a tree of an unexpected shape');
  }
  return file;
}

/**
 * The fields that hold child nodes, per node type (mvdan-sh's Go field names).
 */
const childFields: Readonly<Record<string, readonly string[]>> = {
  File: ['Stmts'],
  Stmt: ['Cmd', 'Redirs'],
  Redirect: ['Word', 'Hdoc'],
  CallExpr: ['Assigns', 'Args'],
  Assign: ['Name', 'Value', 'Array'],
  ArrayExpr: ['Elems'],
  ArrayElem: ['Value'],
  BinaryCmd: ['X', 'Y'],
  Subshell: ['Stmts'],
  Block: ['Stmts'],
  IfClause: ['Cond', 'Then', 'Else'],
  WhileClause: ['Cond', 'Do'],
  ForClause: ['Loop', 'Do'],
  WordIter: ['Items'],
  CaseClause: ['Word', 'Items'],
  CaseItem: ['Patterns', 'Stmts'],
  FuncDecl: ['Body'],
  DeclClause: ['Variant', 'Args'],
  TimeClause: ['Stmt'],
  CoprocClause: ['Stmt'],
  Word: ['Parts'],
  Lit: [],
  SglQuoted: [],
  DblQuoted: ['Parts'],
  CmdSubst: ['Stmts'],
  ProcSubst: ['Stmts'],
};

/** Visits `node` and its descendants in source order; `visit` returning false skips a node's children. */
function walk(node: ShellNode | undefined, visit: (node: ShellNode) => boolean): void {
  if (!node || !visit(node)) {
    return;
  }
  for (const field of childFields[node.type] ?? []) {
    const value = node.field(field);
    if (Array.isArray(value)) {
      for (const child of value) {
        walk(child, visit);
      }
    } else if (value) {
      walk(value, visit);
    }
  }
}

let operatorCodes: { readonly pipe: number | undefined; readonly pipeAll: number | undefined } | undefined;

/** mvdan-sh's numeric codes for `|` and `|&`, read from parses of tiny scripts the first time they are needed. */
function pipeOperatorCodes(): { readonly pipe: number | undefined; readonly pipeAll: number | undefined } {
  const codeOf = (src: string): number | undefined => {
    let op: number | undefined;
    walk(parseTree(src), (node) => {
      if (node.type === 'BinaryCmd' && op === undefined) {
        op = node.op;
      }
      return true;
    });
    return op;
  };
  operatorCodes ??= { pipe: codeOf('a | b'), pipeAll: codeOf('a |& b') };
  return operatorCodes;
}

/**
 * A piece of script text together with where its characters came from in the document:
 * `runs` holds pairs (offset in `text`, document offset) that each start a stretch of
 * characters copied in one piece. Folding continuations only breaks the text at line ends,
 * so a script has a few runs, not one number per character (that array was a tenth of the
 * model's memory on a large file).
 */
export interface MappedText {
  readonly text: string;
  readonly runs: readonly number[];
}

/** The text of `text` from `start` to `end`, mapped to itself. */
export function identityMapped(text: string, start: number, end: number): MappedText {
  return { text: text.slice(start, end), runs: end > start ? [0, start] : [] };
}

/** `first` followed by `second`. */
export function concatMapped(first: MappedText, second: MappedText): MappedText {
  const runs = [...first.runs];
  for (let i = 0; i < second.runs.length; i += 2) {
    runs.push(second.runs[i] + first.text.length, second.runs[i + 1]);
  }
  return { text: first.text + second.text, runs };
}

/** The document offset of character `offset` of `mapped.text`; past the end, one after the last character's. */
export function documentOffsetOf(mapped: MappedText, offset: number): number {
  const { runs, text } = mapped;
  if (runs.length === 0) {
    return 0;
  }
  if (offset >= text.length) {
    return documentOffsetOf(mapped, text.length - 1) + 1;
  }
  const at = Math.max(0, offset);
  // The last run that starts at or before `at`.
  let low = 0;
  let high = runs.length / 2 - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (runs[middle * 2] <= at) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return runs[low * 2 + 1] + (at - runs[low * 2]);
}

const scriptCache = new Map<string, ParsedScript>();
const scriptCacheLimit = 20000;
/** Longer scripts are not parsed: no real RUN is this long, and the parser's cost is not worth it. */
export const maxScriptLength = 64 * 1024;

/** What a parse of a script yields, before its offsets are mapped into a document; plain data, so a worker thread can send it. */
export interface ParsedScript {
  readonly commands: readonly Omit<ShellCommand, 'start' | 'end' | 'words' | 'args' | 'assignments'>[];
  readonly commandSpans: readonly {
    start: number;
    end: number;
    words: { value: string; raw: string; literal: boolean; start: number; end: number }[];
    assignments: { name: string; value: string | undefined; start: number; end: number }[];
  }[];
  readonly parseError?: string;
  readonly hasPipeline: boolean;
}

/**
 * Parses `mapped.text` as a POSIX/bash script. Results are cached by text, so an edit
 * elsewhere in the file does not parse an unchanged RUN again.
 */
export function parseShell(mapped: MappedText): ShellScript {
  let parsed = scriptCache.get(mapped.text);
  if (!parsed && collecting !== undefined && !shellParserLoaded()) {
    // A dry run that lists the scripts to parse elsewhere: this model is thrown away.
    collecting.add(mapped.text);
    return { text: mapped.text, commands: [], hasPipeline: false, toDocumentOffset: (offset) => documentOffsetOf(mapped, offset) };
  }
  if (!parsed) {
    parsed = parseScriptText(mapped.text);
    if (scriptCache.size >= scriptCacheLimit) {
      scriptCache.clear();
    }
    scriptCache.set(mapped.text, parsed);
  }
  const toDocumentOffset = (offset: number): number => documentOffsetOf(mapped, offset);
  const mapEnd = (end: number): number => (end <= 0 ? toDocumentOffset(0) : toDocumentOffset(end - 1) + 1);
  const commands: ShellCommand[] = parsed.commands.map((command, i) => {
    const span = parsed!.commandSpans[i];
    const words: ShellWord[] = span.words.map((w) => ({ value: w.value, raw: w.raw, literal: w.literal, start: toDocumentOffset(w.start), end: mapEnd(w.end) }));
    const assignments: ShellAssignment[] = span.assignments.map((a) => ({ name: a.name, value: a.value, start: toDocumentOffset(a.start), end: mapEnd(a.end) }));
    return {
      name: command.name,
      inPipeline: command.inPipeline,
      index: command.index,
      words,
      assignments,
      args: words.slice(1),
      start: toDocumentOffset(span.start),
      end: mapEnd(span.end),
    };
  });
  return {
    text: mapped.text,
    commands,
    parseError: parsed.parseError,
    hasPipeline: parsed.hasPipeline,
    toDocumentOffset,
  };
}

let collecting: Set<string> | undefined;

/**
 * Runs `build` (a model build) without parsing any shell in this thread, and returns the
 * scripts it would have parsed. Only while mvdan-sh is not loaded here: the server's first
 * analysis has them parsed by a worker thread that loaded mvdan-sh in parallel with the
 * server's own start (see server/src/shellWorker.ts), then builds the model again.
 */
export function scriptsToParse(build: () => void): string[] {
  collecting = new Set();
  try {
    build();
    return [...collecting];
  } finally {
    collecting = undefined;
  }
}

/** Puts scripts parsed elsewhere (a worker thread) in the cache. */
export function rememberParsedScripts(scripts: readonly (readonly [string, ParsedScript])[]): void {
  for (const [text, parsed] of scripts) {
    if (scriptCache.size >= scriptCacheLimit) {
      scriptCache.clear();
    }
    scriptCache.set(text, parsed);
  }
}

/** True once mvdan-sh is loaded in this thread. */
export function shellParserLoaded(): boolean {
  return parser !== undefined;
}

/** Loads mvdan-sh in this thread now rather than on the first RUN to parse. */
export function loadShellParser(): void {
  shellParser();
}

/** Parses one script as `parseShell` does, without caching or mapping; what the worker thread runs. */
export function parseScriptText(text: string): ParsedScript {
  if (text.length > maxScriptLength) {
    return { commands: [], commandSpans: [], hasPipeline: false, parseError: `script longer than ${maxScriptLength} characters is not parsed` };
  }
  const byteToChar = byteToCharMap(text);
  const charOffset = (byte: number): number => (byteToChar ? (byteToChar[byte] ?? text.length) : byte);
  return contain<ParsedScript>(
    'mvdan-sh parse',
    () => {
      let file: ShellNode;
      try {
        file = parseTree(text);
      } catch (error) {
        return { commands: [], commandSpans: [], hasPipeline: false, parseError: shellErrorMessage(error) };
      }
      const commands: ParsedScript['commands'][number][] = [];
      const commandSpans: ParsedScript['commandSpans'][number][] = [];
      let hasPipeline = false;
      const pipes = pipeOperatorCodes();
      const visit = (node: ShellNode | undefined, inPipeline: boolean): void => {
        walk(node, (child) => {
          if (child.type === 'BinaryCmd' && (child.op === pipes.pipe || child.op === pipes.pipeAll)) {
            hasPipeline = true;
            visit(child.node('X'), true);
            visit(child.node('Y'), true);
            return false;
          }
          if (child.type === 'CallExpr') {
            const args = child.list('Args');
            if (args.length > 0) {
              const words = args.map((word) => shellWord(word, text, charOffset));
              const assignments = child.list('Assigns').map((assign) => shellAssignment(assign, text, charOffset));
              commands.push({ name: words[0].value, inPipeline, index: commands.length });
              commandSpans.push({ start: charOffset(child.pos), end: charOffset(child.end), words, assignments });
            }
            // Keep walking: command substitutions inside arguments hold commands too.
            return true;
          }
          if (child.type === 'DeclClause' && child.node('Variant')) {
            // `export A=1` is a declaration, not a call, in the parser; rules need it as a command all the same.
            const variant = shellWord(child.node('Variant')!, text, charOffset);
            const assignments = child.list('Args')
              .filter((assign) => assign.node('Name'))
              .map((assign) => shellAssignment(assign, text, charOffset));
            commands.push({ name: variant.value, inPipeline, index: commands.length });
            commandSpans.push({ start: charOffset(child.pos), end: charOffset(child.end), words: [variant], assignments });
            return true;
          }
          return true;
        });
      };
      visit(file, false);
      return { commands, commandSpans, hasPipeline };
    },
    { commands: [], commandSpans: [], hasPipeline: false, parseError: 'internal shell parser failure' },
  );
}

function shellWord(word: ShellNode, text: string, charOffset: (byte: number) => number): ParsedScript['commandSpans'][number]['words'][number] {
  const start = charOffset(word.pos);
  const end = charOffset(word.end);
  const { value, literal } = word.type === 'Lit' ? { value: word.value ?? '', literal: true } : wordValue(word, text, charOffset);
  return { value, raw: text.slice(start, end), literal, start, end };
}

function shellAssignment(assign: ShellNode, text: string, charOffset: (byte: number) => number): ParsedScript['commandSpans'][number]['assignments'][number] {
  const valueWord = assign.node('Value');
  const value = valueWord ? wordValue(valueWord, text, charOffset).value : undefined;
  return { name: assign.node('Name')?.value ?? '', value, start: charOffset(assign.pos), end: charOffset(assign.end) };
}

function wordValue(word: ShellNode, text: string, charOffset: (byte: number) => number): { value: string; literal: boolean } {
  const parts = word.list('Parts');
  let value = '';
  let literal = true;
  for (const part of parts) {
    if (part.type === 'Lit') {
      value += unescapeLiteral(part.value ?? '');
    } else if (part.type === 'SglQuoted') {
      value += part.value ?? '';
    } else if (part.type === 'DblQuoted') {
      for (const inner of part.list('Parts')) {
        if (inner.type === 'Lit') {
          value += inner.value ?? '';
        } else {
          literal = false;
          value += text.slice(charOffset(inner.pos), charOffset(inner.end));
        }
      }
    } else {
      literal = false;
      value += text.slice(charOffset(part.pos), charOffset(part.end));
    }
  }
  return { value, literal };
}

function unescapeLiteral(value: string): string {
  return value.includes('\\') ? value.replace(/\\(.)/gs, '$1') : value;
}

function shellErrorMessage(error: unknown): string {
  const withError = error as { Error?: () => string } | undefined;
  if (withError && typeof withError.Error === 'function') {
    return withError.Error();
  }
  return error instanceof Error ? error.message : String(error);
}

/** GopherJS reports UTF-8 byte offsets; JavaScript strings count UTF-16 units. */
function byteToCharMap(text: string): number[] | undefined {
  if (!/[^\x00-\x7f]/.test(text)) {
    return undefined;
  }
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) {
      map.push(i);
    }
    if (code >= 0x10000) {
      i++;
    }
  }
  map.push(text.length);
  return map;
}
