// What a stage runs on: its root base image described by the shipped base-image table (C library, Python version).
import { describeBaseImage, type BaseImageDescription, type LibC } from '../data/baseImages';
import { rootStage } from './copyPaths';
import type { Stage } from './types';

/** The description of the image a stage is ultimately built on; undefined for `scratch`, ARGs that do not resolve, and stage bases. */
export function stageImage(stage: Stage): BaseImageDescription | undefined {
  const root = rootStage(stage);
  return root.baseImage ? describeBaseImage(root.baseImage) : undefined;
}

/** Tag words that name a distribution even on images the table does not know (`uv:python3.12-bookworm-slim`). */
const glibcWords = new Set(['slim', 'buster', 'bullseye', 'bookworm', 'trixie', 'stretch', 'jessie', 'focal', 'jammy', 'noble', 'bionic', 'ubuntu', 'debian']);

/** The C library of a stage's image, when it can be known. */
export function stageLibc(stage: Stage): LibC | undefined {
  const root = rootStage(stage);
  if (!root.baseImage) {
    return root.baseText.trim().toLowerCase() === 'scratch' ? 'none' : undefined;
  }
  const known = describeBaseImage(root.baseImage).libc;
  if (known) {
    return known;
  }
  const words = (root.baseImage.tag ?? '').toLowerCase().split(/[-_]/);
  if (words.some((word) => /^alpine(\d|$)/.test(word) || word === 'musl')) {
    return 'musl';
  }
  return words.some((word) => glibcWords.has(word)) ? 'glibc' : undefined;
}

/** `3.8` for a stage on `python:3.8.4-slim-buster`; undefined when the image is not a known Python image with a version. */
export function stagePythonVersion(stage: Stage): string | undefined {
  const runtime = stageImage(stage)?.runtime;
  return runtime?.id === 'python' ? runtime.cycle : undefined;
}

/** How a stage is named in messages: its name, or its index. */
export function stageLabel(stage: Stage): string {
  return stage.name ?? String(stage.index);
}
