// Finds the extension's own folder (where package.json, docs/ and l10n/ live) from bundled or source code.
import * as fs from 'fs';
import * as path from 'path';

let cached: string | undefined;

/** The folder holding this project's package.json: `dist/..` when bundled, the repo root under tsx. */
export function packageRoot(): string {
  if (cached) {
    return cached;
  }
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
        if (parsed.name === 'dockerfile-advisor') {
          cached = dir;
          return dir;
        }
      } catch {
        // A broken package.json further down is not ours; keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      break;
    }
    dir = parent;
  }
  cached = path.resolve(__dirname, '..');
  return cached;
}
