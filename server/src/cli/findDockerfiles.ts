// Finds Dockerfiles under a folder by the names Docker and VS Code recognise.
import * as fs from 'fs';
import * as path from 'path';

const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', '.cache']);

export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === 'dockerfile' ||
    lower === 'containerfile' ||
    lower.endsWith('.dockerfile') ||
    lower.endsWith('.containerfile') ||
    lower.startsWith('dockerfile.') ||
    lower.startsWith('containerfile.')
  ) && !lower.endsWith('.dockerignore');
}

/** Every Dockerfile below `dir`, sorted, without following symbolic links. */
export function findDockerfiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) {
          walk(full);
        }
      } else if (entry.isFile() && isDockerfileName(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found.sort();
}
