// Parses the shell of RUN instructions with mvdan-sh and exposes the simple commands in them.
import { contain } from '../util/contain';

// mvdan-sh ships no types; its AST is reached through this narrow, checked surface.
const mvdan: { syntax: ShSyntax } = require('mvdan-sh');

interface ShPos {
  Offset(): number;
}
interface ShNode {
  Pos(): ShPos;
  End(): ShPos;
  [key: string]: unknown;
}
interface ShSyntax {
  NewParser(...options: unknown[]): { Parse(src: string, name: string): ShNode };
  Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
  NodeType(node: ShNode): string;
  KeepComments(keep: boolean): unknown;
  Variant(lang: unknown): unknown;
  LangBash: unknown;
}

const syntax = mvdan.syntax;
const parser = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));

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

/**
 * The fields that hold child nodes, per node type. mvdan-sh's own `syntax.Walk` calls back
 * into JavaScript through GopherJS for every node and is several times slower than this.
 */
const childFields: Readonly<Record<string, readonly string[]>> = {
  File: ['Stmts'],
  Stmt: ['Cmd', 'Redirs'],
  Redirect: ['Word', 'Hdoc'],
  CallExpr: ['Assigns', 'Args'],
  Assign: ['Value', 'Array'],
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
  DblQuoted: ['Parts'],
  CmdSubst: ['Stmts'],
  ProcSubst: ['Stmts'],
};

/** Visits `node` and its descendants in source order; `visit` returning false skips a node's children. */
function walk(node: ShNode | null | undefined, visit: (node: ShNode) => boolean): void {
  if (!node || !visit(node)) {
    return;
  }
  const fields = childFields[syntax.NodeType(node)];
  if (!fields) {
    return;
  }
  for (const field of fields) {
    const value = node[field] as ShNode | ShNode[] | null | undefined;
    if (Array.isArray(value)) {
      for (const child of value) {
        walk(child, visit);
      }
    } else if (value) {
      walk(value, visit);
    }
  }
}

const operatorCodes = (() => {
  const codeOf = (src: string): unknown => {
    let op: unknown;
    walk(parser.Parse(src, ''), (node) => {
      if (node && syntax.NodeType(node) === 'BinaryCmd' && op === undefined) {
        op = node.Op;
      }
      return true;
    });
    return op;
  };
  return { pipe: codeOf('a | b'), pipeAll: codeOf('a |& b') };
})();

/** A piece of script text together with where each of its characters came from in the document. */
export interface MappedText {
  readonly text: string;
  readonly offsets: readonly number[];
}

const scriptCache = new Map<string, ParsedScript>();
const scriptCacheLimit = 20000;
/** Longer scripts are not parsed: no real RUN is this long, and the parser's cost is not worth it. */
export const maxScriptLength = 64 * 1024;

