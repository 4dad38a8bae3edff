// Build tools a stage installs or runs (compilers, -dev packages, dev dependencies) and the paths its build produces.
import type { Range } from 'vscode-languageserver-types';
import { absolutePath, copyPaths, normalizePath } from './copyPaths';
import { stageCommands } from './runCommands';
import type { ShellCommand, ShellScript } from './shell';
import type { DockerfileModel, InstructionNode, Stage } from './types';
import { expandVariables } from './variables';
import { venvCreations } from './venv';

export interface BuildToolUse {
  readonly instruction: InstructionNode;
  readonly range: Range;
  /** The package or command as users know it (`build-essential`, `go build`). */
  readonly label: string;
}

const buildPackages = new Set([
  'gcc', 'g++', 'gcc-c++', 'cc', 'clang', 'make', 'cmake', 'build-essential', 'build-base', 'autoconf', 'automake',
  'libtool', 'musl-dev', 'linux-headers', 'cargo', 'rustc', 'golang', 'maven', 'gradle', 'ninja-build', 'meson',
  'development tools',
]);

/** `apt-get install`, `apk add`... and the index of the first package word. */
const installCommands: Readonly<Record<string, readonly string[]>> = {
  'apt-get': ['install'],
  apt: ['install'],
  apk: ['add'],
  yum: ['install', 'groupinstall'],
  dnf: ['install', 'groupinstall'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
};
const removalCommands: Readonly<Record<string, readonly string[]>> = {
  'apt-get': ['purge', 'remove', 'autoremove'],
  apt: ['purge', 'remove', 'autoremove'],
  apk: ['del'],
  yum: ['remove', 'erase'],
  dnf: ['remove', 'erase'],
  microdnf: ['remove'],
  zypper: ['remove', 'rm'],
};
/** Options of package managers that take a value, so it is not read as a package. */
const packageValueOptions = new Set(['-t', '--target-release', '-o', '--option', '--virtual', '--repository', '-X', '--setopt', '--enablerepo', '--disablerepo', '-c', '--config-file']);

function subcommand(command: ShellCommand, table: Readonly<Record<string, readonly string[]>>): number {
  const verbs = table[command.name];
  if (!verbs) {
    return -1;
  }
  return command.args.findIndex((word) => verbs.includes(word.value));
}

function isBuildPackage(name: string): boolean {
  const bare = name.replace(/[=<>~].*$/, '').replace(/:(amd64|arm64|i386|armhf)$/, '').toLowerCase();
  return buildPackages.has(bare) || /-(dev|devel)$/.test(bare) || /^(gcc|g\+\+|clang)-\d+$/.test(bare);
}

function packageWords(model: DockerfileModel, instruction: InstructionNode, command: ShellCommand, verbIndex: number): { label: string; range: Range }[] {
  const result: { label: string; range: Range }[] = [];
  const args = command.args;
  for (let i = verbIndex + 1; i < args.length; i++) {
    const word = args[i];
    if (word.value.startsWith('-')) {
      if (!word.value.includes('=') && packageValueOptions.has(word.value)) {
        i++;
      }
      continue;
    }
    const range = model.index.rangeOf(word.start, word.end);
    if (word.literal) {
      result.push({ label: word.value, range });
      continue;
    }
    // `apt-get install $BUILD_PACKAGES`: the ARG or ENV default says what is installed.
    const expanded = expandVariables(word.value, instruction.scope, model.escapeChar);
    for (const name of expanded.value.split(/\s+/).filter((n) => n !== '' && !n.startsWith('#') && !n.startsWith('-'))) {
      result.push({ label: name, range });
    }
  }
  return result;
}

function hasFlag(command: ShellCommand, ...flags: string[]): boolean {
  return command.args.some((word) => flags.some((flag) => word.value === flag || word.value.startsWith(`${flag}=`)));
}

/** A command that builds or pulls in what only a build needs; undefined for anything else. */
function buildCommandLabel(instruction: InstructionNode, command: ShellCommand): string | undefined {
  const name = command.name.slice(command.name.lastIndexOf('/') + 1);
  const first = command.args[0]?.value;
  switch (name) {
    case 'go':
      return first === 'build' ? 'go build' : undefined;
    case 'cargo':
      return first === 'build' ? 'cargo build' : undefined;
    case 'mvn':
    case 'mvnw':
      return command.args.some((w) => ['package', 'install', 'verify'].includes(w.value)) ? `${name} package` : undefined;
    case 'gradle':
    case 'gradlew':
      return command.args.some((w) => ['build', 'assemble', 'bootJar', 'installDist'].includes(w.value)) ? `${name} build` : undefined;
    case 'npm': {
      if (first !== 'ci' && first !== 'install' && first !== 'i') {
        return undefined;
      }
      const production = instruction.scope.get('NODE_ENV')?.value === 'production';
      const global = hasFlag(command, '-g', '--global');
      const withoutDev = hasFlag(command, '--production', '--omit', '--only');
      return production || global || withoutDev ? undefined : `npm ${first}`;
    }
    case 'yarn':
      if (first !== undefined && first !== 'install') {
        return undefined;
      }
      return instruction.scope.get('NODE_ENV')?.value === 'production' || command.args.some((w) => w.value === '--production' || w.value === '--production=true')
        ? undefined
        : 'yarn install';
    case 'pnpm':
      return first === 'install' && !hasFlag(command, '--prod', '-P') ? 'pnpm install' : undefined;
    default:
      return undefined;
  }
}

/** True when a script removes packages after `index`: the build dependencies are then gone from the layer. */
function removesPackagesAfter(script: ShellScript, index: number): boolean {
  return script.commands.some((command) => command.index > index && subcommand(command, removalCommands) >= 0);
}

/** Build tools that stay in the image: installed packages not removed in the same RUN, and build commands. */
export function buildToolUses(model: DockerfileModel, stage: Stage): BuildToolUse[] {
  const uses: BuildToolUse[] = [];
  for (const instruction of stage.instructions) {
    for (const script of instruction.shellScripts) {
      for (const command of script.commands) {
        const verb = subcommand(command, installCommands);
        if (verb >= 0) {
          if (removesPackagesAfter(script, command.index)) {
            continue;
          }
          for (const pkg of packageWords(model, instruction, command, verb)) {
            if (isBuildPackage(pkg.label)) {
              uses.push({ instruction, range: pkg.range, label: pkg.label });
            }
          }
          continue;
        }
        const label = buildCommandLabel(instruction, command);
        if (label && !removesPackagesAfter(script, command.index)) {
          uses.push({ instruction, range: model.index.rangeOf(command.start, command.end), label });
        }
      }
    }
  }
  return uses;
}

export type BuildOutputKind = 'workdir' | 'venv' | 'output' | 'site-packages' | 'copy';

export interface BuildOutput {
  /** Absolute path in the stage. */
  readonly path: string;
  readonly kind: BuildOutputKind;
  readonly instruction: InstructionNode;
  /** A statically linked program (`CGO_ENABLED=0 go build`, `gcc -static`), which runs on any C library. */
  readonly static?: boolean;
}

const compilerNames = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'go']);

