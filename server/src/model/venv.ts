// Python virtual environments in a Dockerfile: where they are created, copied, put on PATH and used.
import { OverlayScope } from './scope';
import type { Property } from 'dockerfile-ast';
import { contain } from '../util/contain';
import { absolutePath, copyPaths, isWithin, landingPath, normalizePath, stageLineage, type CopyPath } from './copyPaths';
import { stageCommands } from './runCommands';
import type { ShellCommand, ShellWord } from './shell';
import type { DockerfileModel, InstructionNode, Stage, StageEdge, VariableScope } from './types';
import { expandVariables } from './variables';

export type VenvTool = 'venv' | 'virtualenv' | 'uv venv' | 'uv sync';

export interface VenvCreation {
  /** Absolute directory of the environment. */
  readonly dir: string;
  readonly tool: VenvTool;
  readonly instruction: InstructionNode;
  readonly command: ShellCommand;
  /** The word naming the directory; absent when the tool's default is used (`uv venv`). */
  readonly dirWord: ShellWord | undefined;
  /** Created as a side effect (`uv sync`), not by a command whose job is to make a venv. */
  readonly implicit: boolean;
}

export interface CopiedVenv {
  readonly venv: VenvCreation;
  /** Where the environment lands in the copying stage. */
  readonly dir: string;
  readonly edge: StageEdge;
  readonly source: CopyPath;
}

const pythonName = /^python(\d+(\.\d+)?)?$/;
const pipName = /^pip(\d+(\.\d+)?)?$/;

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Options of the venv tools that take a value, so the value is not read as the directory. */
const valueOptions: Readonly<Record<VenvTool, ReadonlySet<string>>> = {
  venv: new Set(['--prompt']),
  virtualenv: new Set(['-p', '--python', '--prompt', '--activators', '--seeder', '--creator', '--app-data', '--extra-search-dir', '--pip', '--setuptools', '--wheel', '--discovery']),
  'uv venv': new Set(['-p', '--python', '--prompt', '--index-url', '--extra-index-url', '--index', '--default-index', '--find-links', '-f', '--index-strategy', '--keyring-provider', '--link-mode', '--exclude-newer', '--cache-dir', '--directory', '--project', '--config-file', '--color']),
  'uv sync': new Set(),
};

function positional(args: readonly ShellWord[], tool: VenvTool): ShellWord[] {
  const result: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value.startsWith('-')) {
      if (!value.includes('=') && valueOptions[tool].has(value)) {
        i++;
      }
      continue;
    }
    result.push(args[i]);
  }
  return result;
}

/** The tool and the words after it when `command` creates a venv. */
function venvCommand(command: ShellCommand): { tool: VenvTool; rest: readonly ShellWord[] } | undefined {
  const name = basename(command.name);
  const args = command.args;
  if (pythonName.test(name)) {
    const m = args.findIndex((word) => word.value === '-m');
    const module = m >= 0 ? args[m + 1]?.value : undefined;
    if (module === 'venv' || module === 'virtualenv') {
      return { tool: module, rest: args.slice(m + 2) };
    }
    return undefined;
  }
  if (name === 'virtualenv') {
    return { tool: 'virtualenv', rest: args };
  }
  if (name === 'uv' && args[0]?.value === 'venv') {
    return { tool: 'uv venv', rest: args.slice(1) };
  }
  if (name === 'uv' && args[0]?.value === 'sync') {
    return { tool: 'uv sync', rest: args.slice(1) };
  }
  return undefined;
}

/** Resolves a directory word of a RUN; undefined when a variable or an earlier `cd` makes it unknowable. */
function resolveDirectory(model: DockerfileModel, instruction: InstructionNode, value: string, cdBefore: boolean): string | undefined {
  const expansion = expandVariables(value, instruction.scope, model.escapeChar);
  if (expansion.unresolved.length > 0 || expansion.value === '' || expansion.value.includes('$') || expansion.value.includes('`')) {
    return undefined;
  }
  if (!expansion.value.startsWith('/') && cdBefore) {
    return undefined;
  }
  return absolutePath(instruction.workdir, expansion.value);
}

const creationsByStage = new WeakMap<Stage, readonly VenvCreation[]>();

/**
 * Every venv the RUN instructions of `stage` create, in order; found once per stage object
 * (what they depend on, the stage and what precedes it, is the same while the object is).
 */
