// hadolint DL3009: `apt-get update` leaves tens of megabytes of package lists in the layer unless the same RUN removes them.
import * as l10n from '@vscode/l10n';
import { packageCommandsInStage, type PackageCommand } from '../../model/packageManagers';
import { commandsRunningInStage, hasVolatileMount, type RunInstruction } from '../../model/runCommands';
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
    const kept = stagesInImages(model);
    for (const stage of [undefined, ...model.stages]) {
      for (const command of updatesLeavingLists(model, stage)) {
        const owner = command.site.owner;
        // An ONBUILD trigger runs in every image built from this one, whatever stage holds it.
        if (!owner.onbuild && owner.stage && !kept.has(owner.stage)) {
          continue;
        }
        report({
          range: model.index.rangeOf(command.site.command.start, command.site.command.end),
          message: l10n.t("Remove the apt lists in the same RUN as '{0} update' (rm -rf /var/lib/apt/lists/*): otherwise they stay in the image's layer", command.toolWord.value),
          fixes: () => removeListsFix(model, command),
        });
      }
    }
  },
};

const updatesByStage = new WeakMap<Stage, readonly PackageCommand[]>();

/**
 * The first `apt-get update` of each RUN of `stage` (undefined: before the first FROM) that
 * leaves the lists in the layer. Whether that matters depends on later stages (is the stage in
 * an image?), so the rule is not stage-local; this part is, and is found once per stage object.
 */
function updatesLeavingLists(model: DockerfileModel, stage: Stage | undefined): readonly PackageCommand[] {
  let found = stage ? updatesByStage.get(stage) : undefined;
  if (!found) {
    const cleaned = runsRemovingLists(model, stage);
    const reported = new Set<RunInstruction>();
    const list: PackageCommand[] = [];
    for (const command of packageCommandsInStage(model, stage)) {
      const owner = command.site.owner;
      if (!aptTools.has(command.tool) || command.subcommand?.value !== 'update' || reported.has(owner) || cleaned.has(owner)) {
        continue;
      }
      // Cache or tmpfs mounts over apt's directories keep the lists out of the layer.
      if (hasVolatileMount(owner.run, '/var/lib/apt') && hasVolatileMount(owner.run, '/var/cache/apt')) {
        continue;
      }
      reported.add(owner);
      list.push(command);
    }
    found = list;
    if (stage) {
      updatesByStage.set(stage, found);
    }
  }
  return found;
}

function removeListsFix(model: DockerfileModel, command: PackageCommand) {
  const edit = appendToChain(model, command.site.owner.run, command.site.script, `rm -rf ${listsDirectory}/*`);
  return edit ? [{ title: l10n.t('Remove the apt lists at the end of this RUN'), edits: [edit], isPreferred: true }] : [];
}

function runsRemovingLists(model: DockerfileModel, stage: Stage | undefined): Set<RunInstruction> {
  const runs = new Set<RunInstruction>();
  for (const command of packageCommandsInStage(model, stage)) {
    // apt 2.7 and later remove the lists themselves with `dist-clean`.
    if ((command.tool === 'apt-get' || command.tool === 'apt') && command.subcommand?.value === 'dist-clean') {
      runs.add(command.site.owner);
    }
  }
  for (const { command, owner } of commandsRunningInStage(model, stage, 'rm')) {
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
