// Reads `docker buildx imagetools inspect --format` output: which platforms an image in a registry has.
import { arrayField, isObject, parseJson, stringField, type JsonObject } from './json';
import { formatPlatform } from './platforms';

export type ManifestPlatforms =
  | { readonly kind: 'index'; readonly platforms: readonly string[] }
  /** A single-platform manifest: its platform is in the image config (`{{json .Image}}`). */
  | { readonly kind: 'single' }
  | { readonly kind: 'unreadable' };

/** `{{json .Manifest}}`: an OCI index or Docker manifest list, or one image manifest. */
export function parseManifestPlatforms(stdout: string): ManifestPlatforms {
  const manifest = parseJson(stdout.trim());
  if (!isObject(manifest)) {
    return { kind: 'unreadable' };
  }
  if (!Array.isArray(manifest['manifests'])) {
    return isObject(manifest['config']) || typeof manifest['mediaType'] === 'string' ? { kind: 'single' } : { kind: 'unreadable' };
  }
  const platforms: string[] = [];
  for (const entry of arrayField(manifest, 'manifests').filter(isObject)) {
    // Attestations (SBOM, provenance) sit in the index as unknown/unknown entries; they are not images.
    const annotations = isObject(entry['annotations']) ? entry['annotations'] : {};
    if (stringField(annotations, 'vnd.docker.reference.type') === 'attestation-manifest') {
      continue;
    }
    const platform = isObject(entry['platform']) ? readPlatform(entry['platform']) : undefined;
    if (platform && platform !== 'unknown/unknown' && !platforms.includes(platform)) {
      platforms.push(platform);
    }
  }
  return { kind: 'index', platforms };
}

/** `{{json .Image}}`: one image config, or (for an index) a map from platform to config. */
export function parseImageConfigPlatforms(stdout: string): string[] {
  const image = parseJson(stdout.trim());
  if (!isObject(image)) {
    return [];
  }
  const own = readPlatform(image);
  if (own) {
    return [own];
  }
  return Object.values(image)
    .filter(isObject)
    .map(readPlatform)
    .filter((platform): platform is string => platform !== undefined);
}

function readPlatform(object: JsonObject): string | undefined {
  const os = stringField(object, 'os');
  const architecture = stringField(object, 'architecture');
  if (!os || !architecture) {
    return undefined;
  }
  const variant = stringField(object, 'variant');
  return formatPlatform(variant ? { os, architecture, variant } : { os, architecture });
}

export type RegistryFailure = 'unreachable' | 'notFound' | 'unauthorized' | 'other';

/** Sorts an imagetools error: no network is a skip with a note, a missing image is a finding. */
export function classifyRegistryError(stderr: string): RegistryFailure {
  const text = stderr.toLowerCase();
  if (/no such host|dial tcp|i\/o timeout|network is unreachable|connection refused|tls handshake timeout|temporary failure in name resolution|context deadline exceeded|server misbehaving/.test(text)) {
    return 'unreachable';
  }
  if (/unauthorized|authentication required|denied|forbidden/.test(text)) {
    return 'unauthorized';
  }
  if (/not found|manifest unknown|name unknown/.test(text)) {
    return 'notFound';
  }
  return 'other';
}
