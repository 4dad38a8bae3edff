// BuildKit's LegacyKeyValueFormat: `ENV key value` takes the whole rest of the line as one value, unlike `key=value`.
import * as l10n from '@vscode/l10n';
import type { TextEdit } from 'vscode-languageserver-types';
import { foldContinuations } from '../../model/parseDockerfile';
import type { DockerfileModel, InstructionNode } from '../../model/types';
import { automaticPlatformArgs } from '../../model/variables';
import type { Rule } from '../rule';
import { keyValuePairs, offsetsOf, type KeyValuePair } from './support';

export const LegacyKeyValueFormat: Rule = {
  id: 'LegacyKeyValueFormat',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Legacy key/value format with whitespace separator should not be used'),
  check({ model, report }) {
    for (const instruction of model.instructions) {
      // BuildKit checks ENV and LABEL; its docs show `ARG foo bar` as the same mistake, so ARG is checked too.
      if (instruction.keyword !== 'ENV' && instruction.keyword !== 'LABEL' && instruction.keyword !== 'ARG') {
        continue;
      }
      for (const pair of keyValuePairs(instruction)) {
        if (pair.hasDelimiter || pair.value === undefined || !pair.valueRange) {
          continue;
        }
        if (instruction.keyword === 'ARG' && declaresSecondArg(model, pair.value)) {
          continue;
        }
        const keyword = instruction.keyword;
        report({
          range: { start: pair.nameRange.start, end: pair.valueRange.end },
          message: l10n.t('"{0} key=value" should be used instead of legacy "{0} key value" format', instruction.keywordText),
          fixes: () => {
            const edits = keyValueEdits(model, instruction, pair);
            // `ARG a b` declares two ARGs to BuildKit; joining them changes meaning, so it is never applied unasked.
            return edits ? [{ title: l10n.t('Use {0}', `${instruction.keywordText} ${pair.name}=…`), edits, isPreferred: keyword !== 'ARG' }] : [];
          },
        });
      }
    }
  },
};

/**
 * `ARG TARGETOS TARGETARCH` declares two ARGs, the common multi-platform idiom: the second
 * word is taken as an ARG name when it is an automatic platform ARG or the file expands it.
 */
function declaresSecondArg(model: DockerfileModel, word: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(word)) {
    return false;
  }
  return automaticPlatformArgs.includes(word) || new RegExp(`\\$(?:\\{)?${word}(?![A-Za-z0-9_])`).test(model.text);
}

/**
 * Puts `=` right after the key (dropping the blanks and continuations before the value) and
 * quotes the value when it holds blanks, keeping its line breaks. Values whose quoting would
 * change their meaning (quotes or escapes inside) get no fix.
 */
function keyValueEdits(model: DockerfileModel, instruction: InstructionNode, pair: KeyValuePair): TextEdit[] | undefined {
  const name = offsetsOf(model, pair.nameRange);
  const value = offsetsOf(model, pair.valueRange!);
  const folded = foldContinuations(model.text, value.start, value.end, model.escapeChar).text;
  const needsQuotes = /\s/.test(folded);
  // The quotes are looked for in the text as written too: a comment line inside the value is dropped by the folding (and by
  // BuildKit) but not by dockerfile-ast, which then sees a quote of the comment close the one the fix opens.
  if (needsQuotes && (/["']/.test(folded) || /["']/.test(model.text.slice(value.start, value.end)) || folded.includes(model.escapeChar))) {
    return undefined;
  }
  if (value.end > instruction.end) {
    return undefined;
  }
  const edits: TextEdit[] = [{ range: model.index.rangeOf(name.end, value.start), newText: needsQuotes ? '="' : '=' }];
  if (needsQuotes) {
    edits.push({ range: model.index.rangeOf(value.end, value.end), newText: '"' });
  }
  return edits;
}
