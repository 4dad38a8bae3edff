// Document symbols nested per stage: each FROM holds the instructions of its stage.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionNode } from '../model/types';

export function documentSymbols(model: DockerfileModel): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = model.globalArgs.map((arg) => instructionSymbol(arg));
  for (const stage of model.stages) {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    const label = stage.name ?? `#${stage.index}`;
    symbols.push({
      name: label,
      detail: `FROM ${stage.baseText}`,
      kind: SymbolKind.Class,
      range: { start: stage.from.range.start, end: last.range.end },
      selectionRange: stage.nameRange ?? stage.from.keywordRange,
      children: stage.instructions.filter((i) => i !== stage.from).map((i) => instructionSymbol(i)),
    });
  }
  return symbols;
}

function instructionSymbol(instruction: InstructionNode): DocumentSymbol {
  const firstLine = instruction.argsText.split(/\r?\n/)[0].trim();
  return {
    name: instruction.keyword,
    detail: firstLine.length > 60 ? `${firstLine.slice(0, 57)}...` : firstLine,
    kind: instruction.keyword === 'ARG' || instruction.keyword === 'ENV' ? SymbolKind.Variable : SymbolKind.Function,
    range: instruction.range,
    selectionRange: instruction.keywordRange,
  };
}
