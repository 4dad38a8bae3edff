// Every shell command a file runs (RUN and ONBUILD RUN alike), collected once per model for the shell rules.
import type { ShellCommand, ShellScript } from './shell';
import type { DockerfileModel, InstructionNode, Stage } from './types';

/** A RUN as the builder runs it: at top level, or as an ONBUILD trigger that runs in the images built from this one. */
export interface RunInstruction {
  /** The RUN node (for ONBUILD, its trigger). */
  readonly run: InstructionNode;
  /** The instruction as it stands in the file: the RUN itself, or the ONBUILD that wraps it. */
  readonly instruction: InstructionNode;
  readonly onbuild: boolean;
  readonly stage: Stage | undefined;
}

/** One simple command with the script and RUN it belongs to. */
export interface RunCommand {
  readonly command: ShellCommand;
  /** The command's name without its directory. */
  readonly program: string;
  readonly script: ShellScript;
  readonly owner: RunInstruction;
}

interface RunIndex {
  readonly runs: readonly RunInstruction[];
  readonly commands: readonly RunCommand[];
  readonly byProgram: ReadonlyMap<string, readonly RunCommand[]>;
}

const modelIndexes = new WeakMap<DockerfileModel, RunIndex>();
const stageIndexes = new WeakMap<Stage, RunIndex>();
const preambleIndexes = new WeakMap<DockerfileModel, RunIndex>();

function indexOf(model: DockerfileModel): RunIndex {
  let index = modelIndexes.get(model);
  if (!index) {
    // Put together from the stages' own indexes, which a model built after an edit shares with the one before for the stages it kept.
    const parts = [stageRunIndex(model, undefined), ...model.stages.map((stage) => stageRunIndex(model, stage))];
    const byProgram = new Map<string, RunCommand[]>();
    for (const part of parts) {
      for (const [program, sites] of part.byProgram) {
        const named = byProgram.get(program);
        if (named) {
          named.push(...sites);
        } else {
          byProgram.set(program, [...sites]);
        }
      }
    }
    index = { runs: parts.flatMap((part) => part.runs), commands: parts.flatMap((part) => part.commands), byProgram };
    modelIndexes.set(model, index);
  }
  return index;
}

/** The RUNs and commands of one stage (undefined: the instructions before the first FROM), indexed once per stage object. */
function stageRunIndex(model: DockerfileModel, stage: Stage | undefined): RunIndex {
  const cache: WeakMap<object, RunIndex> = stage ? stageIndexes : preambleIndexes;
  const key = stage ?? model;
  let index = cache.get(key);
  if (!index) {
    index = buildIndex(stage ? stage.instructions : model.instructions.filter((instruction) => !instruction.stage));
    cache.set(key, index);
  }
  return index;
}

function buildIndex(instructions: readonly InstructionNode[]): RunIndex {
  const runs: RunInstruction[] = [];
  const commands: RunCommand[] = [];
  const byProgram = new Map<string, RunCommand[]>();
  for (const instruction of instructions) {
    const run = instruction.keyword === 'RUN' ? instruction : instruction.trigger?.keyword === 'RUN' ? instruction.trigger : undefined;
    if (!run) {
      continue;
    }
    const owner: RunInstruction = { run, instruction, onbuild: run !== instruction, stage: instruction.stage };
    runs.push(owner);
    for (const script of run.shellScripts) {
      for (const command of script.commands) {
        const site: RunCommand = { command, program: programName(command), script, owner };
        commands.push(site);
        const named = byProgram.get(site.program);
        if (named) {
          named.push(site);
        } else {
          byProgram.set(site.program, [site]);
        }
      }
    }
  }
  return { runs, commands, byProgram };
}

/** RUN instructions and ONBUILD RUN triggers, in file order. */
export function runInstructions(model: DockerfileModel): readonly RunInstruction[] {
  return indexOf(model).runs;
}

/** Every simple command of every RUN, in file order. */
export function runCommands(model: DockerfileModel): readonly RunCommand[] {
  return indexOf(model).commands;
}

/** RUN instructions and ONBUILD RUN triggers of one stage (undefined: before the first FROM), in file order. */
export function runInstructionsInStage(model: DockerfileModel, stage: Stage | undefined): readonly RunInstruction[] {
  return stageRunIndex(model, stage).runs;
}

/** Every simple command of the RUNs of one stage (undefined: before the first FROM), in file order. */
export function runCommandsInStage(model: DockerfileModel, stage: Stage | undefined): readonly RunCommand[] {
  return stageRunIndex(model, stage).commands;
}

/** The commands of one stage (undefined: before the first FROM) that run `program`, in file order. */
export function commandsRunningInStage(model: DockerfileModel, stage: Stage | undefined, program: string): readonly RunCommand[] {
  return stageRunIndex(model, stage).byProgram.get(program) ?? [];
}

/** The commands that run `program` (`cd`, `curl`...), however its path is written, in file order. */
export function commandsRunning(model: DockerfileModel, program: string): readonly RunCommand[] {
  return indexOf(model).byProgram.get(program) ?? [];
}

/** The command's name without its directory (`/usr/bin/apt-get` is `apt-get`). */
export function programName(command: ShellCommand): string {
  const name = command.name;
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

/**
 * True when a `--mount=type=cache` or `type=tmpfs` of the RUN covers `directory`, which then
 * never reaches the image's layers.
 */
export function hasVolatileMount(run: InstructionNode, directory: string): boolean {
  const wanted = trimSlash(directory);
  return run.flags.some((flag) => {
    if (flag.name.toLowerCase() !== 'mount') {
      return false;
    }
    const type = flag.options.find((o) => o.name.toLowerCase() === 'type')?.value?.toLowerCase();
    if (type !== 'cache' && type !== 'tmpfs') {
      return false;
    }
    const target = flag.options.find((o) => ['target', 'dst', 'destination'].includes(o.name.toLowerCase()))?.value;
    return target !== undefined && trimSlash(target) === wanted;
  });
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** A command of a stage's RUN lines, and whether a `cd` or `pushd` ran before it in its script (relative paths are then unknown). */
export interface StageCommand {
  readonly instruction: InstructionNode;
  readonly script: ShellScript;
  readonly command: ShellCommand;
  readonly cdBefore: boolean;
}

/** The commands the stage's RUN instructions run, in order, except `cd` and `pushd` themselves. */
export function* stageCommands(stage: Stage): Generator<StageCommand> {
  for (const instruction of stage.instructions) {
    for (const script of instruction.shellScripts) {
      let cdBefore = false;
      for (const command of script.commands) {
        if (command.name === 'cd' || command.name === 'pushd') {
          cdBefore = true;
          continue;
        }
        yield { instruction, script, command, cdBefore };
      }
    }
  }
}
