// Checks, before anything is built, every reason a multi-platform build would fail, each with a next step.
import type { BuildOutput } from './buildArgs';
import type { BaseImage } from './dockerfileOutline';
import { firstErrorLine, outputOf, type DockerRun } from './dockerRunner';
import { builderPlatforms, currentBuilder, parseBuilderList, parseBuildxVersion, type Builder } from './parseBuilders';
import { parseDockerInfo, type DockerInfo } from './parseDockerInfo';
import { classifyRegistryError, parseImageConfigPlatforms, parseManifestPlatforms } from './parseImagetools';
import { canonicalPlatform, emulatorName, nativePlatform, platformListed } from './platforms';

/** Translates an English message with `{0}` placeholders; `vscode.l10n.t` or `@vscode/l10n`'s `t`. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** The builder we create when the user's cannot build several platforms; never made the default. */
export const OUR_BUILDER_NAME = 'dockerfile-advisor';
export const BUILDX_INSTALL_URL = 'https://docs.docker.com/build/install-buildx/';
export const DOCKER_INSTALL_URL = 'https://docs.docker.com/get-started/get-docker/';
export const DRIVERS_URL = 'https://docs.docker.com/build/builders/drivers/';
export const MULTI_PLATFORM_URL = 'https://docs.docker.com/build/building/multi-platform/';

export type PreflightCheck = 'docker' | 'buildx' | 'driver' | 'output' | 'platforms' | 'baseImage' | 'dockerfile';

export type NextStep =
  | { readonly kind: 'openUrl'; readonly label: string; readonly url: string }
  | { readonly kind: 'buildSinglePlatform'; readonly label: string; readonly platform: string }
  /** Runs `docker <args>` for the user (our own builder); the build then uses `--builder=name`. */
  | { readonly kind: 'createBuilder'; readonly label: string; readonly name: string; readonly args: readonly string[] }
  | { readonly kind: 'useBuilder'; readonly label: string; readonly name: string }
  /** A command the user runs themselves (it needs privileges or a machine we do not know). */
  | { readonly kind: 'showCommand'; readonly label: string; readonly command: readonly string[] }
  | { readonly kind: 'chooseOutput'; readonly label: string }
  | { readonly kind: 'goToLine'; readonly label: string; readonly line: number }
  | { readonly kind: 'openSetting'; readonly label: string; readonly setting: string };

