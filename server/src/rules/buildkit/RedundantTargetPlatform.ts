// BuildKit's RedundantTargetPlatform: `FROM --platform=$TARGETPLATFORM` says what FROM does anyway.
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { removeFlagEdit } from './support';

const targetPlatformOnly = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$/;

export const RedundantTargetPlatform: Rule = {
  id: 'RedundantTargetPlatform',
  aliases: [],
  origin: 'buildkit',
  defaultSeverity: 'warning',
  description: () => l10n.t('Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior'),
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.value || !targetPlatformOnly.test(flag.value.trim())) {
        continue;
      }
      report({
        range: flag.range,
        message: l10n.t('Setting platform to predefined {0} in FROM is redundant as this is the default behavior', flag.value.trim()),
        unnecessary: true,
        fixes: () => [{ title: l10n.t('Remove unnecessary --platform flag'), edits: [removeFlagEdit(model, flag.range)], isPreferred: true }],
      });
    }
  },
};
