// Keeps V8's compiled code of the server between starts, so a restart skips most of the compiling.
import * as nodeModule from 'module';

/** The environment variable through which the client names a private directory for the cache. */
export const compileCacheVariable = 'DOCKERFILE_ADVISOR_COMPILE_CACHE';

/**
 * Turns Node's compile cache (Node 22.1+, the one in today's VS Code) on for every module
 * required after this call. Older Node goes without: measured on Node 20, the
 * v8-compile-cache package saved less start-up time (13 ms, with the GopherJS shell parser the
 * server used then) than it took to load (14 ms).
 * The directory must be private to the user (the extension's global storage): compiled code
 * read from a directory others can write would run as ours. Without one the cache stays off.
 */
export function enableCompileCache(directory: string | undefined): boolean {
  const builtIn = (nodeModule as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (!directory || typeof builtIn !== 'function') {
    return false;
  }
  try {
    builtIn(directory);
    return true;
  } catch {
    // A cache that cannot be set up only costs start-up time.
    return false;
  }
}