export function venvCreations(model: DockerfileModel, stage: Stage): readonly VenvCreation[] {
  let creations = creationsByStage.get(stage);
  if (!creations) {
    creations = findVenvCreations(model, stage);
    creationsByStage.set(stage, creations);
  }
  return creations;
}

function findVenvCreations(model: DockerfileModel, stage: Stage): VenvCreation[] {
  const creations: VenvCreation[] = [];
  for (const { instruction, command, cdBefore } of stageCommands(stage)) {
    const found = venvCommand(command);
    if (!found) {
      continue;
    }
    if (found.tool === 'uv sync') {
      const configured = instruction.scope.get('UV_PROJECT_ENVIRONMENT')?.value;
      const dir = resolveDirectory(model, instruction, configured ?? '.venv', cdBefore);
      if (dir) {
        creations.push({ dir, tool: found.tool, instruction, command, dirWord: undefined, implicit: true });
      }
      continue;
    }
    const words = positional(found.rest, found.tool);
    if (words.length === 0 && found.tool === 'uv venv') {
      const dir = resolveDirectory(model, instruction, '.venv', cdBefore);
      if (dir) {
        creations.push({ dir, tool: found.tool, instruction, command, dirWord: undefined, implicit: false });
      }
      continue;
    }
    for (const word of words) {
      const dir = resolveDirectory(model, instruction, word.value, cdBefore);
      if (dir) {
        creations.push({ dir, tool: found.tool, instruction, command, dirWord: word, implicit: false });
      }
    }
  }
  return creations;
}

/** The variables an ENV instruction sets, with their values expanded. */
export function envAssignments(model: DockerfileModel, instruction: InstructionNode): { name: string; value: string }[] {
  if (instruction.keyword !== 'ENV') {
    return [];
  }
  const properties = contain('dockerfile-ast ENV properties', () => (instruction.ast as unknown as { getProperties(): Property[] }).getProperties?.() ?? [], [] as Property[]);
  const scope = new OverlayScope(instruction.scope);
  const result: { name: string; value: string }[] = [];
  for (const property of properties) {
    const raw = property.getValue();
    if (raw === null || raw === undefined) {
      continue;
    }
    const value = expandVariables(raw, scope, model.escapeChar).value;
    scope.set(property.getName(), { name: property.getName(), value, kind: 'env' });
    result.push({ name: property.getName(), value });
  }
  return result;
}

function pathCovers(pathValue: string | undefined, dir: string): boolean {
  if (pathValue === undefined) {
    return false;
  }
  const bin = normalizePath(`${dir}/bin`);
  return pathValue.split(':').some((entry) => entry !== '' && normalizePath(entry) === bin);
}

/** True when `dir/bin` is on PATH for an instruction. */
export function onPathAt(scope: VariableScope, dir: string): boolean {
  return pathCovers(scope.get('PATH')?.value, dir);
}

/** True when some instruction of the stage sees `dir/bin` on PATH, or an ENV of the stage puts it there. */
export function onPathInStage(model: DockerfileModel, stage: Stage, dir: string): boolean {
  return stage.instructions.some(
    (instruction) => onPathAt(instruction.scope, dir)
      || envAssignments(model, instruction).some((assignment) => assignment.name === 'PATH' && pathCovers(assignment.value, dir)),
  );
}

export interface PythonUse {
  readonly instruction: InstructionNode;
  /**
   * `venv` when the command runs from the environment (by its path, or by name with the
   * environment on PATH or activated); `system` when it runs by name and PATH finds another
   * Python; `other` when a path names another interpreter (`/usr/bin/python3`), which no PATH
   * setting changes.
   */
  readonly runs: 'venv' | 'system' | 'other';
}

/** True for commands that run Python or pip; the only ones whose target Python this analysis can tell. */
function isPythonTool(name: string): boolean {
  const base = basename(name);
  return pythonName.test(base) || pipName.test(base);
}

function isActivation(command: ShellCommand, dir: string): boolean {
  if (command.name !== '.' && command.name !== 'source') {
    return false;
  }
  const target = command.args[0]?.value;
  return target !== undefined && target.startsWith('/') && normalizePath(target) === normalizePath(`${dir}/bin/activate`);
}

/**
 * Where Python or pip runs in `stages` after `after` (an instruction of the first stage), and
 * whether it runs from the venv at `dir`. CMD and ENTRYPOINT count: they run in the image.
 */
