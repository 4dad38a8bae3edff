// Writes new instructions the way the file writes its own: keyword casing, indentation, line endings and escape character.
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionNode } from '../../model/types';

/** The file's line ending. */
export function lineEnding(model: DockerfileModel): string {
  return model.text.includes('\r\n') ? '\r\n' : '\n';
}

/** True when the file writes its keywords in lower case (judged by `near`, else by most instructions). */
export function writesLowerCase(model: DockerfileModel, near?: InstructionNode): boolean {
  const isLower = (i: InstructionNode): boolean => i.keywordText === i.keywordText.toLowerCase() && i.keywordText !== i.keywordText.toUpperCase();
  if (near) {
    return isLower(near);
  }
  const lower = model.instructions.filter(isLower).length;
  return lower * 2 > model.instructions.length;
}

/** A keyword (`ENV`, `AS`) in the file's casing. */
export function keyword(model: DockerfileModel, word: string, near?: InstructionNode): string {
  return writesLowerCase(model, near) ? word.toLowerCase() : word.toUpperCase();
}

/** Leading whitespace of the line an instruction starts on. */
export function indentationOf(model: DockerfileModel, instruction: InstructionNode): string {
  return /^[ \t]*/.exec(model.index.lineText(instruction.range.start.line))![0];
}

/** A value inside double quotes, with `"`, `$` and the escape character escaped by the file's escape character. */
export function quoteValue(model: DockerfileModel, value: string): string {
  const escape = model.escapeChar;
  let out = '';
  for (const ch of value) {
    out += ch === '"' || ch === '$' || ch === escape ? escape + ch : ch;
  }
  return `"${out}"`;
}

/** A value for `ENV NAME=value`: bare when it is one plain word, quoted otherwise. */
export function envValue(model: DockerfileModel, value: string): string {
  return /^[A-Za-z0-9_./:@%+,-]+$/.test(value) ? value : quoteValue(model, value);
}

/**
 * `COPY --from=<stage> <source> <destination>` in the file's casing. A path with whitespace or
 * a quote (`WORKDIR /srv/my app` is a path with a space) would be split or cut in that form, so
 * such a pair is written in the JSON form, `COPY --from=<stage> ["<source>", "<destination>"]`,
 * whose strings BuildKit reads as JSON.
 */
export function copyFromLine(model: DockerfileModel, near: InstructionNode, stage: string, source: string, destination: string): string {
  const plain = (path: string): boolean => path !== '' && !/[\s"'`]/.test(path) && !path.startsWith('[');
  const paths = plain(source) && plain(destination) ? `${source} ${destination}` : `[${JSON.stringify(source)}, ${JSON.stringify(destination)}]`;
  return `${keyword(model, 'COPY', near)} --from=${stage} ${paths}`;
}

/** Inserts whole lines right after an instruction, indented like it. */
export function insertLinesAfter(model: DockerfileModel, instruction: InstructionNode, lines: readonly string[]): TextEdit {
  const eol = lineEnding(model);
  const indent = indentationOf(model, instruction);
  const at = model.index.positionAt(model.index.lineEnd(instruction.range.end.line));
  return { range: { start: at, end: at }, newText: lines.map((line) => eol + indent + line).join('') };
}

/** `ENV VIRTUAL_ENV=dir` and `ENV PATH="dir/bin:$PATH"` in the file's style. */
export function venvEnvLines(model: DockerfileModel, dir: string, near: InstructionNode, withVirtualEnv: boolean): string[] {
  const env = keyword(model, 'ENV', near);
  const bin = `${dir === '/' ? '' : dir}/bin`;
  const escapedBin = quoteValue(model, bin).slice(1, -1);
  const lines = [`${env} PATH="${escapedBin}:$PATH"`];
  return withVirtualEnv ? [`${env} VIRTUAL_ENV=${envValue(model, dir)}`, ...lines] : lines;
}