export interface PreflightProblem {
  readonly check: PreflightCheck;
  /** Errors stop the build; warnings let the user build anyway. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly nextSteps: readonly NextStep[];
}

export interface EngineProbe {
  readonly dockerFound: boolean;
  readonly info?: DockerInfo;
  readonly engineReachable: boolean;
  readonly buildxVersion?: string;
  readonly builders: readonly Builder[];
  readonly nativePlatform: string;
  readonly problems: readonly PreflightProblem[];
}

/** A finding of our rules, from the language server, that matters when several platforms are built. */
export interface DockerfileFinding {
  readonly code: string;
  /** 0-based. */
  readonly line: number;
}

export interface BuildRequest {
  readonly platforms: readonly string[];
  readonly builder?: string;
  readonly output: BuildOutput;
  readonly baseImages: readonly BaseImage[];
  readonly unresolvedImages?: readonly string[];
  readonly findings: readonly DockerfileFinding[];
  /** Registry look-ups are network use, done only when the user allows them. */
  readonly checkBaseImages: boolean;
}

export interface PreflightReport {
  readonly probe: EngineProbe;
  readonly builder?: Builder;
  readonly problems: readonly PreflightProblem[];
  /** Things not checked and why, e.g. no registry reachable. */
  readonly notes: readonly string[];
}

const INFO_TIMEOUT_MS = 20_000;
const BUILDX_TIMEOUT_MS = 20_000;
const LS_TIMEOUT_MS = 30_000;
const IMAGETOOLS_TIMEOUT_MS = 20_000;
/** Builders that run elsewhere, so the local engine need not answer. */
const REMOTE_DRIVERS = new Set(['remote', 'kubernetes', 'cloud']);

/** Checks 1 and 2, plus the builder list the builder picker shows. */
export async function probeEngine(run: DockerRun, t: Translate): Promise<EngineProbe> {
  const problems: PreflightProblem[] = [];
  const infoResult = await run(['info', '--format', 'json'], INFO_TIMEOUT_MS);
  if (infoResult.kind === 'notFound' || infoResult.kind === 'failedToStart') {
    problems.push({
      check: 'docker',
      severity: 'error',
      message: t('Docker was not found (nothing runs as "{0}"). Install Docker, or set dockerfileAdvisor.docker.path to the docker executable.', infoResult.file),
      nextSteps: [
        { kind: 'openUrl', label: t('Install Docker'), url: DOCKER_INSTALL_URL },
        { kind: 'openSetting', label: t('Open Settings'), setting: 'dockerfileAdvisor.docker.path' },
      ],
    });
    return { dockerFound: false, engineReachable: false, builders: [], nativePlatform: nativePlatform(), problems };
  }
  const info = parseDockerInfo(outputOf(infoResult));
  const engineReachable = infoResult.kind === 'ok' && (info?.serverReachable ?? true);
  if (!engineReachable) {
    const reason = infoResult.kind === 'timedOut' ? t('no answer within {0} seconds', infoResult.timeoutMs / 1000) : firstErrorLine(infoResult);
    problems.push({
      check: 'docker',
      severity: 'error',
      message: t('The Docker engine does not answer ({0}). Start Docker and try again.', reason),
      nextSteps: [{ kind: 'openUrl', label: t('How to start Docker'), url: DOCKER_INSTALL_URL }],
    });
  }
  const native = nativePlatform(info?.osType, info?.architecture);

  const versionResult = await run(['buildx', 'version'], BUILDX_TIMEOUT_MS);
  const buildxVersion = versionResult.kind === 'ok' ? parseBuildxVersion(versionResult.stdout) ?? 'unknown' : undefined;
  if (buildxVersion === undefined) {
    problems.push({
      check: 'buildx',
      severity: 'error',
      message: t('Docker Buildx is not installed ({0}), so this Docker cannot build several platforms at once. Install Buildx, or build for this machine\'s platform ({1}) only.', firstErrorLine(versionResult), native),
      nextSteps: [
        { kind: 'openUrl', label: t('Install Buildx'), url: BUILDX_INSTALL_URL },
        { kind: 'buildSinglePlatform', label: t('Build for {0} only', native), platform: native },
      ],
    });
  }
  let builders: Builder[] = [];
  if (buildxVersion !== undefined) {
    const lsResult = await run(['buildx', 'ls', '--format', 'json'], LS_TIMEOUT_MS);
    builders = parseBuilderList(outputOf(lsResult));
  }
  return {
    dockerFound: true,
    ...(info ? { info } : {}),
    engineReachable,
    ...(buildxVersion !== undefined ? { buildxVersion } : {}),
    builders,
    nativePlatform: native,
    problems,
  };
}

/** Checks 3 to 6 for one build, given what `probeEngine` found. */
export async function checkBuild(probe: EngineProbe, request: BuildRequest, run: DockerRun, t: Translate): Promise<PreflightReport> {
  const problems: PreflightProblem[] = [];
  const notes: string[] = [];
  if (!probe.dockerFound || probe.buildxVersion === undefined) {
    return { probe, problems: [...probe.problems], notes };
  }
  const builder = request.builder ? probe.builders.find((b) => b.name === request.builder) : currentBuilder(probe.builders);
  // A remote, Kubernetes or cloud builder does the work elsewhere; the local engine being down does not matter then.
  const engineProblemsApply = !(builder && REMOTE_DRIVERS.has(builder.driver));
  problems.push(...probe.problems.filter((problem) => problem.check !== 'docker' || engineProblemsApply));

  if (request.builder && !builder) {
    problems.push({
      check: 'driver',
      severity: 'error',
      message: t('There is no builder named "{0}". Choose one of the builders that docker buildx ls lists.', request.builder),
      nextSteps: [],
    });
  }
  if (builder) {
    const driverProblems = checkDriver(builder, probe, request, t);
    problems.push(...driverProblems);
    // Emulators do not help a builder whose driver cannot build several platforms; the driver fix comes first.
    if (!driverProblems.some((problem) => problem.check === 'driver')) {
      const platformCheck = checkPlatforms(builder, probe, request, t);
      problems.push(...platformCheck.problems);
      notes.push(...platformCheck.notes);
    }
  }
  const baseImageCheck = await checkBaseImages(request, run, t);
  problems.push(...baseImageCheck.problems);
  notes.push(...baseImageCheck.notes);
  problems.push(...checkFindings(request.findings, request.platforms.length, t));
  return { probe, ...(builder ? { builder } : {}), problems, notes };
}

/** Both phases, for callers that have all the answers up front (an options object, a test). */
export async function runPreflight(run: DockerRun, request: BuildRequest, t: Translate): Promise<PreflightReport> {
  return checkBuild(await probeEngine(run, t), request, run, t);
}

export function blockingProblems(report: PreflightReport): PreflightProblem[] {
  return report.problems.filter((problem) => problem.severity === 'error');
}

function checkDriver(builder: Builder, probe: EngineProbe, request: BuildRequest, t: Translate): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const containerdStore = probe.info?.containerdImageStore ?? false;
  const several = request.platforms.length > 1;
  const dockerDriverLimited = builder.driver === 'docker' && !containerdStore;
  if (dockerDriverLimited && several) {
    problems.push({
      check: 'driver',
      severity: 'error',
      message: t('The builder "{0}" uses the docker driver, which cannot build several platforms unless the engine uses the containerd image store. Use a builder with the docker-container driver; Dockerfile Advisor can create one named "{1}" without changing your default builder.', builder.name, OUR_BUILDER_NAME),
      nextSteps: [ourBuilderStep(probe, t), { kind: 'openUrl', label: t('About builder drivers'), url: DRIVERS_URL }],
    });
  }
  if (dockerDriverLimited && request.output.type === 'oci') {
    problems.push({
      check: 'output',
      severity: 'error',
      message: t('The builder "{0}" uses the docker driver, which cannot write an OCI layout unless the engine uses the containerd image store.', builder.name),
      nextSteps: [ourBuilderStep(probe, t), { kind: 'chooseOutput', label: t('Choose another output') }],
    });
  }
  if (request.output.type === 'load' && several && !containerdStore) {
    problems.push({
      check: 'output',
      severity: 'error',
      message: t('--load cannot put a multi-platform image into this engine, because it does not use the containerd image store. Push it to a registry or write an OCI layout instead.'),
      nextSteps: [{ kind: 'chooseOutput', label: t('Choose another output') }],
    });
  }
  return problems;
}

