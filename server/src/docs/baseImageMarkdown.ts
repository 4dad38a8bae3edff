// Hover text for a FROM image: what describeBaseImage found, in the language @vscode/l10n is configured for.
import * as l10n from '@vscode/l10n';
import { BaseImageDescription, DistributionInfo, EndOfLifeStatus, RuntimeInfo } from '../data/baseImages';

function code(text: string): string {
  return `\`${text}\``;
}

function distributionLabel(distribution: DistributionInfo): string {
  if (distribution.release === undefined) {
    return distribution.name;
  }
  return distribution.codename === undefined
    ? `${distribution.name} ${distribution.release}`
    : `${distribution.name} ${distribution.release} (${distribution.codename})`;
}

function runtimeLabel(runtime: RuntimeInfo): string {
  return runtime.version === undefined ? runtime.name : `${runtime.name} ${runtime.version}`;
}

function endOfLifeLine(subject: string, status: EndOfLifeStatus): string {
  const estimated = status.estimated ? ` ${l10n.t('(estimated date)')}` : '';
  if (status.isPast) {
    return `⚠️ ${l10n.t('{0} reached its end of life on {1}: it no longer gets security fixes.', subject, status.date)}${estimated}`;
  }
  if (status.supportEnded && status.supportEnd !== undefined) {
    return l10n.t('{0} left regular security support on {1}; long-term support lasts until {2}.', subject, status.supportEnd, status.date) + estimated;
  }
  return l10n.t('{0} is supported until {1}.', subject, status.date) + estimated;
}

/** Markdown for a hover over a FROM image; undefined for images the extension knows nothing about. */
export function baseImageMarkdown(description: BaseImageDescription): string | undefined {
  switch (description.status) {
    case 'unknown':
      return undefined;
    case 'variable':
      return l10n.t('The image is chosen by a variable, so it is only known at build time.');
    case 'scratch':
      return l10n.t('`scratch` is an empty image: no distribution, no shell and no C library. It suits static binaries.');
  }
  const lines: string[] = [];
  const { runtime, distribution } = description;
  if (runtime !== undefined) {
    lines.push(l10n.t('Runtime: {0}', runtimeLabel(runtime)));
  }
  if (distribution !== undefined) {
    const defaultNote = description.notes.includes('defaultDistribution') && distribution.release === undefined
      ? ` ${l10n.t('(default variant; the tag does not name the release)')}` : '';
    lines.push(l10n.t('Distribution: {0}', distributionLabel(distribution)) + defaultNote);
  }
  if (description.libc !== undefined) {
    lines.push(description.libc === 'none'
      ? l10n.t('C library: none (static binaries only)')
      : l10n.t('C library: {0}', description.libc));
  }
  if (description.libc === 'musl') {
    lines.push(l10n.t('musl is not glibc: wheels and binaries built on a glibc image (Debian, Ubuntu, `slim`) fail to load here.'));
  }
  if (runtime?.endOfLife !== undefined && runtime.cycle !== undefined) {
    lines.push(endOfLifeLine(`${runtime.name} ${runtime.cycle}`, runtime.endOfLife));
  }
  if (distribution?.endOfLife !== undefined) {
    lines.push(endOfLifeLine(distributionLabel(distribution), distribution.endOfLife));
  }
  if (description.notes.includes('unknownRelease')) {
    lines.push(l10n.t('There is no end-of-life data for this release.'));
  }
  if (description.notes.includes('movingTag')) {
    lines.push(l10n.t('This tag moves over time: pin a version so that builds are repeatable.'));
  }
  if (description.notes.includes('deprecatedImage')) {
    lines.push(l10n.t('This image is deprecated and no longer updated: use a maintained one such as `eclipse-temurin`.'));
  }
  if (description.upgrade !== undefined) {
    lines.push(l10n.t('Supported replacement: {0}', code(description.upgrade)));
  }
  if (description.slimmerVariants.length > 0) {
    lines.push(l10n.t('Slimmer variants: {0}', description.slimmerVariants.map(code).join(', ')));
  }
  lines.push(`_${l10n.t('End-of-life data as of {0}.', description.dataDate)}_`);
  return lines.join('\n\n');
}
