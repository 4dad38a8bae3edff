// BuildKit's MaintainerDeprecated: MAINTAINER is deprecated; the OCI authors label carries the same information.
import * as l10n from '@vscode/l10n';
import { foldContinuations } from '../../model/parseDockerfile';
import type { DockerfileModel, InstructionNode } from '../../model/types';
import type { Rule } from '../rule';
import { inCasingOf } from './support';

export const MaintainerDeprecated: Rule = {
  id: 'MaintainerDeprecated',
  aliases: ['DL4000'],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('The MAINTAINER instruction is deprecated, use a label instead to define an image author'),
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'MAINTAINER') {
        continue;
      }
      report({
        range: instruction.range,
        message: l10n.t('Maintainer instruction is deprecated in favor of using label'),
        deprecated: true,
        fixes: () => {
          const label = authorsLabel(model, instruction);
          return label
            ? [{ title: l10n.t('Convert MAINTAINER to an org.opencontainers.image.authors LABEL'), edits: [{ range: instruction.range, newText: label }], isPreferred: true }]
            : [];
        },
      });
    }
  },
};

function authorsLabel(model: DockerfileModel, instruction: InstructionNode): string | undefined {
  const args = instruction.args;
  if (args.length === 0) {
    return undefined;
  }
  const author = foldContinuations(model.text, args[0].start, args[args.length - 1].end, model.escapeChar).text.trim();
  const keyword = inCasingOf('LABEL', instruction.keywordText);
  return `${keyword} org.opencontainers.image.authors=${quoted(author, model.escapeChar)}`;
}

/** The author as one double-quoted word; quotes the author already wrote (even half) are kept. */
function quoted(author: string, escapeChar: string): string {
  const opens = author.startsWith('"');
  const closes = author.length > 1 && author.endsWith('"');
  if (opens || closes) {
    return `${opens ? '' : '"'}${author}${closes ? '' : '"'}`;
  }
  // MAINTAINER takes its text literally, LABEL expands it: escape what LABEL would interpret.
  const escaped = author.replace(/["$]/g, (ch) => escapeChar + ch);
  return `"${escaped}"`;
}
