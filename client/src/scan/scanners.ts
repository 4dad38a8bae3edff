// Finds an installed scanner (Trivy, Grype, Docker Scout), runs it on an image or a Dockerfile, and reads its result.
import * as l10n from '@vscode/l10n';
import { mkdtemp, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ArgumentList } from '../process/args';
import { formatCommandLine, runProcess, type ProcessResult } from '../process/runProcess';
import { scannerDisplayName } from './display';
import type { FailureReason, ScanFailure, ScannerId, ScannerInfo, ScanOutcome } from './model';
import { parseScanOutput, ScanOutputError } from './parseOutput';
import { isObject, objectAt, stringAt } from './parsing';

export type ScannerPreference = 'auto' | ScannerId;

/** Executables to run; a bare name is looked up on the PATH of `env`. */
export interface ScannerPaths {
  readonly trivy: string;
  readonly grype: string;
  readonly docker: string;
}

export const DEFAULT_SCANNER_PATHS: ScannerPaths = { trivy: 'trivy', grype: 'grype', docker: 'docker' };

/** The order in which `auto` tries the scanners. */
export const AUTO_ORDER: readonly ScannerId[] = ['trivy', 'grype', 'docker-scout'];

export interface ScanEnvironment {
  readonly paths: ScannerPaths;
  /** Environment of the child processes; defaults to this process's. */
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Receives each command line (prefixed "$ ") before it runs, everything the tool prints, and how it ended. */
  readonly log?: (stream: 'command' | 'stdout' | 'stderr' | 'result', text: string) => void;
  /** Told which scanner was found, before it scans (for progress messages). */
  readonly onDetected?: (scanner: DetectedScanner) => void;
  /** Parent folder of the private temporary folders; defaults to the OS temp folder. */
  readonly tempRoot?: string;
}

export interface DetectedScanner extends ScannerInfo {
  readonly databaseDate?: string;
}

export type Detection = { readonly ok: true; readonly scanner: DetectedScanner } | { readonly ok: false; readonly failure: ScanFailure };

const INSTALL_URLS: Readonly<Record<ScannerId, string>> = {
  trivy: 'https://trivy.dev/latest/getting-started/installation/',
  grype: 'https://github.com/anchore/grype#installation',
  'docker-scout': 'https://docs.docker.com/scout/install/',
};

const PATH_SETTINGS: Readonly<Record<ScannerId, string>> = {
  trivy: 'dockerfileAdvisor.scan.trivyPath',
  grype: 'dockerfileAdvisor.scan.grypePath',
  'docker-scout': 'dockerfileAdvisor.docker.path',
};

/** What the tool is run as: Docker Scout is a plugin of the docker CLI. */
function executableOf(scanner: ScannerId, paths: ScannerPaths): string {
  return scanner === 'docker-scout' ? paths.docker : paths[scanner];
}

export function versionArguments(scanner: ScannerId): string[] {
  switch (scanner) {
    case 'trivy':
      return new ArgumentList().literal('version').option('--format', 'json').toArray();
    case 'grype':
      return new ArgumentList().literal('version').option('--output', 'json').toArray();
    case 'docker-scout':
      return new ArgumentList().literal('scout', 'version').toArray();
  }
}

/** The image scan, writing its report to `outputFile`; the image comes after `--` so it is never an option. */
export function imageScanArguments(scanner: ScannerId, image: string, outputFile: string): string[] {
  switch (scanner) {
    case 'trivy':
      return new ArgumentList()
        .literal('image', '--no-progress')
        .option('--format', 'json')
        .option('--output', outputFile)
        .endOfOptions()
        .operand(image)
        .toArray();
    case 'grype':
      return new ArgumentList().option('--output', 'json').option('--file', outputFile).endOfOptions().operand(image).toArray();
    case 'docker-scout':
      return new ArgumentList()
        .literal('scout', 'cves')
        .option('--format', 'sarif')
        .option('--output', outputFile)
        .endOfOptions()
        .operand(image)
        .toArray();
  }
}

export function configScanArguments(targetFolder: string, outputFile: string): string[] {
  return new ArgumentList()
    .literal('config')
    .option('--format', 'json')
    .option('--output', outputFile)
    .endOfOptions()
    .operand(targetFolder)
    .toArray();
}

/** True for input like "docker scan app:1.0", which users of the removed command still type. */
export function isDockerScanCommand(input: string): boolean {
  return /^\s*docker\s+scan(\s|$)/i.test(input);
}

export function dockerScanRemovedMessage(): string {
  return l10n.t(
    '"docker scan" was removed from Docker in 2023; Docker Scout ("docker scout cves") replaced it. Dockerfile Advisor runs Trivy, Grype or Docker Scout for you: give the image name alone, for example "app:1.0".',
  );
}

