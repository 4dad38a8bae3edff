// Reads the name and version out of a package URL (pkg:type/namespace/name@version?qualifiers#subpath).

export interface PurlParts {
  readonly type: string;
  readonly namespace?: string;
  readonly name: string;
  readonly version?: string;
}

export function parsePurl(purl: string): PurlParts | undefined {
  const match = /^pkg:([A-Za-z.+-][A-Za-z0-9.+-]*)\/([^?#]+)/.exec(purl.trim());
  if (!match) {
    return undefined;
  }
  const type = match[1].toLowerCase();
  let path = match[2];
  let version: string | undefined;
  const at = path.lastIndexOf('@');
  // An npm scope also starts with '@' (pkg:npm/%40scope/name is the canonical form, but tools print '@scope').
  if (at > 0 && path[at - 1] !== '/') {
    version = decode(path.slice(at + 1));
    path = path.slice(0, at);
  }
  const segments = path.split('/').filter((segment) => segment !== '').map(decode);
  const name = segments.pop();
  if (!name) {
    return undefined;
  }
  const namespace = segments.length > 0 ? segments.join('/') : undefined;
  return { type, namespace, name, version };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
