// OCI platform strings (os/arch[/variant]): validation, the equivalences BuildKit applies, and the native platform.

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

/** Each part is a lowercase word; anything else (a comma, a space, a quote) is not a platform. */
const PART = /^[a-z0-9][a-z0-9_.]*$/;

const ARCHITECTURE_ALIASES: Readonly<Record<string, string>> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  i386: '386',
  i686: '386',
  armhf: 'arm',
  armel: 'arm',
};

/** `linux/arm64` → parts, or `undefined` when the text is not a well-formed platform. */
export function parsePlatform(text: string): Platform | undefined {
  const parts = text.trim().toLowerCase().split('/');
  if (parts.length < 2 || parts.length > 3 || !parts.every((part) => PART.test(part))) {
    return undefined;
  }
  const [os, architecture, variant] = parts as [string, string, string | undefined];
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

export function isValidPlatform(text: string): boolean {
  return parsePlatform(text) !== undefined;
}

/**
 * The canonical spelling BuildKit compares by: `arm64/v8` is `arm64`, `amd64/v1` is `amd64`,
 * a bare `arm` is `arm/v7`, and uname-style names (`x86_64`, `aarch64`) become OCI names.
 */
export function normalizePlatform(platform: Platform): Platform {
  const architecture = ARCHITECTURE_ALIASES[platform.architecture] ?? platform.architecture;
  let variant = platform.variant;
  if ((architecture === 'arm64' && variant === 'v8') || (architecture === 'amd64' && variant === 'v1')) {
    variant = undefined;
  }
  if (architecture === 'arm' && variant === undefined) {
    variant = 'v7';
  }
  return variant === undefined ? { os: platform.os, architecture } : { os: platform.os, architecture, variant };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter((part) => part !== undefined).join('/');
}

/** The canonical text of a platform string, or the trimmed input when it does not parse. */
export function canonicalPlatform(text: string): string {
  const parsed = parsePlatform(text);
  return parsed ? formatPlatform(normalizePlatform(parsed)) : text.trim();
}

export function samePlatform(a: string, b: string): boolean {
  return canonicalPlatform(a) === canonicalPlatform(b);
}

/** Whether `wanted` is one of `available`, comparing canonical spellings. */
export function platformListed(available: readonly string[], wanted: string): boolean {
  return available.some((candidate) => samePlatform(candidate, wanted));
}

const UNAME_TO_PLATFORM: Readonly<Record<string, string>> = {
  x86_64: 'amd64',
  amd64: 'amd64',
  aarch64: 'arm64',
  arm64: 'arm64',
  armv7l: 'arm/v7',
  armv6l: 'arm/v6',
  i386: '386',
  i686: '386',
  ppc64le: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
};

const NODE_ARCH_TO_PLATFORM: Readonly<Record<string, string>> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm/v7',
  ia32: '386',
  // Node calls little-endian POWER "ppc64" on Linux; big-endian ppc64 has no Linux container images.
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
};

/**
 * The engine's own platform, from `docker info` (`OSType`, uname-style `Architecture`), or from
 * this process when the engine did not say.
 */
export function nativePlatform(osType?: string, unameArchitecture?: string): string {
  const os = osType && PART.test(osType) ? osType : 'linux';
  const fromEngine = unameArchitecture ? UNAME_TO_PLATFORM[unameArchitecture.toLowerCase()] : undefined;
  const architecture = fromEngine ?? NODE_ARCH_TO_PLATFORM[process.arch] ?? 'amd64';
  return `${os}/${architecture}`;
}

/** The name `tonistiigi/binfmt --install` takes for a platform's emulator (`arm64`, `arm`, `riscv64`...). */
export function emulatorName(platform: string): string {
  const parsed = parsePlatform(platform);
  return parsed ? normalizePlatform(parsed).architecture : platform;
}
