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
/** Characters without which a text has no command substitution. */
const mayHoldCommand = /\$\(|`/;

type CommandSpan = ParsedScript['commandSpans'][number];

/** Parses one script as `parseShell` does, without caching or mapping. */
export function parseScriptText(text: string): ParsedScript {
  if (text.length > maxScriptLength) {
    return { commands: [], commandSpans: [], hasPipeline: false, parseError: `script longer than ${maxScriptLength} characters is not parsed` };
  }
  return contain<ParsedScript>(
    'unbash parse',
    () => {
      const script = parseBash(text);
      const commands: ParsedScript['commands'][number][] = [];
      const commandSpans: CommandSpan[] = [];
      let hasPipeline = false;
      // unbash recovers from errors and reports them per script, nested substitutions included.
      let error = script.errors?.[0];
      const visit = (node: SyntaxNode, inPipeline: boolean): void => {
        switch (node.type) {
          case 'Script':
            error ??= (node as BashScript).errors?.[0];
            for (const statement of node.commands) {
              visit(statement.command, inPipeline);
            }
            return;
          case 'CompoundList':
          case 'AndOr':
            for (const child of node.commands) {
              visit(child, inPipeline);
            }
            return;
          case 'Statement':
            visit(node.command, inPipeline);
            return;
          case 'Pipeline':
            if (node.commands.length > 1) {
              hasPipeline = true;
              inPipeline = true;
            }
            for (const child of node.commands) {
              visit(child, inPipeline);
            }
            return;
          case 'Command': {
            const span = commandSpan(node);
            if (span) {
              commands.push({ name: span.words[0].value, inPipeline, index: commands.length });
              commandSpans.push(span);
            }
            // Substitutions in its words, assignments and redirections hold commands too.
            break;
          }
          case 'Word':
            // Only a word that may hold a substitution is read part by part (parts are made on demand).
            if (!mayExpand.test(node.text)) {
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
        forEachChild(node, (child) => visit(child, inPipeline));
      };
      visit(script, false);
      if (error) {
        return { commands: [], commandSpans: [], hasPipeline: false, parseError: errorMessage(text, error.message, error.pos) };
      }
      return { commands, commandSpans, hasPipeline };
    },
    { commands: [], commandSpans: [], hasPipeline: false, parseError: 'internal shell parser failure' },
  );
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