export function pythonUses(stages: readonly Stage[], dir: string, after: InstructionNode, afterCommand?: ShellCommand): PythonUse[] {
  const uses: PythonUse[] = [];
  const venvBin = normalizePath(`${dir}/bin`);
  const classify = (instruction: InstructionNode, name: string, activated: boolean): void => {
    if (name.startsWith('/') && isWithin(normalizePath(name), venvBin)) {
      uses.push({ instruction, runs: 'venv' });
    } else if (isPythonTool(name)) {
      const bare = !name.includes('/');
      uses.push({ instruction, runs: !bare ? 'other' : activated || onPathAt(instruction.scope, dir) ? 'venv' : 'system' });
    }
  };
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      if (instruction.start < after.start || (instruction === after && !afterCommand)) {
        continue;
      }
      for (const script of instruction.shellScripts) {
        let activated = false;
        for (const command of script.commands) {
          if (instruction === after && afterCommand && command.start <= afterCommand.start) {
            continue;
          }
          if (isActivation(command, dir)) {
            activated = true;
            continue;
          }
          classify(instruction, command.name, activated);
        }
      }
      if (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') {
        const program = instruction.jsonArgs ? instruction.jsonArgs[0] : instruction.args[0]?.value;
        if (program !== undefined) {
          classify(instruction, program, false);
        }
      }
    }
  }
  return uses;
}

/** Stages built on `stage` (`FROM stage`), directly or not, in file order. */
export function descendantStages(model: DockerfileModel, stage: Stage): Stage[] {
  return model.stages.filter((other) => other !== stage && stageLineage(other).includes(stage));
}

/**
 * Per model, what each stage holds. Stages take only from earlier stages, so the graph is
 * acyclic; remembering each stage's answer keeps chains of stages (each `FROM` and
 * `COPY --from` the one before) linear instead of exponential.
 */
const venvsMemo = new WeakMap<DockerfileModel, Map<Stage, { dir: string; venv: VenvCreation }[]>>();
const copiedMemo = new WeakMap<DockerfileModel, Map<Stage, CopiedVenv[]>>();

function memoFor<T>(memo: WeakMap<DockerfileModel, Map<Stage, T>>, model: DockerfileModel): Map<Stage, T> {
  let perStage = memo.get(model);
  if (!perStage) {
    perStage = new Map();
    memo.set(model, perStage);
  }
  return perStage;
}

/** Venvs present in a stage: created in it or the stages it is built on, or copied into them. */
export function venvsIn(model: DockerfileModel, stage: Stage): { dir: string; venv: VenvCreation }[] {
  const memo = memoFor(venvsMemo, model);
  const known = memo.get(stage);
  if (known) {
    return known;
  }
  // Guards against a cycle, should a malformed file ever produce one.
  memo.set(stage, []);
  const found: { dir: string; venv: VenvCreation }[] = [];
  // The same venv reaches a stage along many paths of a chain; one entry per place and origin is enough.
  const seen = new Set<string>();
  const add = (dir: string, venv: VenvCreation): void => {
    const key = `${dir}\0${venv.instruction.index}\0${venv.dir}`;
    if (!seen.has(key)) {
      seen.add(key);
      found.push({ dir, venv });
    }
  };
  for (const member of stageLineage(stage)) {
    for (const venv of venvCreations(model, member)) {
      add(venv.dir, venv);
    }
    for (const copied of copiedVenvsInto(model, member)) {
      add(copied.dir, copied.venv);
    }
  }
  memo.set(stage, found);
  return found;
}

/** Venvs that `COPY --from` instructions of `stage` bring from other stages. */
export function copiedVenvsInto(model: DockerfileModel, stage: Stage): CopiedVenv[] {
  const memo = memoFor(copiedMemo, model);
  const known = memo.get(stage);
  if (known) {
    return known;
  }
  memo.set(stage, []);
  const result: CopiedVenv[] = [];
  for (const edge of model.stageEdges) {
    if (edge.kind !== 'copy' || edge.to !== stage || !edge.from || edge.from === stage) {
      continue;
    }
    const paths = copyPaths(model, edge.instruction);
    if (!paths?.absoluteDestination) {
      continue;
    }
    const available = venvsIn(model, edge.from);
    for (const source of paths.sources) {
      if (source.expanded === undefined || /[*?[]/.test(source.expanded)) {
        continue;
      }
      const copied = absolutePath('/', source.expanded);
      if (!copied) {
        continue;
      }
      for (const { dir, venv } of available) {
        if (isWithin(dir, copied)) {
          result.push({ venv, dir: landingPath(dir, copied, paths.absoluteDestination), edge, source });
        }
      }
    }
  }
  memo.set(stage, result);
  return result;
}
