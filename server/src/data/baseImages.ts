// What a FROM image is made of: distribution and release, C library, language runtime, end-of-life status and slimmer variants.
import {
  ALPINE_CYCLES, BASE_IMAGE_DATA_DATE, DEBIAN_CYCLES, DEBIAN_SUITES, GO_CYCLES, JAVA_CYCLES, NODE_CYCLES,
  PYTHON_CYCLES, ReleaseCycle, UBUNTU_CYCLES,
} from './baseImageData';

export { BASE_IMAGE_DATA_DATE } from './baseImageData';

export interface ImageReference {
  readonly registry?: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

export type LibC = 'glibc' | 'musl' | 'none';
export type DistributionId = 'debian' | 'ubuntu' | 'alpine' | 'windows' | 'ubi' | 'oraclelinux';
export type RuntimeId = 'python' | 'node' | 'go' | 'java';

export interface EndOfLifeStatus {
  /** End of all free support. */
  readonly date: string;
  /** End of regular security support, when an LTS phase follows it. */
  readonly supportEnd?: string;
  readonly isPast: boolean;
  readonly supportEnded: boolean;
  /** The date follows an announced policy, not a fixed day. */
  readonly estimated: boolean;
}

export interface RuntimeInfo {
  readonly id: RuntimeId;
  readonly name: string;
  /** As written in the tag (`3.8.4`, `20`, `21.0.2_13`); absent for moving tags such as `latest` or `lts`. */
  readonly version?: string;
  /** The release line the data is kept for (`3.8`, `20`, `21`). */
  readonly cycle?: string;
  readonly endOfLife?: EndOfLifeStatus;
}

export interface DistributionInfo {
  readonly id: DistributionId;
  readonly name: string;
  /** Version number (`10`, `22.04`, `3.19`) when the reference says which release it is. */
  readonly release?: string;
  readonly codename?: string;
  readonly endOfLife?: EndOfLifeStatus;
}

/**
 * - `movingTag`: no tag, `latest`, `lts`, `current`...: what it points to changes over time.
 * - `defaultDistribution`: the distribution is the image's default one; the tag does not name the release.
 * - `unknownRelease`: the tag names a release this table has no dates for.
 * - `deprecatedImage`: the image is no longer maintained (`openjdk`).
 */
export type BaseImageNote = 'movingTag' | 'defaultDistribution' | 'unknownRelease' | 'deprecatedImage';

export interface BaseImageDescription {
  /** `unknown` for images the table does not cover, `variable` when the reference uses `$VAR`. */
  readonly status: 'known' | 'unknown' | 'variable' | 'scratch';
  /** Short name of a known image: `python`, `node`, `golang`, `eclipse-temurin`, `openjdk`, `debian`, `ubuntu`, `alpine`, `distroless/...`. */
  readonly image?: string;
  readonly tag?: string;
  readonly runtime?: RuntimeInfo;
  readonly distribution?: DistributionInfo;
  readonly libc?: LibC;
  /** `slim`, `alpine`, `jre`, `jdk`, `windows`, or `full` for a runtime image's default variant. */
  readonly variant?: string;
  /** Smaller images for the same job, as references ready to put after FROM. */
  readonly slimmerVariants: readonly string[];
  /** A supported replacement when the runtime or the distribution is past its end of life. */
  readonly upgrade?: string;
  readonly notes: readonly BaseImageNote[];
  readonly dataDate: string;
}

export interface DescribeOptions {
  /** `YYYY-MM-DD` to judge end of life against; today by default. */
  readonly today?: string;
}

const DOCKER_HUB_REGISTRIES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Splits `registry[:port]/repository[:tag][@digest]` the way Docker does: the first part is a registry only if it has a dot, a port or is `localhost`. */
export function parseImageReference(text: string): ImageReference {
  let rest = text.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { registry, repository: rest, tag, digest };
}

interface RuntimeImage {
  readonly runtime: RuntimeId;
  readonly name: string;
  readonly cycles: readonly ReleaseCycle[];
  readonly cycleOf: (version: string) => string;
  /** Distribution of the default variant, when the tag names none. */
  readonly defaultDistribution?: DistributionId;
}

const majorMinor = (version: string): string => version.split('.').slice(0, 2).join('.');
const major = (version: string): string => version.split('.')[0];
const javaMajor = (version: string): string => {
  const m = /^(\d+)(?:\.(\d+))?/.exec(version);
  // Java 8 is also spelled 1.8.
  return m === null ? version : m[1] === '1' && m[2] !== undefined ? m[2] : m[1];
};

const RUNTIME_IMAGES: Readonly<Record<string, RuntimeImage>> = {
  python: { runtime: 'python', name: 'Python', cycles: PYTHON_CYCLES, cycleOf: majorMinor, defaultDistribution: 'debian' },
  node: { runtime: 'node', name: 'Node.js', cycles: NODE_CYCLES, cycleOf: major, defaultDistribution: 'debian' },
  golang: { runtime: 'go', name: 'Go', cycles: GO_CYCLES, cycleOf: majorMinor, defaultDistribution: 'debian' },
  'eclipse-temurin': { runtime: 'java', name: 'Java (Eclipse Temurin)', cycles: JAVA_CYCLES, cycleOf: javaMajor, defaultDistribution: 'ubuntu' },
  // Early openjdk tags were Debian-based and later ones Oracle Linux-based, so its default variant names no distribution.
  openjdk: { runtime: 'java', name: 'Java (OpenJDK)', cycles: JAVA_CYCLES, cycleOf: javaMajor },
};

const DISTRIBUTION_NAMES: Readonly<Record<DistributionId, string>> = {
  debian: 'Debian', ubuntu: 'Ubuntu', alpine: 'Alpine Linux', windows: 'Windows', ubi: 'Red Hat UBI', oraclelinux: 'Oracle Linux',
};

const DISTRIBUTION_CYCLES: Partial<Record<DistributionId, readonly ReleaseCycle[]>> = {
  debian: DEBIAN_CYCLES, ubuntu: UBUNTU_CYCLES, alpine: ALPINE_CYCLES,
};

const LIBC: Readonly<Record<DistributionId, LibC | undefined>> = {
  debian: 'glibc', ubuntu: 'glibc', alpine: 'musl', ubi: 'glibc', oraclelinux: 'glibc', windows: undefined,
};

const MOVING_WORDS = new Set(['latest', 'lts', 'current', 'stable', 'edge', 'rolling', 'devel']);
const WINDOWS_WORD = /^(windowsservercore|nanoserver|ltsc\d+|\d{4})$/;

/** What the tag says, word by word: `3.8.4-slim-buster` is version 3.8.4, variant slim, Debian buster. */
interface TagParts {
  readonly version?: string;
  /** The tag's words after the version, in order. */
  readonly words: readonly string[];
  readonly slim: boolean;
  readonly javaKind?: 'jdk' | 'jre';
  readonly distribution?: DistributionId;
  /** The word naming the distribution (`buster`, `alpine3.19`, `jammy`), to substitute it when suggesting tags. */
  readonly distributionWord?: string;
  readonly distributionCycle?: ReleaseCycle;
  readonly moving: boolean;
}

function cycleByCodename(cycles: readonly ReleaseCycle[], word: string): ReleaseCycle | undefined {
  return cycles.find((c) => c.codename === word);
}

function parseTag(tag: string, image: string): TagParts {
  let version: string | undefined;
  let rest = tag;
  const versionPattern = image === 'eclipse-temurin' || image === 'openjdk'
    ? /^\d+(?:u\d+(?:-b\d+)?|(?:\.\d+)*(?:[_+]\d+)?)/
    : /^\d+(?:\.\d+)*/;
  const m = versionPattern.exec(tag);
  if (m !== null) {
    version = m[0];
    rest = tag.slice(m[0].length).replace(/^-/, '');
  }
  const words = rest === '' ? [] : rest.split('-');
  let slim = false;
  let javaKind: 'jdk' | 'jre' | undefined;
  let distribution: DistributionId | undefined;
  let distributionWord: string | undefined;
  let distributionCycle: ReleaseCycle | undefined;
  let moving = version === undefined && words.length === 0;
  for (const word of words) {
    const alpine = /^alpine(\d+\.\d+)?$/.exec(word);
    if (word === 'slim') {
      slim = true;
    } else if (word === 'jdk' || word === 'jre') {
      javaKind = word;
    } else if (alpine !== null) {
      distribution = 'alpine';
      distributionWord = word;
      distributionCycle = alpine[1] === undefined ? undefined : ALPINE_CYCLES.find((c) => c.cycle === alpine[1]);
    } else if (cycleByCodename(DEBIAN_CYCLES, word) !== undefined) {
      distribution = 'debian';
      distributionWord = word;
      distributionCycle = cycleByCodename(DEBIAN_CYCLES, word);
    } else if (cycleByCodename(UBUNTU_CYCLES, word) !== undefined) {
      distribution = 'ubuntu';
      distributionWord = word;
      distributionCycle = cycleByCodename(UBUNTU_CYCLES, word);
    } else if (WINDOWS_WORD.test(word)) {
      distribution = 'windows';
    } else if (/^ubi\d+$/.test(word)) {
      distribution = 'ubi';
      distributionWord = word;
    } else if (/^oraclelinux\d+$/.test(word)) {
      distribution = 'oraclelinux';
      distributionWord = word;
    } else if (MOVING_WORDS.has(word)) {
      moving = true;
    }
  }
  return { version, words, slim, javaKind, distribution, distributionWord, distributionCycle, moving };
}

function todayString(options?: DescribeOptions): string {
  return options?.today ?? new Date().toISOString().slice(0, 10);
}

function endOfLife(cycle: ReleaseCycle, today: string): EndOfLifeStatus {
  return {
    date: cycle.eol,
    supportEnd: cycle.supportEnd,
    isPast: today > cycle.eol,
    supportEnded: today > (cycle.supportEnd ?? cycle.eol),
    estimated: cycle.estimated === true,
  };
}

function distributionInfo(id: DistributionId, cycle: ReleaseCycle | undefined, today: string): DistributionInfo {
  return {
    id,
    name: DISTRIBUTION_NAMES[id],
    release: cycle?.cycle,
    codename: cycle?.codename,
    endOfLife: cycle === undefined ? undefined : endOfLife(cycle, today),
  };
}

/** Newest release line that has shipped and is still supported on `today`; for Node.js and Java, LTS lines only. */
function newestSupported(cycles: readonly ReleaseCycle[], today: string, ltsOnly = false): ReleaseCycle | undefined {
  return [...cycles].reverse().find((c) => c.released <= today && c.eol >= today && (!ltsOnly || c.lts === true));
}

function hasVariable(ref: ImageReference): boolean {
  return [ref.registry, ref.repository, ref.tag, ref.digest].some((part) => part !== undefined && part.includes('$'));
}

/** The image's name on Docker Hub, or `distroless/...` for Google's distroless images; undefined for other registries. */
function knownImageName(ref: ImageReference): string | undefined {
  const registry = ref.registry?.toLowerCase();
  const repository = ref.repository.toLowerCase();
  if (registry === undefined || DOCKER_HUB_REGISTRIES.has(registry) || registry === 'mirror.gcr.io') {
    return repository.replace(/^library\//, '');
  }
  if (registry === 'public.ecr.aws' && repository.startsWith('docker/library/')) {
    return repository.slice('docker/library/'.length);
  }
  if (registry === 'gcr.io' && repository.startsWith('distroless/')) {
    return repository;
  }
  return undefined;
}

/** Describes a base image reference, given split or as text. Pure: judges end of life against `options.today`. */
export function describeBaseImage(reference: ImageReference | string, options?: DescribeOptions): BaseImageDescription {
  const ref = typeof reference === 'string' ? parseImageReference(reference) : reference;
  const empty = { slimmerVariants: [], notes: [], dataDate: BASE_IMAGE_DATA_DATE };
  if (hasVariable(ref)) {
    return { status: 'variable', ...empty };
  }
  const image = knownImageName(ref);
  if (image === 'scratch') {
    return { status: 'scratch', image, libc: 'none', ...empty };
  }
  const today = todayString(options);
  const runtimeImage = image === undefined ? undefined : RUNTIME_IMAGES[image];
  if (image !== undefined && runtimeImage !== undefined) {
    return describeRuntimeImage(image, runtimeImage, ref, today);
  }
  if (image === 'debian' || image === 'ubuntu' || image === 'alpine') {
    return describeDistributionImage(image, ref, today);
  }
  if (image !== undefined && image.startsWith('distroless/')) {
    return describeDistroless(image, ref, today);
  }
  return { status: 'unknown', image, tag: ref.tag, ...empty };
}

function describeRuntimeImage(image: string, spec: RuntimeImage, ref: ImageReference, today: string): BaseImageDescription {
  const tag = ref.tag ?? (ref.digest === undefined ? 'latest' : undefined);
  const parts = parseTag(tag ?? '', image);
  const notes: BaseImageNote[] = [];
  if (tag !== undefined && parts.moving) {
    notes.push('movingTag');
  }
  if (image === 'openjdk') {
    notes.push('deprecatedImage');
  }

  let version = parts.version;
  let cycle = version === undefined ? undefined : spec.cycleOf(version);
  if (spec.runtime === 'node' && version === undefined) {
    // Node.js tags may name an LTS line by its codename: node:iron is node:20.
    const named = parts.words.map((w) => cycleByCodename(NODE_CYCLES, w)).find((c) => c !== undefined);
    cycle = named?.cycle;
  }
  const runtimeCycle = cycle === undefined ? undefined : spec.cycles.find((c) => c.cycle === cycle);
  if (cycle !== undefined && runtimeCycle === undefined) {
    notes.push('unknownRelease');
  }
  const runtime: RuntimeInfo = {
    id: spec.runtime,
    name: spec.name,
    version: version ?? cycle,
    cycle,
    endOfLife: runtimeCycle === undefined ? undefined : endOfLife(runtimeCycle, today),
  };

  let distributionId = parts.distribution;
  if (distributionId === undefined) {
    distributionId = spec.defaultDistribution ?? (parts.slim ? 'debian' : undefined);
    if (distributionId !== undefined) {
      notes.push('defaultDistribution');
    }
  }
  const distribution = distributionId === undefined ? undefined : distributionInfo(distributionId, parts.distributionCycle, today);
  const variant = distributionId === 'windows' ? 'windows'
    : distributionId === 'alpine' ? 'alpine'
      : parts.slim ? 'slim'
        : parts.javaKind ?? (spec.runtime === 'java' ? 'jdk' : 'full');

  return {
    status: 'known',
    image,
    tag,
    runtime,
    distribution,
    libc: distributionId === undefined ? undefined : LIBC[distributionId],
    variant,
    slimmerVariants: runtimeSlimmerVariants(image, parts, variant, cycle),
    upgrade: runtimeUpgrade(image, spec, parts, runtime, distribution, today),
    notes,
    dataDate: BASE_IMAGE_DATA_DATE,
  };
}

function withTag(image: string, words: readonly (string | undefined)[]): string {
  const tag = words.filter((w): w is string => w !== undefined && w !== '').join('-');
  return tag === '' ? image : `${image}:${tag}`;
}

function runtimeSlimmerVariants(image: string, parts: TagParts, variant: string, cycle: string | undefined): string[] {
  const version = parts.version ?? parts.words.find((w) => cycleByCodename(NODE_CYCLES, w) !== undefined || w === 'lts' || w === 'current');
  const codename = parts.distribution === 'debian' || parts.distribution === 'ubuntu' ? parts.distributionWord : undefined;
  switch (image) {
    case 'python':
      return variant === 'full' ? [withTag(image, [version, 'slim', codename]), withTag(image, [version, 'alpine'])]
        : variant === 'slim' ? [withTag(image, [version, 'alpine'])] : [];
    case 'node':
      // Node.js puts the distribution before `slim`: node:20-bookworm-slim.
      return variant === 'full' ? [withTag(image, [version, codename, 'slim']), withTag(image, [version, 'alpine'])]
        : variant === 'slim' ? [withTag(image, [version, 'alpine'])] : [];
    case 'golang': {
      // A Go binary built with CGO_ENABLED=0 needs no runtime image at all.
      const runtimes = ['gcr.io/distroless/static', 'scratch'];
      return variant === 'alpine' || variant === 'windows' ? runtimes : [...runtimes, withTag(image, [version, 'alpine'])];
    }
    case 'eclipse-temurin':
      return variant === 'jdk' ? [withTag(image, [version, 'jre', codename]), withTag(image, [version, 'jre', 'alpine'])]
        : variant === 'jre' ? [withTag(image, [version, 'jre', 'alpine'])] : [];
    case 'openjdk':
      return cycle === undefined ? [] : [withTag('eclipse-temurin', [cycle, 'jre']), withTag('eclipse-temurin', [cycle, 'jre', 'alpine'])];
    default:
      return [];
  }
}

/** The newest supported release word of the tag's distribution, to swap for a retired one (`buster` → `trixie`). */
function currentDistributionWord(distribution: DistributionId, today: string): string | undefined {
  if (distribution === 'alpine') {
    const alpine = newestSupported(ALPINE_CYCLES, today);
    return alpine === undefined ? 'alpine' : `alpine${alpine.cycle}`;
  }
  const cycles = DISTRIBUTION_CYCLES[distribution];
  return cycles === undefined ? undefined : newestSupported(cycles, today, distribution === 'ubuntu')?.codename;
}

function runtimeUpgrade(image: string, spec: RuntimeImage, parts: TagParts, runtime: RuntimeInfo,
  distribution: DistributionInfo | undefined, today: string): string | undefined {
  const runtimePast = runtime.endOfLife?.isPast === true;
  const distributionPast = distribution?.endOfLife?.isPast === true && parts.distributionWord !== undefined;
  if (!runtimePast && !distributionPast) {
    return undefined;
  }
  const target = image === 'openjdk' ? 'eclipse-temurin' : image;
  const newest = runtimePast ? newestSupported(spec.cycles, today, spec.runtime === 'node' || spec.runtime === 'java') : undefined;
  const version = newest?.cycle ?? parts.version;
  const replacement = distributionPast && distribution !== undefined ? currentDistributionWord(distribution.id, today) : undefined;
  const words = parts.words
    .filter((w) => cycleByCodename(NODE_CYCLES, w) === undefined)
    .map((w) => (w === parts.distributionWord && replacement !== undefined ? replacement : w));
  return withTag(target, [version, ...words]);
}

function describeDistributionImage(image: 'debian' | 'ubuntu' | 'alpine', ref: ImageReference, today: string): BaseImageDescription {
  const tag = ref.tag ?? (ref.digest === undefined ? 'latest' : undefined);
  const words = (tag ?? '').split('-').filter((w) => w !== '');
  const first = words[0];
  const notes: BaseImageNote[] = [];
  const cycles = image === 'debian' ? DEBIAN_CYCLES : image === 'ubuntu' ? UBUNTU_CYCLES : ALPINE_CYCLES;

  let cycle: ReleaseCycle | undefined;
  if (first !== undefined && /^\d/.test(first)) {
    const number = image === 'debian' ? major(first) : majorMinor(first);
    cycle = cycles.find((c) => c.cycle === number);
    if (cycle === undefined) {
      notes.push('unknownRelease');
    }
  } else if (first !== undefined) {
    const suite = image === 'debian' ? DEBIAN_SUITES[first] : undefined;
    cycle = cycleByCodename(cycles, suite ?? first);
    if (suite !== undefined || MOVING_WORDS.has(first)) {
      notes.push('movingTag');
    }
  }
  if (image === 'debian' && first === 'latest') {
    cycle = cycleByCodename(DEBIAN_CYCLES, DEBIAN_SUITES.stable);
  }

  const slim = words.includes('slim');
  const distribution = distributionInfo(image, cycle, today);
  const slimmerVariants = image === 'debian' && !slim && tag !== undefined
    ? [withTag(image, [first === 'latest' ? 'stable' : first, 'slim'])]
    : [];
  let upgrade: string | undefined;
  if (distribution.endOfLife?.isPast === true) {
    const newest = newestSupported(cycles, today, image === 'ubuntu');
    const newestWord = newest === undefined ? undefined : /^\d/.test(first ?? '') || image === 'alpine' ? newest.cycle : newest.codename;
    upgrade = newestWord === undefined ? undefined : withTag(image, [newestWord, slim ? 'slim' : undefined]);
  }
  return {
    status: 'known', image, tag, distribution, libc: LIBC[image], variant: slim ? 'slim' : undefined,
    slimmerVariants, upgrade, notes, dataDate: BASE_IMAGE_DATA_DATE,
  };
}

function describeDistroless(image: string, ref: ImageReference, today: string): BaseImageDescription {
  const name = image.slice('distroless/'.length);
  const debian = /-debian(\d+)$/.exec(name);
  const cycle = debian === null ? undefined : DEBIAN_CYCLES.find((c) => c.cycle === debian[1]);
  const notes: BaseImageNote[] = debian === null ? ['defaultDistribution'] : [];
  // distroless/static carries no C library: it only runs static binaries.
  const libc: LibC = name.startsWith('static') ? 'none' : 'glibc';
  return {
    status: 'known', image, tag: ref.tag, distribution: distributionInfo('debian', cycle, today), libc,
    slimmerVariants: [], notes, dataDate: BASE_IMAGE_DATA_DATE,
  };
}

const TAG_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  python: ['', '-slim', '-alpine', '-slim-trixie', '-slim-bookworm', '-trixie', '-bookworm'],
  node: ['', '-slim', '-alpine', '-trixie', '-trixie-slim', '-bookworm', '-bookworm-slim'],
  golang: ['', '-alpine', '-trixie', '-bookworm'],
  'eclipse-temurin': ['', '-jdk', '-jre', '-jdk-alpine', '-jre-alpine', '-jdk-noble', '-jre-noble'],
};

/**
 * Tags of a known image whose release is supported on `options.today`, newest first, for completion.
 * Empty for images the extension has no data for, and for the deprecated `openjdk`.
 */
export function knownTags(repository: string, options?: DescribeOptions): string[] {
  const today = todayString(options);
  const image = knownImageName(parseImageReference(repository));
  const supported = (cycles: readonly ReleaseCycle[]): ReleaseCycle[] =>
    [...cycles].reverse().filter((c) => c.released <= today && c.eol >= today);
  if (image === undefined) {
    return [];
  }
  const spec = RUNTIME_IMAGES[image];
  const suffixes = TAG_SUFFIXES[image];
  if (spec !== undefined && suffixes !== undefined) {
    const cycles = supported(spec.cycles).filter((c) => spec.runtime !== 'java' || c.lts === true);
    return cycles.flatMap((c) => suffixes.map((s) => `${c.cycle}${s}`));
  }
  switch (image) {
    case 'debian':
      return supported(DEBIAN_CYCLES).flatMap((c) => [c.codename ?? c.cycle, `${c.codename ?? c.cycle}-slim`, c.cycle, `${c.cycle}-slim`])
        .concat(['stable', 'stable-slim']);
    case 'ubuntu':
      return supported(UBUNTU_CYCLES).flatMap((c) => [c.cycle, c.codename ?? c.cycle]);
    case 'alpine':
      return supported(ALPINE_CYCLES).map((c) => c.cycle);
    default:
      return [];
  }
}
