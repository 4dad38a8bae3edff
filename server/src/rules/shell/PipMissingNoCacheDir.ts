// hadolint DL3042: pip keeps every downloaded wheel in ~/.cache/pip, which then stays in the image's layer.
import * as l10n from '@vscode/l10n';
import { findOption, packageCommandsInStage, type PackageCommand } from '../../model/packageManagers';
import { hasVolatileMount } from '../../model/runCommands';
import { checkEveryStage, type Rule } from '../rule';
import { insertAfterWord } from './edits';

const variable = 'PIP_NO_CACHE_DIR';
const truthy = new Set(['1', 'true', 'yes', 'on', 'y', 't']);

export const PipMissingNoCacheDir: Rule = {
  id: 'PipMissingNoCacheDir',
  aliases: ['DL3042'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Use pip install --no-cache-dir'),
  check: checkEveryStage((context) => PipMissingNoCacheDir.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const command of packageCommandsInStage(model, stage)) {
      const subcommand = command.subcommand;
      if (command.tool !== 'pip' || subcommand?.value !== 'install' || findOption(command, '--no-cache-dir') || cacheDisabled(command)) {
        continue;
      }
      if (hasVolatileMount(command.site.owner.run, '/root/.cache/pip')) {
        continue;
      }
      report({
        range: model.index.rangeOf(subcommand.start, subcommand.end),
        message: l10n.t("Add --no-cache-dir to '{0} install' so that pip's download cache is not kept in the image's layer", command.toolWord.value),
        fixes: () => [{ title: l10n.t('Add --no-cache-dir'), edits: [insertAfterWord(model, subcommand, '--no-cache-dir')], isPreferred: true }],
      });
    }
  },
};

/** PIP_NO_CACHE_DIR as pip sees it: set for the command, exported earlier in the script, or by ENV/ARG. */
function cacheDisabled(command: PackageCommand): boolean {
  let value: string | undefined;
  if (command.environment.has(variable)) {
    value = command.environment.get(variable);
  } else {
    const { script, command: self, owner } = command.site;
    for (const earlier of script.commands) {
      if (earlier.index >= self.index) {
        break;
      }
      if (earlier.name === 'export') {
        for (const assignment of earlier.assignments) {
          if (assignment.name === variable && assignment.value !== undefined) {
            value = assignment.value;
          }
        }
      }
    }
    value ??= owner.run.scope.get(variable)?.value;
  }
  return value !== undefined && truthy.has(value.trim().toLowerCase());
}
