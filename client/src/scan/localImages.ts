// Lists the images of the local Docker engine (`docker images`) for the image picker.
import * as l10n from '@vscode/l10n';
import { ArgumentList } from '../process/args';
import { runProcess } from '../process/runProcess';

export interface LocalImage {
  /** "repository:tag", what a scanner is given. */
  readonly reference: string;
  readonly id: string;
  readonly createdSince?: string;
  readonly size?: string;
}

export type LocalImages = { readonly ok: true; readonly images: LocalImage[] } | { readonly ok: false; readonly message: string };

export interface DockerCall {
  readonly dockerPath: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
}

export function listImagesArguments(): string[] {
  return new ArgumentList().literal('images').option('--format', '{{json .}}').toArray();
}

export async function listLocalImages(call: DockerCall): Promise<LocalImages> {
  const result = await runProcess(call.dockerPath, listImagesArguments(), { tool: 'docker', env: call.env, timeoutMs: call.timeoutMs, signal: call.signal });
  call.log?.(`$ ${result.commandLine} → ${result.kind}`);
  switch (result.kind) {
    case 'ok':
      return { ok: true, images: parseImageLines(result.stdout) };
    case 'notFound':
      return { ok: false, message: l10n.t('The docker CLI was not found (nothing runs as "{0}"); type the image name instead.', call.dockerPath) };
    case 'exitedNonZero':
      return {
        ok: false,
        message: /Cannot connect to the Docker daemon|error during connect/i.test(result.stderr)
          ? l10n.t('The Docker daemon is not reachable, so local images cannot be listed; type the image name instead.')
          : l10n.t('"docker images" failed: {0}', result.stderrTail.split('\n').pop() ?? ''),
      };
    case 'timedOut':
      return { ok: false, message: l10n.t('"docker images" did not answer in time; type the image name instead.') };
    case 'cancelled':
      return { ok: false, message: l10n.t('The scan was cancelled.') };
    case 'failedToStart':
      return { ok: false, message: l10n.t('"docker images" could not be started: {0}', result.message) };
  }
}

/** One JSON object per line; dangling images (`<none>`) cannot be scanned by name and are left out. */
export function parseImageLines(stdout: string): LocalImage[] {
  const images: LocalImage[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') {
      continue;
    }
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    const repository = typeof entry.Repository === 'string' ? entry.Repository : '';
    const tag = typeof entry.Tag === 'string' ? entry.Tag : '';
    if (!repository || repository === '<none>' || tag === '<none>') {
      continue;
    }
    images.push({
      reference: tag ? `${repository}:${tag}` : repository,
      id: typeof entry.ID === 'string' ? entry.ID : '',
      createdSince: typeof entry.CreatedSince === 'string' ? entry.CreatedSince : undefined,
      size: typeof entry.Size === 'string' ? entry.Size : undefined,
    });
  }
  return images;
}
