// BuildKit's experimental InvalidDefinitionDescription: a comment right above a named stage or ARG documents it as `# <name> <description>`.
import * as l10n from '@vscode/l10n';
import type { DockerfileModel, InstructionNode } from '../../model/types';
import type { Rule } from '../rule';
import { keyValuePairs } from './support';

export const InvalidDefinitionDescription: Rule = {
  id: 'InvalidDefinitionDescription',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  experimental: true,
  description: () =>
    l10n.t(
      'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.',
    ),
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const keys = definedNames(instruction);
      if (keys.length === 0) {
        continue;
      }
      const comment = descriptionComment(model, instruction);
      if (!comment || keys.includes(comment.text.split(' ')[0])) {
        continue;
      }
      report({
        range: comment.range,
        message: l10n.t('Comment for {0} should follow the format: `# {1} <description>`', instruction.keyword, keys.length > 1 ? '<arg_key>' : keys[0]),
      });
    }
  },
};

function definedNames(instruction: InstructionNode): string[] {
  if (instruction.keyword === 'FROM') {
    const name = instruction.stage?.name;
    return name ? [name.toLowerCase()] : [];
  }
  return instruction.keyword === 'ARG' ? keyValuePairs(instruction).map((p) => p.name) : [];
}

/**
 * The comment on the line right above the instruction, which BuildKit reads as its
 * description. An empty `#` line or (as BuildKit's docs describe) a blank line breaks the link.
 */
function descriptionComment(model: DockerfileModel, instruction: InstructionNode) {
  const line = instruction.range.start.line - 1;
  if (line < 0 || model.directives.some((d) => d.range.start.line === line)) {
    return undefined;
  }
  const text = model.index.lineText(line);
  const trimmed = text.trim();
  if (!trimmed.startsWith('#')) {
    return undefined;
  }
  const body = trimmed.slice(1).trim();
  if (body === '') {
    return undefined;
  }
  const start = model.index.lineStart(line) + text.indexOf('#');
  return { text: body, range: model.index.rangeOf(start, model.index.lineStart(line) + text.trimEnd().length) };
}
