// BuildKit's CopyIgnoredFile: a COPY or ADD source that .dockerignore leaves out of the build context cannot be copied.
import * as l10n from '@vscode/l10n';
import ignore from '@balena/dockerignore';
import { expandVariables } from '../../model/variables';
import type { Rule } from '../rule';

/** Patterns that leave out the whole context, the only ones BuildKit reports for `.` and `/`. */
const wholeContext = new Set(['*', '**', '**/*']);

export const CopyIgnoredFile: Rule = {
  id: 'CopyIgnoredFile',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Attempting to Copy file that is excluded by .dockerignore'),
  check({ model, buildContext, report }) {
    const patterns = (buildContext.dockerignore ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    // Like BuildKit: with `!` exceptions a directory may be left out while a file inside it is kept, so say nothing.
    if (patterns.length === 0 || patterns.some((p) => p.startsWith('!'))) {
      return;
    }
    const matcher = ignore({}).add(patterns);
    const rootIgnored = patterns.some((p) => wholeContext.has(p));
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') {
        continue;
      }
      if (instruction.flags.some((f) => f.name.toLowerCase() === 'from') || instruction.heredocs.length > 0) {
        continue;
      }
      const sources = instruction.jsonArgs ? undefined : instruction.args.slice(0, -1);
      if (!sources) {
        continue;
      }
      for (const source of sources) {
        const value = expandVariables(source.value, instruction.scope, model.escapeChar).value;
        if (instruction.keyword === 'ADD' && /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i.test(value)) {
          continue;
        }
        const path = cleanPath(value);
        if ((path === '.' || path === '/') && !rootIgnored) {
          continue;
        }
        if (path === '.' || path === '/' ? rootIgnored : matcher.ignores(path)) {
          report({
            range: source.range,
            message:
              instruction.keyword === 'COPY'
                ? l10n.t('Attempting to Copy file {0} that is excluded by .dockerignore', JSON.stringify(path))
                : l10n.t('Attempting to Add file {0} that is excluded by .dockerignore', JSON.stringify(path)),
          });
        }
      }
    }
  },
};

/** The source as a context-relative path, the way BuildKit cleans it before matching. */
function cleanPath(source: string): string {
  const absolute = source.startsWith('/');
  const parts: string[] = [];
  for (const part of source.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  if (parts.length === 0) {
    return absolute ? '/' : '.';
  }
  return parts.join('/');
}
