// Parses the shell of RUN instructions with unbash and exposes the simple commands in them.
import { parse as parseBash, forEachChild, type Assignment, type Command, type ParsedScript as BashScript, type SyntaxNode, type Word } from 'unbash';
import { contain } from '../util/contain';

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

/** Characters `start` to `end` of `mapped.text`, with their document offsets. */
function sliceMapped(mapped: MappedText, start: number, end: number): MappedText {
  const runs: number[] = end > start ? [0, documentOffsetOf(mapped, start)] : [];
  for (let i = 0; i < mapped.runs.length; i += 2) {
    if (mapped.runs[i] > start && mapped.runs[i] < end) {
      runs.push(mapped.runs[i] - start, mapped.runs[i + 1]);
    }
  }
  return { text: mapped.text.slice(start, end), runs };
}

/**
 * `mapped` without the carriage return of each CRLF line end. Heredoc bodies are taken from
 * the document as they are; in a CRLF file the shell would otherwise read `pipefail\r` and
 * `do\r`. (A RUN's own lines are joined by `foldContinuations`, which skips them.)
 */
export function withoutCarriageReturns(mapped: MappedText): MappedText {
  if (!mapped.text.includes('\r')) {
    return mapped;
  }
  const pieces: string[] = [];
  const runs: number[] = [];
  let length = 0;
  const keep = (start: number, end: number): void => {
    const slice = sliceMapped(mapped, start, end);
    for (let i = 0; i < slice.runs.length; i += 2) {
      runs.push(slice.runs[i] + length, slice.runs[i + 1]);
    }
    pieces.push(slice.text);
    length += slice.text.length;
  };
  let from = 0;
  const lineEnd = /\r(?=\n|$)/g;
  for (let match = lineEnd.exec(mapped.text); match; match = lineEnd.exec(mapped.text)) {
    keep(from, match.index);
    from = match.index + 1;
  }
  keep(from, mapped.text.length);
  return { text: pieces.join(''), runs };
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

/** What a parse of a script yields, before its offsets are mapped into a document (cached by script text). */
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

/** The commands keywords that declare variables; the parser also takes `alias`, which is a plain command to the rules. */
const declarations = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
const variableName = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Characters without which a word has no expansion, substitution or extended glob. */
const mayExpand = /[$`(]/;
/** Text without which a word or heredoc body holds no command: `$(`, backquotes, `<(`, `>(`, bash 5.3's `${ cmd; }`. */
const mayHoldCommand = /\$\(|`|[<>]\(|\$\{[\s|]/;

type CommandSpan = ParsedScript['commandSpans'][number];

/** Parses one script as `parseShell` does, without caching or mapping. */
export function parseScriptText(text: string): ParsedScript {
  if (text.length > maxScriptLength) {
    return { commands: [], commandSpans: [], hasPipeline: false, parseError: `script longer than ${maxScriptLength} characters is not parsed` };
  }
  return contain<ParsedScript>(
    'unbash parse',
    () => {
      const failed = (message: string, pos: number): ParsedScript => ({ commands: [], commandSpans: [], hasPipeline: false, parseError: errorMessage(text, message, pos) });
      const script = parseBash(text);
      // unbash recovers from errors; the result is thrown away then, so nothing more is
      // parsed: walking on would parse every substitution left open, each to the end of the text.
      const first = script.errors?.[0];
      if (first) {
        return failed(first.message, first.pos);
      }
      const commands: ParsedScript['commands'][number][] = [];
      const commandSpans: CommandSpan[] = [];
      let hasPipeline = false;
      let error: { message: string; pos: number } | undefined;
      /**
       * `at` places a position of the script being walked in `text`; it is undefined at the
       * top and in substitutions unbash parses in place, and set inside a backquoted
       * substitution whose escapes unbash decoded into a text of its own (`source`).
       */
      const visit = (node: SyntaxNode, inPipeline: boolean, at: Placement | undefined, depth: number): void => {
        if (error) {
          return;
        }
        switch (node.type) {
          case 'Script': {
            // A substitution is parsed when first visited and reports its own errors.
            const nested = (node as BashScript).errors?.[0];
            if (nested) {
              error = { message: nested.message, pos: at ? at.place(nested.pos) : nested.pos };
              return;
            }
            for (const statement of node.commands) {
              visit(statement.command, inPipeline, at, depth);
            }
            return;
          }
          case 'CompoundList':
          case 'AndOr':
            for (const child of node.commands) {
              visit(child, inPipeline, at, depth);
            }
            return;
          case 'Statement':
            visit(node.command, inPipeline, at, depth);
            return;
          case 'Pipeline':
            if (node.commands.length > 1) {
              hasPipeline = true;
              inPipeline = true;
            }
            for (const child of node.commands) {
              visit(child, inPipeline, at, depth);
            }
            return;
          case 'Command': {
            const span = commandSpan(node);
            if (span) {
              commands.push({ name: span.words[0].value, inPipeline, index: commands.length });
              commandSpans.push(at ? placeSpan(span, at, text) : span);
            }
            // Substitutions in its words, assignments and redirections hold commands too.
            break;
          }
          case 'CommandExpansion':
          case 'ProcessSubstitution':
          case 'ArithmeticCommandExpansion': {
            if (depth >= maxSubstitutionDepth) {
              error = { message: `command substitutions nested more than ${maxSubstitutionDepth} deep are not analysed`, pos: at ? at.place(node.pos) : node.pos };
              return;
            }
            const nested = node.script;
            if (nested) {
              visit(nested, inPipeline, nested.source === undefined ? at : decodedPlacement(node.pos + 1, nested.source, at ? at.source : text, at), depth + 1);
            }
            return;
          }
          case 'Word':
            // Only a word that may hold a substitution is read part by part (parts are made on demand).
            if (!mayHoldCommand.test(node.text)) {
              return;
            }
            break;
          case 'HereDocBody':
            // A body (often a whole configuration file) holds commands only in substitutions.
            if (!mayHoldCommand.test(node.text)) {
              return;
            }
            break;
          case 'Literal':
          case 'SingleQuoted':
          case 'AnsiCQuoted':
          case 'SimpleExpansion':
          case 'Glob':
          case 'HereDocDelimiter':
          case 'FileDescriptor':
          case 'FileDescriptorVariable':
            return;
        }
        forEachChild(node, (child) => visit(child, inPipeline, at, depth));
      };
      visit(script, false, undefined, 0);
      if (error) {
        return failed(error.message, error.pos);
      }
      return { commands, commandSpans, hasPipeline };
    },
    { commands: [], commandSpans: [], hasPipeline: false, parseError: 'internal shell parser failure' },
  );
}

/**
 * Deeper substitutions are not walked: each level is parsed apart by unbash (so the cost
 * grows with length × depth), and our walk recurses per level. No real RUN nests this deep.
 */
const maxSubstitutionDepth = 32;

/** Where the positions of a decoded backquoted script lie in the parsed text. */
interface Placement {
  /** The decoded text the positions index. */
  readonly source: string;
  place(pos: number): number;
}

/**
 * Inside backquotes a backslash before `$`, `` ` ``, `\` (and `"` within double quotes) is
 * removed before the inner script is parsed, and unbash gives that script its own decoded
 * text. Aligning the decoded text with the written one (only backslashes were dropped) maps
 * its positions back, through the enclosing placement when backquotes nest.
 */
function decodedPlacement(bodyStart: number, decoded: string, outerSource: string, outer: Placement | undefined): Placement {
  const toWritten = new Array<number>(decoded.length + 1);
  let written = bodyStart;
  for (let i = 0; i < decoded.length; i++) {
    // A character that lost its backslash starts where the backslash was written.
    toWritten[i] = written;
    if (outerSource[written] !== decoded[i] && outerSource[written] === '\\') {
      written++;
    }
    written++;
  }
  toWritten[decoded.length] = written;
  const place = (pos: number): number => {
    const inOuter = toWritten[Math.max(0, Math.min(pos, decoded.length))];
    return outer ? outer.place(inOuter) : inOuter;
  };
  return { source: decoded, place };
}

/** A command span of a decoded script, with its offsets (and its words as written) in the parsed text. */
function placeSpan(span: CommandSpan, at: Placement, text: string): CommandSpan {
  const start = (pos: number): number => at.place(pos);
  const end = (pos: number): number => (pos > 0 ? at.place(pos - 1) + 1 : at.place(0));
  return {
    start: start(span.start),
    end: end(span.end),
    words: span.words.map((word) => {
      const wordStart = start(word.start);
      const wordEnd = end(word.end);
      return { value: word.value, raw: text.slice(wordStart, wordEnd), literal: word.literal, start: wordStart, end: wordEnd };
    }),
    assignments: span.assignments.map((assignment) => ({ ...assignment, start: start(assignment.start), end: end(assignment.end) })),
  };
}

/**
 * The words and assignments of a command, or undefined for one without a name (`A=1` alone).
 * Its span runs from the first assignment or word to the last, redirections left out, as the
 * rules' ranges expect. A declaration (`export A=1 B`) is one word, its name; the variables it
 * declares are its assignments (`B` with no value).
 */
function commandSpan(command: Command): CommandSpan | undefined {
  if (!command.name) {
    return undefined;
  }
  const name = command.name;
  const words = [shellWord(name)];
  const assignments: CommandSpan['assignments'] = [];
  let start = name.pos;
  let end = name.end;
  for (const prefix of command.prefix) {
    if (prefix.type === 'Assignment') {
      assignments.push(shellAssignment(prefix, prefix.name));
      start = Math.min(start, prefix.pos);
    }
  }
  const declaration = declarations.has(name.text);
  for (const argument of command.suffix) {
    if (argument.type === 'Word') {
      if (!declaration) {
        words.push(shellWord(argument));
      } else if (variableName.test(argument.text)) {
        assignments.push({ name: argument.text, value: undefined, start: argument.pos, end: argument.end });
      }
    } else if (argument.type === 'Assignment') {
      if (declaration) {
        assignments.push(shellAssignment(argument, argument.name));
      } else {
        // `alias ll='ls -l'`: an argument like any other, `ll=ls -l`.
        const value = argument.value;
        const written = argument.text.slice(0, value.pos - argument.pos);
        words.push(value.type === 'Word'
          ? { value: written + value.value, raw: argument.text, literal: isLiteral(value), start: argument.pos, end: argument.end }
          : { value: argument.text, raw: argument.text, literal: false, start: argument.pos, end: argument.end });
      }
    } else {
      continue;
    }
    end = Math.max(end, argument.end);
  }
  return { start, end, words, assignments };
}

function shellWord(word: Word): CommandSpan['words'][number] {
  return { value: word.value, raw: word.text, literal: isLiteral(word), start: word.pos, end: word.end };
}

function shellAssignment(assignment: Assignment, name: string): CommandSpan['assignments'][number] {
  const value = assignment.value.type === 'Word' ? assignment.value.value : undefined;
  return { name, value, start: assignment.pos, end: assignment.end };
}

/** True when the word is literal text: quotes and globs, no expansion, substitution or extended glob. */
function isLiteral(word: Word): boolean {
  if (!mayExpand.test(word.text)) {
    return true;
  }
  return (word.parts ?? []).every((part) => {
    switch (part.type) {
      case 'Literal':
      case 'SingleQuoted':
      case 'AnsiCQuoted':
      case 'Glob':
      case 'BraceExpansion':
        return true;
      case 'DoubleQuoted':
      case 'LocaleString':
        return part.parts.every((inner) => inner.type === 'Literal');
      default:
        return false;
    }
  });
}

/** `line:column: message`, both counted from 1, as shells and mvdan-sh (used before) write them. */
function errorMessage(text: string, message: string, pos: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}:${pos - lineStart + 1}: ${message}`;
}
