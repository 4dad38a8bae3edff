// What the three "pin your package versions" rules share: finding the unpinned names of an install command.
import type { PackageArgument, PackageCommand } from '../../model/packageManagers';
import type { DockerfileModel } from '../../model/types';
import type { Range } from 'vscode-languageserver-types';

export interface UnpinnedPackages {
  readonly names: readonly string[];
  /** From the first unpinned name to the last. */
  readonly range: Range;
}

/** The packages of `command` that name an index package without a version; undefined when all are pinned. */
export function unpinnedPackages(model: DockerfileModel, command: PackageCommand): UnpinnedPackages | undefined {
  const unpinned: PackageArgument[] = command.packages.filter((p) => p.pinned === false && !p.local);
  if (unpinned.length === 0) {
    return undefined;
  }
  return {
    names: unpinned.map((p) => p.word.value),
    range: model.index.rangeOf(unpinned[0].word.start, unpinned[unpinned.length - 1].word.end),
  };
}
