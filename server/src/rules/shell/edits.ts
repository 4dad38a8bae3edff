// Text edits the shell rules' fixes share: inserting at parsed words, appending to a command chain, keyword casing.
import type { TextEdit } from 'vscode-languageserver-types';
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
  if (leading.startsWith('&&') || leading.startsWith('||') || leading.startsWith(';')) {
    return insert(` ${escape}${eol}${indent}&& ${command}`);
  }
  return insert(` && ${escape}${eol}${indent}${command}`);
}
