// "Build Multi-Platform Image...": asks what to build, runs the preflight checks, then builds with buildx.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LAST_BUILT_IMAGES_KEY } from '../scan/commands/imagePicker';
import { t } from '../localize';
import { abortSignalFromToken } from '../process/cancellation';
import { runProcess } from '../process/runProcess';
import { buildCommandArguments, type BuildMode, type BuildOptions, type BuildOutput } from './buildArgs';
import { readBuildSettingsOrRefuse, type BuildSettings } from './buildSettings';
import { outlineDockerfile, type DockerfileOutline } from './dockerfileOutline';
import { dockerRunner, type DockerRun } from './dockerRunner';
import { builderPlatforms, currentBuilder } from './parseBuilders';
import { parseBuildFailure } from './parseBuildFailure';
import { isValidPlatform } from './platforms';
import {
  checkBuild, MULTI_PLATFORM_FINDINGS, probeEngine,
  type DockerfileFinding, type EngineProbe, type NextStep, type PreflightProblem, type PreflightReport,
} from './preflight';

/** Everything the command would ask; given fields skip their prompt (keybindings, tasks, tests). */
export interface BuildCommandOptions {
  readonly dockerfile?: string;
  readonly context?: string;
  readonly platforms?: readonly string[];
  readonly tag?: string | readonly string[];
  readonly builder?: string;
  readonly output?: BuildOutput | 'image' | 'load' | 'push';
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly noCache?: boolean;
  /** Build even when preflight has warnings (never when it has errors). */
  readonly ignoreWarnings?: boolean;
}

export interface BuildCommandResult {
  readonly outcome: 'built' | 'failed' | 'cancelled' | 'refused' | 'blocked';
  readonly mode?: BuildMode;
  readonly args?: readonly string[];
  readonly problems?: readonly PreflightProblem[];
  readonly exitCode?: number | null;
}

const PLATFORMS_STATE_PREFIX = 'dockerfileAdvisor.build.platforms:';
const COMMON_PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64'];
/** Each next step can change the request (a builder, an output); a few rounds settle it or the user stops. */
const MAX_PREFLIGHT_ROUNDS = 4;

export class BuildCommand {
  constructor(
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly buildOutput: vscode.OutputChannel,
    private readonly diagnostics: vscode.DiagnosticCollection,
  ) {}

  async run(given: BuildCommandOptions = {}): Promise<BuildCommandResult> {
    const settings = readBuildSettingsOrRefuse();
    if (!settings) {
      return { outcome: 'refused' };
    }
    const dockerfile = await this.pickDockerfile(given.dockerfile);
    if (!dockerfile) {
      return { outcome: 'cancelled' };
    }
    const document = await vscode.workspace.openTextDocument(dockerfile);
    const outline = outlineDockerfile(document.getText());
    const docker = dockerRunner(settings.dockerPath, { log: (line) => this.log.info(line) });

    let probe = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Checking Docker and Buildx…') },
      () => probeEngine(docker, t),
    );
    const context = given.context ?? path.dirname(dockerfile.fsPath);
    if (!probe.dockerFound || probe.buildxVersion === undefined) {
      const problem = probe.problems[0];
      if (!problem) {
        return { outcome: 'blocked' };
      }
      this.logProblems([problem]);
      const step = await this.offerNextSteps(problem, false);
      if (step !== 'buildAnyway' && step?.kind === 'buildSinglePlatform') {
        return this.buildSinglePlatform(given, dockerfile, context, step.platform, settings);
      }
      return { outcome: 'blocked', problems: probe.problems };
    }

