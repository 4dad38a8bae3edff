// hadolint DL3014: a build has no one to answer apt-get's "Do you want to continue?", so the command aborts.
import * as l10n from '@vscode/l10n';
import { packageCommandsInStage, type PackageCommand } from '../../model/packageManagers';
import { checkEveryStage, type Rule } from '../rule';
import { insertAfterWord } from './edits';

/** Subcommands that ask for confirmation before changing packages. */
const promptingSubcommands = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep']);

export const AptGetMissingYes: Rule = {
  id: 'AptGetMissingYes',
  aliases: ['DL3014', 'DS-0021'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Use the -y switch with apt-get install'),
  check: checkEveryStage((context) => AptGetMissingYes.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const command of packageCommandsInStage(model, stage)) {
      const subcommand = command.subcommand;
      if ((command.tool !== 'apt-get' && command.tool !== 'apt') || !subcommand || !promptingSubcommands.has(subcommand.value) || assumesYes(command)) {
        continue;
      }
      report({
        range: model.index.rangeOf(subcommand.start, subcommand.end),
        message: l10n.t("Add -y to '{0} {1}': a build cannot answer its confirmation prompt", command.toolWord.value, subcommand.value),
        fixes: () => [{ title: l10n.t('Add -y'), edits: [insertAfterWord(model, subcommand, '-y')], isPreferred: true }],
      });
    }
  },
};

function assumesYes(command: PackageCommand): boolean {
  let quiet = 0;
  for (const option of command.options) {
    switch (option.name) {
      case '-y':
      case '--yes':
      case '--assume-yes':
        return true;
      case '-q':
      case '--quiet':
        // `-qq` implies `-y`; `-q=2` says the same.
        quiet += option.value !== undefined && /^\d+$/.test(option.value) ? Number(option.value) : 1;
        break;
      case '-o':
      case '--option':
        if (option.value !== undefined && /^APT::Get::Assume-Yes=(true|yes|1)$/i.test(option.value)) {
          return true;
        }
        break;
      default:
        break;
    }
  }
  return quiet >= 2;
}
