// Text edits the shell rules' fixes share: inserting at parsed words, appending to a command chain, keyword casing.
import type { TextEdit } from 'vscode-languageserver-types';
import { parseDockerfile } from '../../model/parseDockerfile';
import type { ShellScript, ShellWord } from '../../model/shell';
import type { DockerfileModel, InstructionNode } from '../../model/types';

/** Inserts ` text` right after a parsed word (`install` → `install -y`). */
export function insertAfterWord(model: DockerfileModel, word: ShellWord, text: string): TextEdit {
  const position = model.index.positionAt(word.end);
  return { range: { start: position, end: position }, newText: ` ${text}` };
}

/** Replaces a parsed word. */
export function replaceWord(model: DockerfileModel, word: ShellWord, text: string): TextEdit {
  return { range: model.index.rangeOf(word.start, word.end), newText: text };
}

/** A keyword in the casing the author used for `instruction` (`copy` next to `add`, `COPY` otherwise). */
export function keywordLike(instruction: InstructionNode, keyword: string): string {
  const written = instruction.keywordText;
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}

export function lineBreakOf(model: DockerfileModel): string {
  return model.text.includes('\r\n') ? '\r\n' : '\n';
}

/** True when the document offset lies in the body of one of the instruction's heredocs. */
export function inHeredoc(model: DockerfileModel, run: InstructionNode, offset: number): boolean {
  return run.heredocs.some((heredoc) => {
    if (!heredoc.contentRange) {
      return false;
    }
    return model.index.offsetAt(heredoc.contentRange.start) <= offset && offset <= model.index.offsetAt(heredoc.contentRange.end);
  });
}

/**
 * Appends `&& command` after the last command of the script, in the layout the RUN already
 * has: on the same line, or on a continuation line of its own with the same indentation and
 * with `&&` leading or trailing as the other lines do.
 */
export function appendToChain(model: DockerfileModel, run: InstructionNode, script: ShellScript, command: string): TextEdit | undefined {
  let last = script.commands[0];
  for (const candidate of script.commands) {
    if (candidate.end > last.end) {
      last = candidate;
    }
  }
  if (!last) {
    return undefined;
  }
  const at = model.index.positionAt(last.end);
  const insert = (newText: string): TextEdit => ({ range: { start: at, end: at }, newText });
  const lastLine = model.index.positionAt(last.start).line;
  if (lastLine === run.range.start.line || inHeredoc(model, run, last.start)) {
    return insert(` && ${command}`);
  }
  const lineStart = model.index.lineStart(lastLine);
  const before = model.text.slice(lineStart, last.start);
  const indent = /^[ \t]*/.exec(before)![0];
  const eol = lineBreakOf(model);
  const escape = model.escapeChar;
  const leading = before.trim();
  const edit = leading.startsWith('&&') || leading.startsWith('||') || leading.startsWith(';')
    ? insert(` ${escape}${eol}${indent}&& ${command}`)
    : insert(` && ${escape}${eol}${indent}${command}`);
  return appendsInPlace(model, run, edit) ? edit : undefined;
}

/**
 * Whether the RUN with the edit made ends just after the appended command, and the instruction
 * after it is still one of its own. On a RUN whose layout the parser reads in its own way (a line ending in
 * `\ \`, an escaped blank taken as a command), the continuation the edit writes could carry the
 * RUN into the lines after it. The RUN and the instruction after it are parsed alone, with the
 * file's escape character: on a long file a parse of the whole text per fix would be too slow.
 */
function appendsInPlace(model: DockerfileModel, run: InstructionNode, edit: TextEdit): boolean {
  const next = model.instructions.find((instruction) => instruction.start >= run.end);
  const end = next ? next.end : model.text.length;
  const at = model.index.offsetAt(edit.range.start);
  const preamble = `${model.escapeChar === '\\' ? '' : `# escape=${model.escapeChar}\n`}FROM scratch\n`;
  const parse = (text: string): readonly InstructionNode[] => parseDockerfile(preamble + text).instructions;
  const before = parse(model.text.slice(run.start, end));
  const after = parse(model.text.slice(run.start, at) + edit.newText + model.text.slice(at, end));
  // The RUN (after the FROM) must end where the edit moved its end: no shorter, no longer.
  return after.length === before.length && after[1]?.end === preamble.length + run.end - run.start + edit.newText.length;
}