function outputFlag(command: ShellCommand): string | undefined {
  const name = command.name.slice(command.name.lastIndexOf('/') + 1);
  if (!compilerNames.has(name) || (name === 'go' && command.args[0]?.value !== 'build')) {
    return undefined;
  }
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    if (args[i].value === '-o' && args[i + 1]) {
      return args[i + 1].value;
    }
    if (args[i].value.startsWith('-o') && args[i].value.length > 2 && name !== 'go') {
      return args[i].value.slice(2);
    }
  }
  return undefined;
}

/** Go without cgo and `gcc -static` link everything in; `CGO_ENABLED=0` may prefix the command or be exported before it. */
function isStatic(model: DockerfileModel, instruction: InstructionNode, script: ShellScript, command: ShellCommand): boolean {
  if (command.name !== 'go') {
    return command.args.some((word) => word.value === '-static');
  }
  const assignments = model.text.slice(command.start, command.words[0].start);
  const exported = script.commands.some((c) => c.index < command.index && c.name === 'export' && c.args.some((w) => w.value === 'CGO_ENABLED=0'));
  return instruction.scope.get('CGO_ENABLED')?.value === '0' || exported || /(^|\s)CGO_ENABLED=0(\s|$)/.test(assignments);
}

/** The files `-o` of compilers, cargo and Java builds write, resolved against WORKDIR (unknown after a `cd`). */
export function compiledOutputs(model: DockerfileModel, stage: Stage): BuildOutput[] {
  const outputs: BuildOutput[] = [];
  for (const { instruction, script, command, cdBefore } of stageCommands(stage)) {
    const output = outputFlag(command);
    let written: string | undefined;
    if (output !== undefined) {
      written = output;
    } else if (command.name === 'cargo' && command.args[0]?.value === 'build') {
      written = command.args.some((w) => w.value === '--release' || w.value === '-r') ? 'target/release' : 'target/debug';
    } else if ((command.name === 'mvn' || command.name.endsWith('/mvnw')) && command.args.some((w) => w.value === 'package' || w.value === 'install')) {
      written = 'target';
    }
    if (written === undefined) {
      continue;
    }
    const expanded = expandVariables(written, instruction.scope, model.escapeChar);
    if (expanded.unresolved.length > 0 || expanded.value.includes('$') || (cdBefore && !expanded.value.startsWith('/'))) {
      continue;
    }
    const path = absolutePath(instruction.workdir, expanded.value);
    if (path) {
      outputs.push({ path, kind: 'output', instruction, static: isStatic(model, instruction, script, command) });
    }
  }
  return outputs;
}

