// Reads the shared corpus for fix tests, and derives inputs from its files.
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';

const candidate = path.join(__dirname, '../../../../shared/corpus/dockerfiles');

/** The corpus folder, or undefined when ../shared is not beside the project. */
export const corpusDir: string | undefined = fs.existsSync(candidate) ? candidate : undefined;

export function corpusFiles(): string[] {
  return corpusDir ? fs.readdirSync(corpusDir).sort() : [];
}

export function readCorpus(file: string): string {
  return fs.readFileSync(path.join(corpusDir!, file), 'utf8');
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///t', 'dockerfile', 1, text), [...edits]);
}

/** The text without its `ENV PATH=...` instructions (only those that set PATH alone). */
export function withoutPathInstructions(text: string): string {
  const model = parseDockerfile(text);
  const edits: TextEdit[] = [];
  for (const instruction of model.instructions) {
    if (instruction.keyword === 'ENV' && instruction.args.length === 1 && instruction.args[0].value.startsWith('PATH=')) {
      const start = model.index.lineStart(instruction.range.start.line);
      const end = model.index.lineStart(instruction.range.end.line + 1);
      edits.push({ range: model.index.rangeOf(start, end === start ? model.text.length : end), newText: '' });
    }
  }
  return applyEdits(text, edits);
}
