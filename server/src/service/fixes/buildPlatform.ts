// "Use $BUILDPLATFORM for this build stage": in a multi-platform build, a compiling stage runs natively and cross-compiles.
import * as l10n from '@vscode/l10n';
import type { TextEdit } from 'vscode-languageserver-types';
import { programName } from '../../model/runCommands';
import type { ShellCommand } from '../../model/shell';
import type { DockerfileModel, InstructionNode, Stage } from '../../model/types';
import { insertLinesAfter, keyword } from './instructionText';

export interface BuildPlatformRefactor {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

const targetVariable = /\$\{?TARGET(?:PLATFORM|OS|ARCH|VARIANT)\b/;
const targetArgDeclaration = /(?:^|\s)TARGET(?:PLATFORM|OS|ARCH|VARIANT)(?:=|\s|$)/;

/** The file builds for several platforms: it reads the target platform's ARGs or sets `FROM --platform`. */
export function isMultiPlatformFile(model: DockerfileModel): boolean {
  if (model.stages.some((stage) => stage.platform !== undefined)) {
    return true;
  }
  return model.instructions.some((instruction) => {
    const text = model.text.slice(instruction.start, instruction.end);
    return targetVariable.test(text) || (instruction.keyword === 'ARG' && targetArgDeclaration.test(instruction.argsText));
  });
}

type Toolchain = 'go' | 'rust' | 'dotnet' | 'jvm';

interface CompileCommand {
  readonly toolchain: Toolchain;
  readonly instruction: InstructionNode;
  readonly command: ShellCommand;
}

function compileCommands(stage: Stage): CompileCommand[] {
  const found: CompileCommand[] = [];
  for (const instruction of stage.instructions) {
    for (const script of instruction.shellScripts) {
      for (const command of script.commands) {
        const toolchain = toolchainOf(command);
        if (toolchain) {
          found.push({ toolchain, instruction, command });
        }
      }
    }
  }
  return found;
}

function toolchainOf(command: ShellCommand): Toolchain | undefined {
  const verb = command.args[0]?.value;
  switch (programName(command)) {
    case 'go':
      return verb === 'build' ? 'go' : undefined;
    case 'cargo':
      return verb === 'build' ? 'rust' : undefined;
    case 'dotnet':
      return verb === 'publish' || verb === 'build' ? 'dotnet' : undefined;
    case 'mvn':
    case 'mvnw':
    case 'gradle':
    case 'gradlew':
      return 'jvm';
    default:
      return undefined;
  }
}

/**
 * The refactor for `stage`, when it applies: the file is multi-platform, the stage has no
 * `--platform` yet, only hands files to later stages (nothing is built FROM it and it is not
 * the image), and its compiler can target another platform. Go gets `GOOS`/`GOARCH` from the
 * target ARGs; Rust, .NET and JVM stages get the FROM flag only.
 */
export function buildPlatformRefactor(model: DockerfileModel, stage: Stage): BuildPlatformRefactor | undefined {
  const isLast = stage.index === model.stages.length - 1;
  const isBase = model.stages.some((other) => other.baseStage === stage);
  const handsFiles = model.stageEdges.some((edge) => edge.from === stage && edge.kind !== 'from');
  if (stage.platform || stage.baseStage || isLast || isBase || !handsFiles || !isMultiPlatformFile(model)) {
    return undefined;
  }
  const commands = compileCommands(stage);
  if (commands.length === 0) {
    return undefined;
  }
  const fromFlag: TextEdit = { range: { start: stage.from.keywordRange.end, end: stage.from.keywordRange.end }, newText: ' --platform=$BUILDPLATFORM' };
  const goBuilds = commands.filter((c) => c.toolchain === 'go');
  if (goBuilds.length > 0) {
    return { title: l10n.t('Use $BUILDPLATFORM for this build stage (Go cross-compiles for TARGETOS/TARGETARCH)'), edits: [fromFlag, ...goEdits(model, stage, goBuilds)] };
  }
  if (commands.some((c) => c.toolchain === 'rust')) {
    return { title: l10n.t('Use $BUILDPLATFORM for this build stage (then give cargo build a --target for TARGETARCH)'), edits: [fromFlag] };
  }
  if (commands.some((c) => c.toolchain === 'dotnet')) {
    return { title: l10n.t('Use $BUILDPLATFORM for this build stage (then give dotnet publish the runtime of TARGETARCH)'), edits: [fromFlag] };
  }
  return { title: l10n.t('Use $BUILDPLATFORM for this build stage (JVM bytecode runs on every platform)'), edits: [fromFlag] };
}

const goVariables = [
  { env: 'GOOS', arg: 'TARGETOS' },
  { env: 'GOARCH', arg: 'TARGETARCH' },
] as const;

/** `ARG TARGETOS TARGETARCH` after FROM (what is not declared yet), and `GOOS=$TARGETOS GOARCH=$TARGETARCH` before each `go build`. */
function goEdits(model: DockerfileModel, stage: Stage, builds: readonly CompileCommand[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const undeclared = new Set<string>();
  for (const { instruction, command } of builds) {
    const prefix: string[] = [];
    for (const { env, arg } of goVariables) {
      // A GOOS/GOARCH the author already sets, by ENV, `export` or on the command, is left as it is.
      const setByEnv = instruction.scope.get(env)?.kind === 'env';
      const setInScript = instruction.shellScripts.some((script) =>
        script.commands.some((c) => c.index < command.index && c.name === 'export' && c.assignments.some((a) => a.name === env)),
      );
      if (setByEnv || setInScript || command.assignments.some((a) => a.name === env)) {
        continue;
      }
      prefix.push(`${env}=$${arg}`);
      if (instruction.scope.get(arg)?.kind !== 'arg') {
        undeclared.add(arg);
      }
    }
    if (prefix.length > 0) {
      const at = model.index.positionAt(command.words[0].start);
      edits.push({ range: { start: at, end: at }, newText: `${prefix.join(' ')} ` });
    }
  }
  if (undeclared.size > 0) {
    const names = goVariables.map((v) => v.arg).filter((name) => undeclared.has(name));
    edits.push(insertLinesAfter(model, stage.from, [`${keyword(model, 'ARG', stage.from)} ${names.join(' ')}`]));
  }
  return edits;
}
