// The guide's own trap: a venv or compiled files built against glibc do not load on musl (Alpine), nor the other way round.
import * as l10n from '@vscode/l10n';
import type { LibC } from '../../data/baseImages';
import type { Rule } from '../rule';
import { compiledOutputs } from '../../model/buildTools';
import { absolutePath, copyPaths, isWithin, rootStage, stageLineage } from '../../model/copyPaths';
import { stageLabel, stageLibc } from '../../model/stageImage';
import { venvsIn } from '../../model/venv';
import type { DockerfileModel, Stage } from '../../model/types';

/** Paths that hold native code whatever built them: Python and Node.js packages, shared libraries. */
function holdsNativeCode(path: string): boolean {
  return /(^|\/)(site-packages|dist-packages|node_modules)(\/|$)/.test(path)
    || /^\/(usr\/(local\/)?)?lib(64)?(\/|$)/.test(path)
    || /\.so(\.\d+)*$/.test(path);
}

function libcName(libc: LibC): string {
  return libc === 'musl' ? l10n.t('musl (Alpine)') : l10n.t('glibc (Debian, Ubuntu)');
}

/** Directories in `stage` whose content is tied to the C library it was built against. */
function nativeDirectories(model: DockerfileModel, stage: Stage): string[] {
  const dirs = venvsIn(model, stage).map((v) => v.dir);
  for (const member of stageLineage(stage)) {
    dirs.push(...compiledOutputs(model, member).filter((output) => !output.static).map((output) => output.path));
  }
  return dirs;
}

export const LibcMismatch: Rule = {
  id: 'LibcMismatch',
  aliases: [],
  origin: 'guide',
  defaultSeverity: 'warning',
  description: () => l10n.t('A venv or compiled files are copied between stages with different C libraries'),
  check({ model, report }) {
    for (const edge of model.stageEdges) {
      if (edge.kind !== 'copy' || !edge.from || edge.from === edge.to) {
        continue;
      }
      const fromLibc = stageLibc(edge.from);
      const toLibc = stageLibc(edge.to);
      if (!fromLibc || !toLibc || fromLibc === 'none' || toLibc === 'none' || fromLibc === toLibc) {
        continue;
      }
      const paths = copyPaths(model, edge.instruction);
      if (!paths) {
        continue;
      }
      const native = nativeDirectories(model, edge.from);
      for (const source of paths.sources) {
        const copied = source.expanded === undefined ? undefined : absolutePath('/', source.expanded);
        if (!copied) {
          continue;
        }
        const carriesNative = holdsNativeCode(copied) || native.some((dir) => isWithin(dir, copied) || isWithin(copied, dir));
        if (!carriesNative) {
          continue;
        }
        const fromRoot = rootStage(edge.from);
        report({
          range: source.range,
          message: l10n.t("'{0}' is built in stage '{1}' on {2} and copied into a stage on {3}: its compiled modules will fail to load. Use base images with the same C library.",
            source.written, stageLabel(edge.from), libcName(fromLibc), libcName(toLibc)),
          related: [
            ...(fromRoot.baseRange ? [{ range: fromRoot.baseRange, message: l10n.t('Stage {0} is based on this {1} image', stageLabel(edge.from), libcName(fromLibc)) }] : []),
            ...(rootStage(edge.to).baseRange ? [{ range: rootStage(edge.to).baseRange!, message: l10n.t('This stage is based on this {0} image', libcName(toLibc)) }] : []),
          ],
        });
        break;
      }
    }
  },
};
