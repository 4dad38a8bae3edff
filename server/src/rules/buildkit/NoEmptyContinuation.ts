// BuildKit's NoEmptyContinuation: an empty line inside a continued instruction is accepted today and will be an error later.
import * as l10n from '@vscode/l10n';
import type { TextEdit } from 'vscode-languageserver-types';
import { checkEveryStage, type Rule } from '../rule';
import { instructionsInStage } from '../../model/stageInstructions';

export const NoEmptyContinuation: Rule = {
  id: 'NoEmptyContinuation',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Empty continuation lines will become errors in a future release'),
  check: checkEveryStage((context) => NoEmptyContinuation.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const instruction of instructionsInStage(model, stage)) {
      const heredocLines = new Set<number>();
      for (const heredoc of instruction.heredocs) {
        const body = heredoc.contentRange;
        const last = heredoc.delimiterRange?.end.line ?? body?.end.line;
        if (body && last !== undefined) {
          for (let line = body.start.line; line <= last; line++) {
            heredocLines.add(line);
          }
        }
      }
      const emptyLines: number[] = [];
      for (let line = instruction.range.start.line + 1; line < instruction.range.end.line; line++) {
        if (!heredocLines.has(line) && model.index.lineText(line).trim() === '') {
          emptyLines.push(line);
        }
      }
      if (emptyLines.length === 0) {
        continue;
      }
      // BuildKit reports once per instruction, on the line the empty line runs into.
      let reported = emptyLines[0] + 1;
      while (emptyLines.includes(reported)) {
        reported++;
      }
      const lineStart = model.index.lineStart(reported);
      report({
        range: model.index.rangeOf(lineStart, lineStart + model.index.lineText(reported).length),
        message: l10n.t('Empty continuation line'),
        fixes: () => {
          const edits: TextEdit[] = emptyLines.map((line) => ({
            range: model.index.rangeOf(model.index.lineStart(line), model.index.lineStart(line + 1)),
            newText: '',
          }));
          return [{ title: l10n.t('Remove the empty continuation lines'), edits, isPreferred: true }];
        },
      });
    }
  },
};