interface ParsedScript {
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
  if (!parsed) {
    parsed =
      mapped.text.length > maxScriptLength
        ? { commands: [], commandSpans: [], hasPipeline: false, parseError: `script longer than ${maxScriptLength} characters is not parsed` }
        : parseScriptText(mapped.text);
    if (scriptCache.size >= scriptCacheLimit) {
      scriptCache.clear();
    }
    scriptCache.set(mapped.text, parsed);
  }
  const toDocumentOffset = (offset: number): number => {
    if (mapped.offsets.length === 0) {
      return 0;
    }
    if (offset >= mapped.offsets.length) {
      return mapped.offsets[mapped.offsets.length - 1] + 1;
    }
    return mapped.offsets[Math.max(0, offset)];
  };
  const mapEnd = (end: number): number => (end <= 0 ? toDocumentOffset(0) : toDocumentOffset(end - 1) + 1);
  const commands: ShellCommand[] = parsed.commands.map((command, i) => {
    const span = parsed!.commandSpans[i];
    const words = span.words.map((w) => ({ ...w, start: toDocumentOffset(w.start), end: mapEnd(w.end) }));
    const assignments = span.assignments.map((a) => ({ ...a, start: toDocumentOffset(a.start), end: mapEnd(a.end) }));
    return {
      ...command,
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

function parseScriptText(text: string): ParsedScript {
  const byteToChar = byteToCharMap(text);
  const charOffset = (pos: ShPos): number => {
    const byte = pos.Offset();
    return byteToChar ? (byteToChar[byte] ?? text.length) : byte;
  };
  return contain<ParsedScript>(
    'mvdan-sh parse',
    () => {
      let file: ShNode;
      try {
        file = parser.Parse(text, '');
      } catch (error) {
        return { commands: [], commandSpans: [], hasPipeline: false, parseError: shellErrorMessage(error) };
      }
      const commands: ParsedScript['commands'][number][] = [];
      const commandSpans: ParsedScript['commandSpans'][number][] = [];
      let hasPipeline = false;
      const visit = (node: ShNode | null, inPipeline: boolean): void => {
        if (!node) {
          return;
        }
        walk(node, (child) => {
          if (!child) {
            return true;
          }
          const type = syntax.NodeType(child);
          if (type === 'BinaryCmd' && (child.Op === operatorCodes.pipe || child.Op === operatorCodes.pipeAll)) {
            hasPipeline = true;
            visit(child.X as ShNode, true);
            visit(child.Y as ShNode, true);
            return false;
          }
          if (type === 'CallExpr') {
            const args = (child.Args as ShNode[] | null) ?? [];
            if (args.length > 0) {
              const words = args.map((word) => shellWord(word, text, charOffset));
              const assignments = ((child.Assigns as ShNode[] | null) ?? []).map((assign) => shellAssignment(assign, text, charOffset));
              commands.push({ name: words[0].value, inPipeline, index: commands.length });
              commandSpans.push({ start: charOffset(child.Pos()), end: charOffset(child.End()), words, assignments });
            }
            // Keep walking: command substitutions inside arguments hold commands too.
            return true;
          }
          if (type === 'DeclClause' && child.Variant) {
            // `export A=1` is a declaration, not a call, in the parser; rules need it as a command all the same.
            const variant = shellWord(child.Variant as ShNode, text, charOffset);
            const assignments = ((child.Args as ShNode[] | null) ?? [])
              .filter((assign) => assign.Name)
              .map((assign) => shellAssignment(assign, text, charOffset));
            commands.push({ name: variant.value, inPipeline, index: commands.length });
            commandSpans.push({ start: charOffset(child.Pos()), end: charOffset(child.End()), words: [variant], assignments });
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

function shellWord(word: ShNode, text: string, charOffset: (pos: ShPos) => number): ParsedScript['commandSpans'][number]['words'][number] {
  const start = charOffset(word.Pos());
  const end = charOffset(word.End());
  const { value, literal } = syntax.NodeType(word) === 'Lit' ? { value: String(word.Value), literal: true } : wordValue(word, text, charOffset);
  return { value, raw: text.slice(start, end), literal, start, end };
}

function shellAssignment(assign: ShNode, text: string, charOffset: (pos: ShPos) => number): ParsedScript['commandSpans'][number]['assignments'][number] {
  const value = assign.Value ? wordValue(assign.Value as ShNode, text, charOffset).value : undefined;
  return { name: String((assign.Name as ShNode).Value), value, start: charOffset(assign.Pos()), end: charOffset(assign.End()) };
}

function wordValue(word: ShNode, text: string, charOffset: (pos: ShPos) => number): { value: string; literal: boolean } {
  const parts = (word.Parts as ShNode[] | null) ?? [];
  let value = '';
  let literal = true;
  for (const part of parts) {
    const type = syntax.NodeType(part);
    if (type === 'Lit') {
      value += unescapeLiteral(String(part.Value));
    } else if (type === 'SglQuoted') {
      value += String(part.Value);
    } else if (type === 'DblQuoted') {
      for (const inner of (part.Parts as ShNode[] | null) ?? []) {
        if (syntax.NodeType(inner) === 'Lit') {
          value += String(inner.Value);
        } else {
          literal = false;
          value += text.slice(charOffset(inner.Pos()), charOffset(inner.End()));
        }
      }
    } else {
      literal = false;
      value += text.slice(charOffset(part.Pos()), charOffset(part.End()));
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
