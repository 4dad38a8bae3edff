// hadolint DL3009: `apt-get update` leaves tens of megabytes of package lists in the layer unless the same RUN removes them.
import * as l10n from '@vscode/l10n';
import { packageCommands, type PackageCommand } from '../../model/packageManagers';
import { commandsRunning, hasVolatileMount, type RunInstruction } from '../../model/runCommands';
import type { DockerfileModel, Stage } from '../../model/types';
import type { Rule } from '../rule';
import { appendToChain } from './edits';

const aptTools = new Set(['apt-get', 'apt', 'aptitude']);
const listsDirectory = '/var/lib/apt/lists';

export const AptListsNotRemoved: Rule = {
  id: 'AptListsNotRemoved',
  aliases: ['DL3009'],
  origin: 'best-practice',
  defaultSeverity: 'info',
  description: () => l10n.t('Remove the apt lists in the RUN that downloads them'),
  check({ model, report }) {
    const cleaned = runsRemovingLists(model);
    const kept = stagesInImages(model);
    const reported = new Set<RunInstruction>();
    for (const command of packageCommands(model)) {
      const owner = command.site.owner;
      if (!aptTools.has(command.tool) || command.subcommand?.value !== 'update' || reported.has(owner) || cleaned.has(owner)) {
        continue;
      }
      // Cache or tmpfs mounts over apt's directories keep the lists out of the layer.
      if (hasVolatileMount(owner.run, '/var/lib/apt') && hasVolatileMount(owner.run, '/var/cache/apt')) {
        continue;
      }
      // An ONBUILD trigger runs in every image built from this one, whatever stage holds it.
      if (!owner.onbuild && owner.stage && !kept.has(owner.stage)) {
        continue;
      }
      reported.add(owner);
      report({
        range: model.index.rangeOf(command.site.command.start, command.site.command.end),
        message: l10n.t("Remove the apt lists in the same RUN as '{0} update' (rm -rf /var/lib/apt/lists/*): otherwise they stay in the image's layer", command.toolWord.value),
        fixes: () => removeListsFix(model, command),
      });
    }
  },
};

function removeListsFix(model: DockerfileModel, command: PackageCommand) {
  const edit = appendToChain(model, command.site.owner.run, command.site.script, `rm -rf ${listsDirectory}/*`);
  return edit ? [{ title: l10n.t('Remove the apt lists at the end of this RUN'), edits: [edit], isPreferred: true }] : [];
}

function runsRemovingLists(model: DockerfileModel): Set<RunInstruction> {
  const runs = new Set<RunInstruction>();
  for (const command of packageCommands(model)) {
    // apt 2.7 and later remove the lists themselves with `dist-clean`.
    if ((command.tool === 'apt-get' || command.tool === 'apt') && command.subcommand?.value === 'dist-clean') {
      runs.add(command.site.owner);
    }
  }
  for (const { command, owner } of commandsRunning(model, 'rm')) {
    if (command.args.some((arg) => arg.value === listsDirectory || arg.value.startsWith(`${listsDirectory}/`))) {
      runs.add(owner);
    }
  }
  return runs;
}

/** Stages whose layers end up in an image: the last one, and those another stage is built FROM. */
function stagesInImages(model: DockerfileModel): Set<Stage> {
  const stages = new Set<Stage>();
  const last = model.stages[model.stages.length - 1];
  if (last) {
    stages.add(last);
  }
  for (const stage of model.stages) {
    if (stage.baseStage) {
      stages.add(stage.baseStage);
    }
  }
  return stages;
}