/** The preferred scanner, or with `auto` the first of Trivy, Grype and Docker Scout that answers its version command. */
export async function detectScanner(preference: ScannerPreference, environment: ScanEnvironment): Promise<Detection> {
  const candidates = preference === 'auto' ? AUTO_ORDER : [preference];
  for (const scanner of candidates) {
    const result = await run(scanner, versionArguments(scanner), environment);
    if (result.kind === 'ok') {
      return { ok: true, scanner: { id: scanner, ...readVersion(scanner, result.stdout) } };
    }
    if (isNotInstalled(scanner, result)) {
      continue;
    }
    return { ok: false, failure: failureOf(scanner, result, '', environment) };
  }
  return { ok: false, failure: notInstalledFailure(preference, environment) };
}

/** Scans an image; a failure is never a report with zero findings. */
export async function scanImage(image: string, preference: ScannerPreference, environment: ScanEnvironment): Promise<ScanOutcome> {
  if (isDockerScanCommand(image)) {
    return { ok: false, failure: { reason: 'dockerScanRemoved', message: dockerScanRemovedMessage(), target: image, time: now() } };
  }
  const detection = await detectScanner(preference, environment);
  if (!detection.ok) {
    return { ok: false, failure: { ...detection.failure, target: image } };
  }
  const scanner = detection.scanner;
  environment.onDetected?.(scanner);
  return withPrivateFolder(environment, async (folder) => {
    const outputFile = await createPrivateFile(path.join(folder, scanner.id === 'docker-scout' ? 'report.sarif.json' : 'report.json'));
    const result = await run(scanner.id, imageScanArguments(scanner.id, image, outputFile), environment);
    return readOutcome(scanner, result, outputFile, image, environment);
  });
}

/**
 * Runs `trivy config` on the text of a Dockerfile (saved or not), written to a private folder
 * as `Dockerfile` so that Trivy recognises it and the lines match the editor.
 */
export async function scanDockerfileText(text: string, displayName: string, environment: ScanEnvironment): Promise<ScanOutcome> {
  const detection = await detectScanner('trivy', environment);
  if (!detection.ok) {
    return { ok: false, failure: { ...detection.failure, target: displayName } };
  }
  environment.onDetected?.(detection.scanner);
  return withPrivateFolder(environment, async (folder) => {
    const input = path.join(folder, 'input');
    await mkdir(input, { mode: 0o700 });
    await writeFile(path.join(input, 'Dockerfile'), text, { mode: 0o600 });
    const outputFile = await createPrivateFile(path.join(folder, 'report.json'));
    const result = await run('trivy', configScanArguments(input, outputFile), environment);
    return readOutcome(detection.scanner, result, outputFile, displayName, environment);
  });
}

