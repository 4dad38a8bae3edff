// hadolint DL3020: ADD also downloads URLs and unpacks archives; for a plain local file COPY says exactly what happens.
import * as l10n from '@vscode/l10n';
import type { DockerfileModel, InstructionNode } from '../../model/types';
import { expandVariables } from '../../model/variables';
import type { Rule } from '../rule';
import { keywordLike } from './edits';

/** Flags only ADD has; with them ADD does something COPY cannot. */
const addOnlyFlags = new Set(['checksum', 'keep-git-dir', 'unpack']);
/** Names ADD may unpack (it decides by content, so any of these may be an archive). */
const archiveName = /\.(tar|tgz|tbz|tbz2|txz|tzst|gz|bz2|xz|zst|lz4)$/i;
const remoteSource = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

export const AddInsteadOfCopy: Rule = {
  id: 'AddInsteadOfCopy',
  aliases: ['DL3020', 'DS-0005'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Use COPY instead of ADD for files and folders'),
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const add = instruction.keyword === 'ADD' ? instruction : instruction.trigger?.keyword === 'ADD' ? instruction.trigger : undefined;
      if (!add || !copiesPlainLocalFiles(model, add)) {
        continue;
      }
      report({
        range: add.keywordRange,
        message: l10n.t('Use COPY instead of ADD for local files and folders: ADD also downloads URLs and unpacks archives'),
        // With several sources and a destination that is no folder the instruction fails as ADD and as COPY alike;
        // the swap would only move the error to a line that dockerfile-utils checks (it checks COPY's, not ADD's).
        fixes: () => (destinationCannotTakeSources(add)
          ? []
          : [{ title: l10n.t('Replace ADD with COPY'), edits: [{ range: add.keywordRange, newText: keywordLike(add, 'COPY') }], isPreferred: true }]),
      });
    }
  },
};

function copiesPlainLocalFiles(model: DockerfileModel, add: InstructionNode): boolean {
  if (add.heredocs.length > 0 || add.flags.some((flag) => addOnlyFlags.has(flag.name.toLowerCase()))) {
    return false;
  }
  const sources = add.jsonArgs ? add.jsonArgs.slice(0, -1) : add.args.slice(0, -1).map((arg) => arg.value);
  if (sources.length === 0) {
    return false;
  }
  return sources.every((source) => {
    const expansion = expandVariables(source, add.scope, model.escapeChar);
    return expansion.unresolved.length === 0 && !remoteSource.test(expansion.value) && !archiveName.test(expansion.value);
  });
}

/** True when several sources go to a destination not written as a folder (ending in `/`, or `\` on Windows). */
function destinationCannotTakeSources(add: InstructionNode): boolean {
  const paths = add.jsonArgs ?? add.args.map((arg) => arg.value);
  const destination = paths[paths.length - 1] ?? '';
  return paths.length > 2 && !/[/\\]$/.test(destination);
}
