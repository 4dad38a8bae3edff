// The guide's reason for multi-stage builds: compilers and dev packages in a single-stage image ship to production for nothing.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { buildToolUses } from '../../model/buildTools';
import { splitStagesEdits } from '../../service/fixes/splitStages';

const shownLabels = 4;

export const SingleStageBuildTools: Rule = {
  id: 'SingleStageBuildTools',
  aliases: [],
  origin: 'guide',
  defaultSeverity: 'info',
  description: () => l10n.t('A single-stage image keeps build tools its runtime does not need'),
  check({ model, report }) {
    if (model.stages.length !== 1) {
      return;
    }
    const stage = model.stages[0];
    // Development containers are meant to carry the toolchain.
    if (!stage.from.shell.posix || /devcontainers?\//.test(stage.baseImage?.repository ?? stage.baseText)) {
      return;
    }
    const uses = buildToolUses(model, stage);
    if (uses.length === 0) {
      return;
    }
    const labels = [...new Set(uses.map((use) => use.label))];
    const shown = labels.length > shownLabels ? `${labels.slice(0, shownLabels).join(', ')}, …` : labels.join(', ');
    report({
      range: uses[0].range,
      message: l10n.t('This single-stage image keeps build tools that its runtime does not need ({0}). Build in one stage and copy only the result into a slimmer runtime stage.', shown),
      related: uses.slice(1, 6).map((use) => ({ range: use.range, message: l10n.t('Build tool: {0}', use.label) })),
      fixes: () => {
        const edits = splitStagesEdits(model);
        return edits ? [{ title: l10n.t('Split into build and runtime stages'), edits }] : [];
      },
    });
  },
};