    const asked = await this.askForRequest(given, dockerfile, context, outline, probe, settings);
    if (!asked) {
      return { outcome: 'cancelled' };
    }
    let request: BuildOptions = asked;
    const findings = multiPlatformFindings(dockerfile);
    for (let round = 0; round < MAX_PREFLIGHT_ROUNDS; round++) {
      const report: PreflightReport = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('Checking the build before it starts…') },
        () => checkBuild(probe, {
          platforms: request.platforms,
          ...(request.builder ? { builder: request.builder } : {}),
          output: request.output,
          baseImages: outline.baseImages,
          unresolvedImages: outline.unresolvedImages,
          findings,
          checkBaseImages: settings.checkBaseImages,
        }, docker, t),
      );
      report.notes.forEach((note) => this.log.info(note));
      if (report.problems.length === 0) {
        return this.build(request, 'buildx', settings, dockerfile);
      }
      this.logProblems(report.problems);
      const errors = report.problems.filter((problem) => problem.severity === 'error');
      if (errors.length === 0 && given.ignoreWarnings) {
        return this.build(request, 'buildx', settings, dockerfile);
      }
      const first = errors[0] ?? report.problems[0]!;
      const step = await this.offerNextSteps(first, errors.length === 0, report.problems.length);
      if (step === 'buildAnyway') {
        return this.build(request, 'buildx', settings, dockerfile);
      }
      if (step?.kind === 'buildSinglePlatform') {
        return this.buildSinglePlatform(given, dockerfile, context, step.platform, settings);
      }
      const changed = step ? await this.applyStep(step, request, docker, probe, dockerfile) : undefined;
      if (!changed) {
        return { outcome: 'blocked', problems: report.problems };
      }
      ({ request, probe } = changed);
    }
    return { outcome: 'blocked' };
  }

  private async pickDockerfile(given: string | undefined): Promise<vscode.Uri | undefined> {
    if (given) {
      return given.includes('://') ? vscode.Uri.parse(given) : vscode.Uri.file(given);
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'dockerfile' && active.uri.scheme === 'file') {
      return active.uri;
    }
    const files = await vscode.workspace.findFiles('**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*}', '**/node_modules/**', 50);
    if (files.length <= 1) {
      if (files.length === 0) {
        void vscode.window.showWarningMessage(t('No Dockerfile was found in this workspace. Open one and run the command again.'));
      }
      return files[0];
    }
    const picked = await vscode.window.showQuickPick(
      files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { title: t('Which Dockerfile?') },
    );
    return picked?.uri;
  }

  private async askForRequest(
    given: BuildCommandOptions, dockerfile: vscode.Uri, context: string, outline: DockerfileOutline, probe: EngineProbe, settings: BuildSettings,
  ): Promise<BuildOptions | undefined> {
    const builder = given.builder ?? (await this.askBuilder(probe));
    if (builder === undefined) {
      return undefined;
    }
    const chosenBuilder = probe.builders.find((b) => b.name === builder) ?? currentBuilder(probe.builders);
    const platforms = given.platforms ?? (await this.askPlatforms(dockerfile, chosenBuilder ? builderPlatforms(chosenBuilder) : [], settings));
    if (!platforms || platforms.length === 0) {
      return undefined;
    }
    const tags = given.tag !== undefined ? (typeof given.tag === 'string' ? [given.tag] : [...given.tag]) : await askTags();
    if (!tags) {
      return undefined;
    }
    const containerdStore = probe.info?.containerdImageStore ?? false;
    const output = given.output !== undefined ? normalizeOutput(given.output) : await askOutput(platforms.length, containerdStore, path.dirname(dockerfile.fsPath));
    if (!output) {
      return undefined;
    }
    const buildArgs = given.buildArgs ?? (given.platforms ? {} : await askBuildArgs(outline));
    if (!buildArgs) {
      return undefined;
    }
    const target = given.target ?? (given.platforms ? '' : await askTarget(outline));
    if (target === undefined) {
      return undefined;
    }
    return {
      dockerfile: dockerfile.fsPath,
      context,
      platforms,
      tags,
      ...(builder !== '' ? { builder } : {}),
      output,
      buildArgs,
      ...(target !== '' ? { target } : {}),
      ...(given.noCache ? { noCache: true } : {}),
    };
  }

  /** `''` means "the current builder" (no --builder). */
  private async askBuilder(probe: EngineProbe): Promise<string | undefined> {
    if (probe.builders.length <= 1) {
      return '';
    }
    type Item = vscode.QuickPickItem & { name: string };
    const items: Item[] = probe.builders.map((builder) => ({
      label: builder.current ? `$(check) ${builder.name}` : builder.name,
      name: builder.current ? '' : builder.name,
      description: builder.driver,
      detail: builderPlatforms(builder).join(', ') || t('platforms known once it starts'),
    }));
    const picked = await vscode.window.showQuickPick(items, { title: t('Which builder?'), matchOnDescription: true, matchOnDetail: true });
    return picked?.name;
  }

  private async askPlatforms(dockerfile: vscode.Uri, builderList: readonly string[], settings: BuildSettings): Promise<string[] | undefined> {
    const key = PLATFORMS_STATE_PREFIX + dockerfile.toString();
    const remembered = this.state.get<string[]>(key) ?? [...settings.defaultPlatforms];
    const choices = [...new Set([...remembered, ...builderList, ...COMMON_PLATFORMS])].filter(isValidPlatform);
    const picked = await vscode.window.showQuickPick(
      choices.map((platform) => ({
        label: platform,
        picked: remembered.includes(platform),
        ...(builderList.length > 0 && !builderList.includes(platform) ? { description: t('not listed by this builder') } : {}),
      })),
      { title: t('Build for which platforms?'), canPickMany: true },
    );
    if (!picked) {
      return undefined;
    }
    const platforms = picked.map((item) => item.label);
    await this.state.update(key, platforms);
    return platforms;
  }

  private async offerNextSteps(problem: PreflightProblem, buildAnywayAllowed: boolean, total = 1): Promise<NextStep | 'buildAnyway' | undefined> {
    const buildAnyway = t('Build Anyway');
    const labels = problem.nextSteps.map((step) => step.label);
    const more = total > 1 ? ' ' + t('({0} problems in all; see the output.)', total) : '';
    const show = problem.severity === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    const choice = await show(problem.message + more, ...labels, ...(buildAnywayAllowed ? [buildAnyway] : []));
    if (choice === undefined) {
      return undefined;
    }
    if (choice === buildAnyway) {
      return 'buildAnyway';
    }
    const step = problem.nextSteps.find((candidate) => candidate.label === choice);
    if (step && step.kind !== 'buildSinglePlatform') {
      await this.performSideEffect(step);
    }
    return step;
  }

  /** Steps that only show or open something; the ones that change the build are in `applyStep`. */
  private async performSideEffect(step: NextStep): Promise<void> {
    switch (step.kind) {
      case 'openUrl':
        await vscode.env.openExternal(vscode.Uri.parse(step.url));
        break;
      case 'openSetting':
        await vscode.commands.executeCommand('workbench.action.openSettings', step.setting);
        break;
      case 'showCommand': {
        const command = step.command.join(' ');
        await vscode.env.clipboard.writeText(command);
        this.log.info(command);
        void vscode.window.showInformationMessage(t('Copied to the clipboard; run it in a terminal: {0}', command));
        break;
      }
      default:
        break;
    }
  }

  /** The request (and, after creating a builder, the engine's answers) to check again; `undefined` to stop. */
  private async applyStep(
    step: NextStep, request: BuildOptions, docker: DockerRun, probe: EngineProbe, dockerfile: vscode.Uri,
  ): Promise<{ request: BuildOptions; probe: EngineProbe } | undefined> {
    switch (step.kind) {
      case 'createBuilder': {
        const created = await docker(step.args, 120_000);
        if (created.kind !== 'ok') {
          void vscode.window.showErrorMessage(t('The builder "{0}" could not be created: {1}', step.name, 'stderr' in created ? created.stderr.trim() : created.kind));
          return undefined;
        }
        return { request: { ...request, builder: step.name }, probe: await probeEngine(docker, t) };
      }
      case 'useBuilder':
        return { request: { ...request, builder: step.name }, probe };
      case 'chooseOutput': {
        const output = await askOutput(request.platforms.length, probe.info?.containerdImageStore ?? false, path.dirname(dockerfile.fsPath));
        return output ? { request: { ...request, output }, probe } : undefined;
      }
      case 'goToLine': {
        const editor = await vscode.window.showTextDocument(dockerfile);
        const position = new vscode.Position(step.line, 0);
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(new vscode.Range(position, position));
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** Records the tag for the scan command's image picker, and scans it when the user asked for that. */
  private async afterBuild(options: BuildOptions, dockerfile: vscode.Uri): Promise<void> {
    const tag = options.tags[0];
    if (!tag) {
      return;
    }
    const built = this.state.get<Record<string, string>>(LAST_BUILT_IMAGES_KEY, {});
    await this.state.update(LAST_BUILT_IMAGES_KEY, { ...built, [dockerfile.toString()]: tag });
    // Only an image the local engine holds can be scanned: a single-platform build or --load.
    const local = options.output.type === 'image' ? options.platforms.length === 1 : options.output.type === 'load';
    if (local && vscode.workspace.getConfiguration('dockerfileAdvisor.scan').get<boolean>('afterBuild', false)) {
      void vscode.commands.executeCommand('dockerfileAdvisor.scanImage', tag, { dockerfile: dockerfile.toString() });
    }
  }

  private async buildSinglePlatform(given: BuildCommandOptions, dockerfile: vscode.Uri, context: string, platform: string, settings: BuildSettings): Promise<BuildCommandResult> {
    const tags = given.tag !== undefined ? (typeof given.tag === 'string' ? [given.tag] : [...given.tag]) : await askTags();
    if (!tags) {
      return { outcome: 'cancelled' };
    }
    const options: BuildOptions = {
      dockerfile: dockerfile.fsPath,
      context,
      platforms: [platform],
      tags,
      output: { type: 'image' },
      buildArgs: given.buildArgs ?? {},
      ...(given.target ? { target: given.target } : {}),
      ...(given.noCache ? { noCache: true } : {}),
    };
    return this.build(options, 'singlePlatform', settings, dockerfile);
  }

  private async build(options: BuildOptions, mode: BuildMode, settings: BuildSettings, dockerfile: vscode.Uri): Promise<BuildCommandResult> {
    const args = buildCommandArguments(options, mode);
    this.diagnostics.delete(dockerfile);
    this.buildOutput.clear();
    this.buildOutput.show(true);
    const title = mode === 'buildx' ? t('Building for {0}…', options.platforms.join(', ')) : t('Building for {0} with docker build…', options.platforms.join(', '));
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (_progress, token) => {
        const cancel = abortSignalFromToken(token);
        try {
          return await runProcess(settings.dockerPath, args, {
            tool: 'docker',
            cwd: path.dirname(options.dockerfile),
            timeoutMs: settings.timeoutMs,
            signal: cancel.signal,
            onOutput: (_stream, text) => this.buildOutput.append(text),
          });
        } finally {
          cancel.dispose();
        }
      },
    );
    this.log.info(`${result.commandLine} → ${result.kind}`);
    if (result.kind === 'ok') {
      void vscode.window.showInformationMessage(t('The image was built for {0}.', options.platforms.join(', ')));
      await this.afterBuild(options, dockerfile);
      return { outcome: 'built', mode, args, exitCode: 0 };
    }
    if (result.kind === 'cancelled') {
      return { outcome: 'cancelled', mode, args };
    }
    if (result.kind === 'notFound' || result.kind === 'failedToStart') {
      void vscode.window.showErrorMessage(t('Docker was not found (nothing runs as "{0}"). Install Docker, or set dockerfileAdvisor.docker.path to the docker executable.', result.file));
      return { outcome: 'failed', mode, args };
    }
    const failure = parseBuildFailure(`${result.stdout}\n${result.stderr}`);
    const message = failure?.message ?? (result.kind === 'timedOut' ? t('no answer within {0} seconds', result.timeoutMs / 1000) : result.stderrTail);
    if (failure?.line !== undefined && (failure.file === undefined || failure.file === path.basename(options.dockerfile))) {
      const line = Math.max(0, failure.line - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'buildkit';
      this.diagnostics.set(dockerfile, [diagnostic]);
    }
    void vscode.window.showErrorMessage(t('The build failed: {0}', message));
    return { outcome: 'failed', mode, args, exitCode: result.kind === 'exitedNonZero' ? result.exitCode : null };
  }

  private logProblems(problems: readonly PreflightProblem[]): void {
    for (const problem of problems) {
      const line = `[${problem.check}] ${problem.message}`;
      if (problem.severity === 'error') {
        this.log.error(line);
      } else {
        this.log.warn(line);
      }
    }
  }
}

function multiPlatformFindings(dockerfile: vscode.Uri): DockerfileFinding[] {
  const codes: readonly string[] = MULTI_PLATFORM_FINDINGS;
  return vscode.languages.getDiagnostics(dockerfile).flatMap((diagnostic) => {
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
    return codes.includes(code) ? [{ code, line: diagnostic.range.start.line }] : [];
  });
}

function normalizeOutput(output: NonNullable<BuildCommandOptions['output']>): BuildOutput {
  return typeof output === 'string' ? { type: output } : output;
}

async function askTags(): Promise<string[] | undefined> {
  const value = await vscode.window.showInputBox({
    title: t('Image tag'),
    prompt: t('One or more tags separated by spaces, e.g. registry.example.com/app:1.0 (empty for none)'),
    validateInput: (text) => (text.split(/\s+/).some((tag) => tag.startsWith('-')) ? t('A tag cannot start with "-".') : undefined),
  });
  return value === undefined ? undefined : value.split(/\s+/).filter((tag) => tag !== '');
}

async function askOutput(platformCount: number, containerdStore: boolean, folder: string): Promise<BuildOutput | undefined> {
  type Item = vscode.QuickPickItem & { output: BuildOutput['type'] };
  const items: Item[] = [
    { label: t('Push to a registry'), description: '--push', output: 'push' },
    { label: t('Write an OCI layout folder'), description: '--output type=oci', output: 'oci' },
  ];
  // The classic image store holds one platform per tag, so --load of several would fail.
  if (containerdStore || platformCount === 1) {
    items.push({ label: t('Load into the local Docker engine'), description: '--load', output: 'load' });
  }
  items.push({ label: t('Build only (keep the result in the builder)'), description: '--output type=image', output: 'image' });
  const picked = await vscode.window.showQuickPick(items, { title: t('Where should the image go?') });
  if (!picked) {
    return undefined;
  }
  if (picked.output !== 'oci') {
    return { type: picked.output };
  }
  const dest = await vscode.window.showInputBox({ title: t('OCI layout folder'), value: path.join(folder, 'oci-image') });
  return dest ? { type: 'oci', dest } : undefined;
}

async function askBuildArgs(outline: DockerfileOutline): Promise<Record<string, string> | undefined> {
  if (outline.args.length === 0) {
    return {};
  }
  const picked = await vscode.window.showQuickPick(
    outline.args.map((arg) => ({ label: arg.name, description: arg.defaultValue !== undefined ? `= ${arg.defaultValue}` : t('no default') })),
    { title: t('Set which build arguments? (none keeps the defaults)'), canPickMany: true },
  );
  if (!picked) {
    return undefined;
  }
  const values: Record<string, string> = {};
  for (const item of picked) {
    const value = await vscode.window.showInputBox({ title: t('Value of {0}', item.label), value: outline.args.find((arg) => arg.name === item.label)?.defaultValue ?? '' });
    if (value === undefined) {
      return undefined;
    }
    values[item.label] = value;
  }
  return values;
}

async function askTarget(outline: DockerfileOutline): Promise<string | undefined> {
  const named = outline.stages.filter((stage) => stage.name !== undefined);
  if (named.length === 0) {
    return '';
  }
  const last = { label: t('The last stage'), target: '' };
  const picked = await vscode.window.showQuickPick(
    [last, ...named.map((stage) => ({ label: stage.name!, description: stage.image, target: stage.name! }))],
    { title: t('Build which stage?') },
  );
  return picked?.target;
}

