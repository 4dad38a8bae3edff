// Splits an image reference (`registry/repo:tag@digest`) the way Docker's reference grammar does.

export interface ImageReference {
  /** The reference as written, after ARG expansion. */
  readonly raw: string;
  /** Registry host (with port), or undefined for Docker Hub. */
  readonly registry?: string;
  /** Repository path without registry, e.g. `library/python` is given as `python`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

/**
 * Parses a reference; returns undefined when it is empty or not a valid reference
 * (BuildKit would refuse to build it).
 */
export function parseImageReference(raw: string): ImageReference | undefined {
  const text = raw.trim();
  if (text === '' || /\s/.test(text)) {
    return undefined;
  }
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/.test(digest)) {
      return undefined;
    }
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) {
      return undefined;
    }
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || /[A-Z]/.test(first)) {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  if (rest === '' || !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(rest)) {
    return undefined;
  }
  if ((registry === undefined || registry === 'docker.io' || registry === 'index.docker.io') && rest.startsWith('library/')) {
    rest = rest.slice('library/'.length);
  }
  if (registry === 'docker.io' || registry === 'index.docker.io') {
    registry = undefined;
  }
  return { raw: text, registry, repository: rest, tag, digest };
}

/** The name users recognise: `python`, `ghcr.io/owner/app`. */
export function imageName(ref: ImageReference): string {
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}
