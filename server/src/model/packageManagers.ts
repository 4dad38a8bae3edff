// Reads apt-get/apt/apk/pip/pipx invocations from the parsed RUN commands: subcommand, options and packages with or without a version.
import { programName, runCommandsInStage, type RunCommand } from './runCommands';
import type { ShellWord } from './shell';
import type { DockerfileModel, Stage } from './types';

export type PackageTool = 'apt-get' | 'apt' | 'aptitude' | 'apk' | 'pip' | 'pipx';

export interface ParsedOption {
  /** With its dashes: `--yes`, or `-y` for each letter of a cluster such as `-yq`. */
  readonly name: string;
  readonly value: string | undefined;
  readonly word: ShellWord;
}

export interface PackageArgument {
  readonly word: ShellWord;
  /** Undefined when the word is built from variables and its version cannot be told. */
  readonly pinned: boolean | undefined;
  /** A file, directory or URL rather than a name from the package index. */
  readonly local: boolean;
}

export interface PackageCommand {
  readonly tool: PackageTool;
  readonly site: RunCommand;
  /** The word that names the tool (`apt-get`, `pip3`, or `pip` in `python -m pip`). */
  readonly toolWord: ShellWord;
  readonly subcommand: ShellWord | undefined;
  readonly options: readonly ParsedOption[];
  readonly packages: readonly PackageArgument[];
  /** Variables set for this command alone (`NAME=value cmd`, `env NAME=value cmd`). */
  readonly environment: ReadonlyMap<string, string | undefined>;
}

interface ToolSyntax {
  /** Options whose value is the next word when not attached (`-o X`, `--virtual X`). */
  readonly valueOptions: ReadonlySet<string>;
  readonly isPinned: (value: string) => boolean;
  readonly isLocal: (value: string) => boolean;
}

const aptSyntax: ToolSyntax = {
  valueOptions: new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture']),
  isPinned: (value) => value.includes('='),
  isLocal: (value) => value.endsWith('.deb') || /^(\.{0,2}\/|~\/)/.test(value),
};

const apkSyntax: ToolSyntax = {
  valueOptions: new Set([
    '-X', '--repository', '-t', '--virtual', '-p', '--root', '--keys-dir', '--repositories-file', '--arch',
    '--cache-dir', '--cache-max-age', '--timeout',
  ]),
  isPinned: (value) => /[=~<>]/.test(value.replace(/^[^=~<>]*:\/\//, '')),
  isLocal: (value) => value.endsWith('.apk') || /^(\.{0,2}\/|~\/)/.test(value),
};

const pipValueOptions = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--prefix', '--root', '--build',
  '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '--src', '--upgrade-strategy',
  '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--global-option',
  '--install-option', '-C', '--config-settings', '--log', '--proxy', '--retries', '--timeout', '--exists-action',
  '--cert', '--client-cert', '--cache-dir', '--report', '--progress-bar', '--root-user-action', '--python',
  '--suffix', '--pip-args', '--preinstall', '--spec', '--index-url', '--keyring-provider', '--use-feature', '--use-deprecated',
];

const pipSyntax: ToolSyntax = {
  valueOptions: new Set(pipValueOptions),
  isPinned: isPipRequirementPinned,
  isLocal: isPipLocalRequirement,
};

const syntaxOf: Record<PackageTool, ToolSyntax> = {
  'apt-get': aptSyntax,
  apt: aptSyntax,
  aptitude: aptSyntax,
  apk: apkSyntax,
  pip: pipSyntax,
  pipx: pipSyntax,
};

/** Programs that run the command given after their own options; a package manager behind them still counts. */
const wrapperValueOptions: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['sudo', new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T'])],
  ['env', new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'])],
  ['nice', new Set(['-n', '--adjustment'])],
  ['nohup', new Set()],
  ['time', new Set(['-f', '--format', '-o', '--output'])],
  ['command', new Set()],
  ['exec', new Set(['-a'])],
  ['eatmydata', new Set()],
]);

const modelCommands = new WeakMap<DockerfileModel, readonly PackageCommand[]>();
const stageCommands = new WeakMap<Stage, readonly PackageCommand[]>();
const preambleCommands = new WeakMap<DockerfileModel, readonly PackageCommand[]>();

/** Every package-manager command of the file's RUN instructions (ONBUILD triggers included), in file order. */
export function packageCommands(model: DockerfileModel): readonly PackageCommand[] {
  let found = modelCommands.get(model);
  if (!found) {
    found = [undefined, ...model.stages].flatMap((stage) => packageCommandsInStage(model, stage));
    modelCommands.set(model, found);
  }
  return found;
}

/** The package-manager commands of one stage (undefined: before the first FROM), read once per stage object. */
export function packageCommandsInStage(model: DockerfileModel, stage: Stage | undefined): readonly PackageCommand[] {
  const cache: WeakMap<object, readonly PackageCommand[]> = stage ? stageCommands : preambleCommands;
  const key = stage ?? model;
  let found = cache.get(key);
  if (!found) {
    const list: PackageCommand[] = [];
    for (const site of runCommandsInStage(model, stage)) {
      const parsed = readPackageCommand(site);
      if (parsed) {
        list.push(parsed);
      }
    }
    found = list;
    cache.set(key, found);
  }
  return found;
}

/** The option named (any of `names`), last one wins as in the tools themselves. */
export function findOption(command: PackageCommand, ...names: string[]): ParsedOption | undefined {
  for (let i = command.options.length - 1; i >= 0; i--) {
    if (names.includes(command.options[i].name)) {
      return command.options[i];
    }
  }
  return undefined;
}

function readPackageCommand(site: RunCommand): PackageCommand | undefined {
  if (!toolOf(site.program) && !wrapperValueOptions.has(site.program) && !site.program.startsWith('python')) {
    return undefined;
  }
  const environment = new Map<string, string | undefined>();
  for (const assignment of site.command.assignments) {
    environment.set(assignment.name, assignment.value);
  }
  const words = unwrap(site.command.words, environment);
  if (words.length === 0) {
    return undefined;
  }
  let toolIndex = 0;
  let tool = toolOf(baseName(words[0].value));
  if (!tool && /^python(\d+(\.\d+)?)?$/.test(baseName(words[0].value)) && words[1]?.value === '-m') {
    // `python -m pip install x` is pip under another name.
    const module = words[2]?.value;
    if (module === 'pip' || module === 'pip3' || module === 'pipx') {
      tool = module === 'pipx' ? 'pipx' : 'pip';
      toolIndex = 2;
    }
  }
  if (!tool) {
    return undefined;
  }
  const syntax = syntaxOf[tool];
  const { options, positionals } = readOptions(words.slice(toolIndex + 1), syntax.valueOptions);
  const [subcommand, ...operands] = positionals;
  const packages = operands.map((word): PackageArgument => {
    const local = syntax.isLocal(word.value);
    const pinned = syntax.isPinned(word.value) ? true : word.literal ? false : undefined;
    return { word, local, pinned };
  });
  return { tool, site, toolWord: words[toolIndex], subcommand, options, packages, environment };
}

function toolOf(name: string): PackageTool | undefined {
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude' || name === 'apk' || name === 'pipx') {
    return name;
  }
  return /^pip(\d+(\.\d+)?)?$/.test(name) ? 'pip' : undefined;
}

