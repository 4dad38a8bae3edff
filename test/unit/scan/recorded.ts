// Locates the scanners' recorded outputs in ../shared, which tests read and skip without.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

export const projectRoot = path.resolve(__dirname, '../../..');
export const recordedScannersDir = path.resolve(projectRoot, '../shared/fixtures/scanners');
export const hasRecordedOutputs = existsSync(recordedScannersDir);
export const ownFixturesDir = path.join(__dirname, 'fixtures');

export function readRecorded(relativePath: string): string {
  return readFileSync(path.join(recordedScannersDir, relativePath), 'utf8');
}

/** Every recorded file, relative to the scanners folder (e.g. `trivy/image-alpine-310.json`). */
export function listRecorded(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        files.push(path.relative(recordedScannersDir, full));
      }
    }
  };
  walk(recordedScannersDir);
  return files.sort();
}

/** Skips the suite with a message naming the missing folder. */
export function skipWithoutRecordedOutputs(context: Mocha.Context): void {
  if (!hasRecordedOutputs) {
    console.warn(`    skipped: recorded scanner outputs not found at ${recordedScannersDir}`);
    context.skip();
  }
}