/** Use our builder if it exists already, else create it; `--use` is never passed, so the default stays. */
function ourBuilderStep(probe: EngineProbe, t: Translate): NextStep {
  if (probe.builders.some((builder) => builder.name === OUR_BUILDER_NAME)) {
    return { kind: 'useBuilder', label: t('Use the builder "{0}"', OUR_BUILDER_NAME), name: OUR_BUILDER_NAME };
  }
  return {
    kind: 'createBuilder',
    label: t('Create the builder "{0}"', OUR_BUILDER_NAME),
    name: OUR_BUILDER_NAME,
    args: ['buildx', 'create', `--name=${OUR_BUILDER_NAME}`, '--driver=docker-container'],
  };
}

function checkPlatforms(builder: Builder, probe: EngineProbe, request: BuildRequest, t: Translate): { problems: PreflightProblem[]; notes: string[] } {
  const available = builderPlatforms(builder);
  if (available.length === 0) {
    return {
      problems: [],
      notes: [t('The builder "{0}" has not started yet, so its platforms are not known; BuildKit checks them when the build starts.', builder.name)],
    };
  }
  const missing = request.platforms.filter((platform) => !platformListed(available, platform));
  if (missing.length === 0) {
    return { problems: [], notes: [] };
  }
  const nextSteps: NextStep[] = [];
  const local = builder.driver === 'docker' || builder.driver === 'docker-container';
  if (local) {
    const emulators = [...new Set(missing.map(emulatorName))].join(',');
    nextSteps.push({
      kind: 'showCommand',
      label: t('Install emulators (QEMU)'),
      command: ['docker', 'run', '--privileged', '--rm', 'tonistiigi/binfmt', '--install', emulators],
    });
  }
  for (const other of probe.builders) {
    if (other.name !== builder.name && request.platforms.every((platform) => platformListed(builderPlatforms(other), platform))) {
      nextSteps.push({ kind: 'useBuilder', label: t('Use the builder "{0}" ({1})', other.name, other.driver), name: other.name });
    }
  }
  nextSteps.push({ kind: 'openUrl', label: t('About multi-platform builds'), url: MULTI_PLATFORM_URL });
  const missingText = missing.map(canonicalPlatform).join(', ');
  const message = local
    ? t('The builder "{0}" cannot build {1}: it lists only {2}. Install QEMU emulators (the button copies the command; restart the builder afterwards), or add a node of that architecture: docker buildx create --append --name {0} <endpoint>.', builder.name, missingText, available.join(', '))
    : t('The builder "{0}" ({1}) cannot build {2}: it lists only {3}. Add a node of that architecture to it (docker buildx create --append --name {0} --platform {2} <endpoint>) or choose another builder.', builder.name, builder.driver, missingText, available.join(', '));
  return { problems: [{ check: 'platforms', severity: 'error', message, nextSteps }], notes: [] };
}

