// BuildKit's NoEmptyContinuation: an empty line inside a continued instruction is accepted today and will be an error later.
import * as l10n from '@vscode/l10n';
import type { TextEdit } from 'vscode-languageserver-types';
import { checkEveryStage, type Rule } from '../rule';
import { instructionsInStage } from '../../model/stageInstructions';

/** Blank to BuildKit, which trims with Go's unicode.IsSpace (so a `\r` left by a CRLF line end is blank too). */
const blank = /^\s*$/;

export const NoEmptyContinuation: Rule = {
  id: 'NoEmptyContinuation',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Empty continuation lines will become errors in a future release'),
  check: checkEveryStage((context) => NoEmptyContinuation.checkStage!(context)),
  checkStage({ model, stage, report }) {
    const { text, index } = model;
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
      // BuildKit splits lines at `\n` only: a lone `\r`, a line break to the editor, does not end a line for it. The
      // lines after the first are read up to the last, which holds the instruction's end and is never an empty continuation.
      const emptyLines: { start: number; end: number }[] = [];
      let runsInto: number | undefined;
      let start = text.indexOf('\n', instruction.start) + 1;
      let newline = start > 0 ? text.indexOf('\n', start) : -1;
      while (newline >= 0 && newline < instruction.end) {
        if (!heredocLines.has(index.positionAt(start).line) && blank.test(text.slice(start, newline))) {
          emptyLines.push({ start, end: newline + 1 });
        } else if (emptyLines.length > 0 && runsInto === undefined) {
          runsInto = start;
        }
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      if (emptyLines.length === 0) {
        continue;
      }
      // BuildKit reports once per instruction, on the line the empty line runs into.
      const reportedAt = runsInto ?? emptyLines[emptyLines.length - 1].end;
      const reported = index.positionAt(reportedAt).line;
      report({
        range: index.rangeOf(reportedAt, index.lineStart(reported) + index.lineText(reported).length),
        message: l10n.t('Empty continuation line'),
        fixes: () => {
          const edits: TextEdit[] = emptyLines.map((line) => ({ range: index.rangeOf(line.start, line.end), newText: '' }));
          return [{ title: l10n.t('Remove the empty continuation lines'), edits, isPreferred: true }];
        },
      });
    }
  },
};