async function readOutcome(
  scanner: DetectedScanner,
  result: ProcessResult,
  outputFile: string,
  target: string,
  environment: ScanEnvironment,
): Promise<ScanOutcome> {
  if (result.kind !== 'ok') {
    return { ok: false, failure: { ...failureOf(scanner.id, result, target, environment), scanner } };
  }
  try {
    const parsed = parseScanOutput(await readFile(outputFile, 'utf8'), scanner.id);
    return {
      ok: true,
      report: {
        target,
        scanner: { id: scanner.id, version: scanner.version ?? parsed.scanner.version },
        databaseDate: parsed.databaseDate ?? scanner.databaseDate,
        time: now(),
        findings: parsed.findings,
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      failure: failure('badOutput', l10n.t('{0} wrote a report that could not be read: {1}', scannerDisplayName(scanner.id), reason), target, scanner, error instanceof ScanOutputError ? undefined : reason),
    };
  }
}

function run(scanner: ScannerId, args: string[], environment: ScanEnvironment): Promise<ProcessResult> {
  const file = executableOf(scanner, environment.paths);
  const log = environment.log;
  log?.('command', `$ ${formatCommandLine(file, args)}`);
  return runProcess(file, args, {
    tool: scanner === 'docker-scout' ? 'docker' : scanner,
    env: environment.env,
    timeoutMs: environment.timeoutMs,
    signal: environment.signal,
    onOutput: log ? (stream, text) => log(stream, text) : undefined,
  }).then((result) => {
    log?.('result', describeResult(result));
    return result;
  });
}

function describeResult(result: ProcessResult): string {
  switch (result.kind) {
    case 'ok':
      return `exit 0 (${result.durationMs} ms)`;
    case 'exitedNonZero':
      return result.exitCode !== null ? `exit ${result.exitCode}` : `signal ${result.exitSignal}`;
    case 'timedOut':
      return `timed out after ${result.timeoutMs} ms`;
    case 'cancelled':
      return 'cancelled';
    case 'notFound':
      return 'not found';
    case 'failedToStart':
      return `failed to start: ${result.message}`;
  }
}

function readVersion(scanner: ScannerId, stdout: string): { version?: string; databaseDate?: string } {
  if (scanner === 'docker-scout') {
    return { version: /version:\s*v?(\S+)/i.exec(stdout)?.[1] };
  }
  try {
    const document: unknown = JSON.parse(stdout);
    if (scanner === 'trivy') {
      return { version: stringAt(document, 'Version'), databaseDate: stringAt(objectAt(document, 'VulnerabilityDB'), 'UpdatedAt') };
    }
    return { version: isObject(document) ? stringAt(document, 'version') : undefined };
  } catch {
    // Versions before JSON output print "Version: x.y.z"; the version is all we need from them.
    return { version: /version:\s*v?(\S+)/i.exec(stdout)?.[1] };
  }
}

function isNotInstalled(scanner: ScannerId, result: ProcessResult): boolean {
  if (result.kind === 'notFound') {
    return true;
  }
  // The docker CLI is there but without the Scout plugin.
  return scanner === 'docker-scout' && result.kind === 'exitedNonZero' && /'scout' is not a docker command|unknown command:? "?(docker )?scout/i.test(result.stderr);
}

const DAEMON_UNREACHABLE = /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|docker\.sock: connect/i;
const IMAGE_NOT_FOUND = /No such image|unable to find the specified image|could not fetch image|image not found|pull access denied|repository does not exist|manifest unknown/i;
const NOT_LOGGED_IN = /not logged in|log in with your Docker ID|docker login|authentication required|unauthorized/i;

function failureOf(scanner: ScannerId, result: Exclude<ProcessResult, { kind: 'ok' }>, target: string, environment: ScanEnvironment): ScanFailure {
  const name = scannerDisplayName(scanner);
  switch (result.kind) {
    case 'notFound':
      return notInstalledFailure(scanner, environment, target);
    case 'failedToStart':
      return failure('failedToStart', l10n.t('{0} could not be started ({1}): {2}', name, result.file, result.message), target);
    case 'timedOut':
      return failure(
        'timedOut',
        l10n.t('{0} did not finish within {1} seconds and was stopped. Raise dockerfileAdvisor.scan.timeoutSeconds, or check its network access (it may be downloading its database).', name, Math.round(result.timeoutMs / 1000)),
        target,
      );
    case 'cancelled':
      return failure('cancelled', l10n.t('The scan was cancelled.'), target);
    case 'exitedNonZero': {
      const detail = result.stderrTail;
      if (isNotInstalled(scanner, result)) {
        return notInstalledFailure(scanner, environment, target);
      }
      if (DAEMON_UNREACHABLE.test(result.stderr)) {
        return failure('daemonUnreachable', l10n.t('{0} could not reach the Docker daemon. Start Docker (or set DOCKER_HOST), then scan again.', name), target, undefined, detail);
      }
      if (scanner === 'docker-scout' && NOT_LOGGED_IN.test(result.stderr)) {
        return failure('notLoggedIn', l10n.t('Docker Scout needs a Docker Hub login. Run "docker login" in a terminal, then scan again.'), target, undefined, detail);
      }
      if (IMAGE_NOT_FOUND.test(result.stderr)) {
        return failure('imageNotFound', l10n.t('The image {0} was not found locally. Build or pull it first, then scan again.', target), target, undefined, detail);
      }
      const lastLine = detail.split('\n').pop()?.trim() ?? '';
      const code = result.exitCode !== null ? String(result.exitCode) : String(result.exitSignal);
      return failure(
        'exitedNonZero',
        lastLine
          ? l10n.t('{0} exited with code {1}: {2}', name, code, lastLine)
          : l10n.t('{0} exited with code {1} without saying why. See the output channel for its full output.', name, code),
        target,
        undefined,
        detail,
      );
    }
  }
}

function notInstalledFailure(preference: ScannerPreference, environment: ScanEnvironment, target = ''): ScanFailure {
  if (preference === 'auto') {
    return failure(
      'notInstalled',
      l10n.t(
        'No image scanner was found: Trivy, Grype and Docker Scout are not installed. Install one (Trivy: {0}, Grype: {1}, Docker Scout: {2}) or set its path in the settings.',
        INSTALL_URLS.trivy,
        INSTALL_URLS.grype,
        INSTALL_URLS['docker-scout'],
      ),
      target,
    );
  }
  const executable = executableOf(preference, environment.paths);
  return failure(
    'notInstalled',
    preference === 'docker-scout'
      ? l10n.t('Docker Scout is not installed (the docker CLI at "{0}" has no "scout" command, or is missing). Install it from {1}, or set {2}.', executable, INSTALL_URLS[preference], PATH_SETTINGS[preference])
      : l10n.t('{0} is not installed (nothing runs as "{1}"). Install it from {2}, or set {3} to its full path.', scannerDisplayName(preference), executable, INSTALL_URLS[preference], PATH_SETTINGS[preference]),
    target,
  );
}

function failure(reason: FailureReason, message: string, target: string, scanner?: ScannerInfo, detail?: string): ScanFailure {
  return { reason, message, target, time: now(), ...(scanner ? { scanner } : {}), ...(detail ? { detail } : {}) };
}

function now(): string {
  return new Date().toISOString();
}

/** A folder only this user can read (mkdtemp creates it 0700), removed with everything in it afterwards. */
async function withPrivateFolder<T>(environment: ScanEnvironment, body: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(environment.tempRoot ?? tmpdir(), 'dockerfile-advisor-scan-'));
  try {
    return await body(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Created 0600 before the tool runs; tools that truncate and write an existing file keep its mode. */
async function createPrivateFile(file: string): Promise<string> {
  const handle = await open(file, 'wx', 0o600);
  await handle.close();
  return file;
}