/** Where the files of a COPY/ADD land: the destination, or `dest/<name>` when it is a directory. */
export function copiedFiles(model: DockerfileModel, instruction: InstructionNode): string[] {
  const paths = copyPaths(model, instruction);
  if (!paths?.absoluteDestination) {
    return [];
  }
  const intoDirectory = paths.destination.written.endsWith('/') || paths.sources.length > 1 || paths.absoluteDestination === '/';
  if (!intoDirectory) {
    return [paths.absoluteDestination];
  }
  return paths.sources
    .map((source) => source.expanded)
    .filter((source): source is string => source !== undefined && !/[*?[]/.test(source) && !/^\.?\/?$/.test(source) && !/^[a-z]+:\/\//i.test(source))
    .map((source) => normalizePath(`${paths.absoluteDestination}/${source.replace(/\/+$/, '').split('/').pop()}`));
}

/**
 * What a stage produced that a later stage may want: its WORKDIR, venvs, compiler outputs,
 * and (with `includeCopies`) the destinations of its COPY/ADD. Each path once, in file order.
 */
export function buildOutputs(model: DockerfileModel, stage: Stage, includeCopies: boolean): BuildOutput[] {
  const outputs: BuildOutput[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'WORKDIR') {
      const next = stage.instructions[stage.instructions.indexOf(instruction) + 1];
      const path = next?.workdir ?? workdirAfter(model, instruction);
      if (path) {
        outputs.push({ path, kind: 'workdir', instruction });
      }
    }
    if (includeCopies) {
      outputs.push(...copiedFiles(model, instruction).map((path) => ({ path, kind: 'copy' as const, instruction })));
    }
  }
  outputs.push(...venvCreations(model, stage).map((venv) => ({ path: venv.dir, kind: 'venv' as const, instruction: venv.instruction })));
  outputs.push(...compiledOutputs(model, stage));
  const seen = new Set<string>();
  return outputs
    .sort((a, b) => a.instruction.start - b.instruction.start)
    .filter((output) => !seen.has(output.path) && seen.add(output.path));
}

function workdirAfter(model: DockerfileModel, instruction: InstructionNode): string | undefined {
  const raw = instruction.args.map((a) => a.value).join(' ');
  const expanded = expandVariables(raw, instruction.scope, model.escapeChar);
  return expanded.unresolved.length > 0 ? undefined : absolutePath(instruction.workdir, expanded.value);
}