async function checkBaseImages(request: BuildRequest, run: DockerRun, t: Translate): Promise<{ problems: PreflightProblem[]; notes: string[] }> {
  const problems: PreflightProblem[] = [];
  const notes: string[] = [];
  if (!request.checkBaseImages) {
    notes.push(t('Base images were not checked for the requested platforms: registry look-ups are turned off.'));
    return { problems, notes };
  }
  for (const image of request.unresolvedImages ?? []) {
    notes.push(t('The base image "{0}" depends on a build argument without a default, so it was not checked.', image));
  }
  for (const image of request.baseImages) {
    // A stage pinned to the build machine ($BUILDPLATFORM) needs only the native variant; a constant pin is check 6.
    if (image.platformFlag !== undefined) {
      continue;
    }
    const available = await platformsInRegistry(image.reference, run);
    if (available.kind === 'unreachable') {
      notes.push(t('No registry could be reached, so base images were not checked for the requested platforms.'));
      break;
    }
    if (available.kind === 'notFound') {
      problems.push({
        check: 'baseImage',
        severity: 'warning',
        message: t('The base image "{0}" (line {1}) was not found in its registry; the build can only use it if the builder already has it.', image.reference, image.line + 1),
        nextSteps: [{ kind: 'goToLine', label: t('Go to line {0}', image.line + 1), line: image.line }],
      });
      continue;
    }
    if (available.kind === 'unknown') {
      notes.push(t('The platforms of the base image "{0}" could not be read ({1}).', image.reference, available.reason));
      continue;
    }
    const missing = request.platforms.filter((platform) => !platformListed(available.platforms, platform));
    if (missing.length > 0) {
      problems.push({
        check: 'baseImage',
        severity: 'error',
        message: t('The base image "{0}" (line {1}) has no variant for {2}; it has {3}. Choose a base image published for every platform you build, or build fewer platforms.', image.reference, image.line + 1, missing.map(canonicalPlatform).join(', '), available.platforms.join(', ') || '-'),
        nextSteps: [{ kind: 'goToLine', label: t('Go to line {0}', image.line + 1), line: image.line }],
      });
    }
  }
  return { problems, notes };
}

type RegistryAnswer =
  | { kind: 'platforms'; platforms: readonly string[] }
  | { kind: 'unreachable' }
  | { kind: 'notFound' }
  | { kind: 'unknown'; reason: string };

async function platformsInRegistry(reference: string, run: DockerRun): Promise<RegistryAnswer> {
  const inspect = (format: string) => run(['buildx', 'imagetools', 'inspect', `--format=${format}`, '--', reference], IMAGETOOLS_TIMEOUT_MS);
  const manifestResult = await inspect('{{json .Manifest}}');
  if (manifestResult.kind === 'timedOut') {
    return { kind: 'unreachable' };
  }
  if (manifestResult.kind !== 'ok') {
    const failure = classifyRegistryError('stderr' in manifestResult ? manifestResult.stderr : '');
    if (failure === 'unreachable' || failure === 'notFound') {
      return { kind: failure };
    }
    return { kind: 'unknown', reason: firstErrorLine(manifestResult) };
  }
  const manifest = parseManifestPlatforms(manifestResult.stdout);
  if (manifest.kind === 'index') {
    return { kind: 'platforms', platforms: manifest.platforms };
  }
  if (manifest.kind === 'unreadable') {
    return { kind: 'unknown', reason: 'unreadable manifest' };
  }
  const imageResult = await inspect('{{json .Image}}');
  if (imageResult.kind !== 'ok') {
    return { kind: 'unknown', reason: firstErrorLine(imageResult) };
  }
  return { kind: 'platforms', platforms: parseImageConfigPlatforms(imageResult.stdout) };
}

/** Rule ids (ours and BuildKit's) whose findings break or mislead a multi-platform build. */
export const MULTI_PLATFORM_FINDINGS = ['FromPlatformFlagConstDisallowed', 'RedundantTargetPlatform', 'ArchitectureSpecificDownload'] as const;

function checkFindings(findings: readonly DockerfileFinding[], platformCount: number, t: Translate): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  for (const finding of findings) {
    const line = finding.line + 1;
    const goTo: NextStep = { kind: 'goToLine', label: t('Go to line {0}', line), line: finding.line };
    switch (finding.code) {
      case 'FromPlatformFlagConstDisallowed':
        problems.push({
          check: 'dockerfile',
          severity: platformCount > 1 ? 'error' : 'warning',
          message: t('Line {0}: FROM --platform names a fixed platform, so every platform of this build gets the same base image. Use $BUILDPLATFORM or $TARGETPLATFORM, or remove the flag.', line),
          nextSteps: [goTo],
        });
        break;
      case 'RedundantTargetPlatform':
        problems.push({
          check: 'dockerfile',
          severity: 'warning',
          message: t('Line {0}: --platform=$TARGETPLATFORM is what FROM does anyway; remove it so it is clear which stages run on the build machine.', line),
          nextSteps: [goTo],
        });
        break;
      case 'ArchitectureSpecificDownload':
        problems.push({
          check: 'dockerfile',
          severity: platformCount > 1 ? 'error' : 'warning',
          message: t('Line {0}: this download names one architecture, so other platforms get a binary they cannot run. Use $TARGETARCH in the URL.', line),
          nextSteps: [goTo],
        });
        break;
      default:
        break;
    }
  }
  return problems;
}
