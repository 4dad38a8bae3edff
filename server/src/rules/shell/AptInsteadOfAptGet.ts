// hadolint DL3027: apt is the interactive front end; its output and behaviour are not promised to stay stable for scripts.
import * as l10n from '@vscode/l10n';
import type { TextEdit } from 'vscode-languageserver-types';
import { packageCommandsInStage, type PackageCommand } from '../../model/packageManagers';
import type { DockerfileModel } from '../../model/types';
import { checkEveryStage, type Rule, type RuleFix } from '../rule';
import { replaceWord } from './edits';

/** apt subcommands and the script-stable command that does the same (`full-upgrade` is apt-get's `dist-upgrade`). */
const replacements: Readonly<Record<string, readonly [string, string]>> = {
  install: ['apt-get', 'install'],
  reinstall: ['apt-get', 'reinstall'],
  update: ['apt-get', 'update'],
  upgrade: ['apt-get', 'upgrade'],
  'dist-upgrade': ['apt-get', 'dist-upgrade'],
  'full-upgrade': ['apt-get', 'dist-upgrade'],
  remove: ['apt-get', 'remove'],
  purge: ['apt-get', 'purge'],
  autoremove: ['apt-get', 'autoremove'],
  clean: ['apt-get', 'clean'],
  autoclean: ['apt-get', 'autoclean'],
  source: ['apt-get', 'source'],
  'build-dep': ['apt-get', 'build-dep'],
  download: ['apt-get', 'download'],
  satisfy: ['apt-get', 'satisfy'],
  search: ['apt-cache', 'search'],
  show: ['apt-cache', 'show'],
  policy: ['apt-cache', 'policy'],
  depends: ['apt-cache', 'depends'],
  rdepends: ['apt-cache', 'rdepends'],
  showsrc: ['apt-cache', 'showsrc'],
};

export const AptInsteadOfAptGet: Rule = {
  id: 'AptInsteadOfAptGet',
  aliases: ['DL3027'],
  origin: 'best-practice',
  defaultSeverity: 'warning',
  description: () => l10n.t('Use apt-get or apt-cache instead of apt'),
  check: checkEveryStage((context) => AptInsteadOfAptGet.checkStage!(context)),
  checkStage({ model, stage, report }) {
    for (const command of packageCommandsInStage(model, stage)) {
      if (command.tool !== 'apt') {
        continue;
      }
      report({
        range: model.index.rangeOf(command.toolWord.start, command.toolWord.end),
        message: l10n.t('Use apt-get or apt-cache instead of apt: apt is meant for people at a terminal, and its behaviour may change between releases'),
        fixes: () => replaceFix(model, command),
      });
    }
  },
};

function replaceFix(model: DockerfileModel, command: PackageCommand): RuleFix[] {
  const subcommand = command.subcommand;
  const replacement = subcommand ? replacements[subcommand.value] : undefined;
  if (!subcommand || !replacement) {
    return [];
  }
  const [tool, verb] = replacement;
  const edits: TextEdit[] = [replaceWord(model, command.toolWord, tool)];
  if (verb !== subcommand.value) {
    edits.push(replaceWord(model, subcommand, verb));
  }
  return [{ title: l10n.t("Replace with '{0} {1}'", tool, verb), edits, isPreferred: true }];
}