function baseName(name: string): string {
  return programName({ name } as Parameters<typeof programName>[0]);
}

/** Skips `sudo`, `env NAME=value` and the like, keeping the variables `env` sets. */
function unwrap(words: readonly ShellWord[], environment: Map<string, string | undefined>): readonly ShellWord[] {
  let rest = words;
  for (;;) {
    const wrapper = rest.length > 1 ? wrapperValueOptions.get(baseName(rest[0].value)) : undefined;
    if (!wrapper) {
      return rest;
    }
    const isEnv = baseName(rest[0].value) === 'env';
    let i = 1;
    while (i < rest.length) {
      const value = rest[i].value;
      if (value === '--') {
        i++;
        break;
      }
      if (value.startsWith('-') && value.length > 1) {
        i += wrapper.has(value) ? 2 : 1;
        continue;
      }
      const eq = value.indexOf('=');
      if (isEnv && eq > 0) {
        environment.set(value.slice(0, eq), value.slice(eq + 1));
        i++;
        continue;
      }
      break;
    }
    rest = rest.slice(i);
  }
}

function readOptions(words: readonly ShellWord[], valueOptions: ReadonlySet<string>): { options: ParsedOption[]; positionals: ShellWord[] } {
  const options: ParsedOption[] = [];
  const positionals: ShellWord[] = [];
  let onlyOperands = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const value = word.value;
    if (onlyOperands || !value.startsWith('-') || value === '-') {
      positionals.push(word);
      continue;
    }
    if (value === '--') {
      onlyOperands = true;
      continue;
    }
    if (value.startsWith('--')) {
      const eq = value.indexOf('=');
      if (eq > 0) {
        options.push({ name: value.slice(0, eq), value: value.slice(eq + 1), word });
      } else if (valueOptions.has(value)) {
        options.push({ name: value, value: words[i + 1]?.value, word });
        i++;
      } else {
        options.push({ name: value, value: undefined, word });
      }
      continue;
    }
    if (value[2] === '=') {
      options.push({ name: value.slice(0, 2), value: value.slice(3), word });
      continue;
    }
    // A cluster of short options (`-yq`); a letter that takes a value takes the rest of the word or the next word.
    for (let j = 1; j < value.length; j++) {
      const name = `-${value[j]}`;
      if (!valueOptions.has(name)) {
        options.push({ name, value: undefined, word });
        continue;
      }
      let optionValue = value.slice(j + 1).replace(/^=/, '');
      if (optionValue === '') {
        optionValue = words[i + 1]?.value ?? '';
        i++;
      }
      options.push({ name, value: optionValue, word });
      break;
    }
  }
  return { options, positionals };
}

const pipVersionOperators = ['===', '==', '~=', '!=', '>=', '<=', '>', '<', '@'];

function isPipRequirementPinned(value: string): boolean {
  if (isVcsRequirement(value)) {
    // `git+https://host/repo.git@v1.2#egg=x` names a revision; without `@rev` it takes whatever the branch holds.
    const url = value.replace(/#.*$/, '');
    const afterHost = url.replace(/^[a-z+]+:\/\/[^/]*/i, '');
    return afterHost.includes('@');
  }
  const requirement = value.replace(/;.*$/, '');
  return pipVersionOperators.some((operator) => requirement.includes(operator));
}

function isPipLocalRequirement(value: string): boolean {
  if (isVcsRequirement(value)) {
    return false;
  }
  return (
    /^[a-z]+:\/\//i.test(value) ||
    /^(\.{1,2}|~)?\//.test(value) ||
    value === '.' ||
    value === '..' ||
    /\.(whl|zip|tar|tar\.gz|tgz|tar\.bz2|tbz2|tar\.xz|txz)$/i.test(value)
  );
}

function isVcsRequirement(value: string): boolean {
  return /^(git|hg|svn|bzr)\+/i.test(value);
}
