// Reads `docker info --format json`: whether the engine answers, its platform, and its image store.
import { arrayField, isObject, parseJson, stringField } from './json';

export interface DockerInfo {
  readonly serverReachable: boolean;
  readonly serverVersion?: string;
  readonly osType?: string;
  /** uname-style, e.g. `x86_64`, `aarch64`. */
  readonly architecture?: string;
  /** The engine stores images in containerd, so `--load` can take a multi-platform image. */
  readonly containerdImageStore: boolean;
  readonly serverErrors: readonly string[];
  /** Names of the CLI plugins the client found (`buildx`, `compose`...). */
  readonly clientPlugins: readonly string[];
}

const CONTAINERD_SNAPSHOTTER = 'io.containerd.snapshotter.v1';

/** `undefined` when stdout is not a JSON object (an old client that ignores `--format json`). */
export function parseDockerInfo(stdout: string): DockerInfo | undefined {
  const info = parseJson(stdout.trim());
  if (!isObject(info)) {
    return undefined;
  }
  const serverErrors = arrayField(info, 'ServerErrors').filter((e): e is string => typeof e === 'string');
  const serverVersion = stringField(info, 'ServerVersion');
  const clientInfo = isObject(info['ClientInfo']) ? info['ClientInfo'] : {};
  const clientPlugins = arrayField(clientInfo, 'Plugins')
    .filter(isObject)
    .map((plugin) => stringField(plugin, 'Name'))
    .filter((name): name is string => name !== undefined);
  return {
    serverReachable: serverErrors.length === 0 && serverVersion !== undefined && serverVersion !== '',
    ...(serverVersion ? { serverVersion } : {}),
    ...optional('osType', stringField(info, 'OSType')),
    ...optional('architecture', stringField(info, 'Architecture')),
    containerdImageStore: usesContainerdSnapshotter(info['DriverStatus']),
    serverErrors,
    clientPlugins,
  };
}

/** DriverStatus is a list of [key, value] pairs; the containerd store reports its snapshotter there. */
function usesContainerdSnapshotter(driverStatus: unknown): boolean {
  if (!Array.isArray(driverStatus)) {
    return false;
  }
  return driverStatus.some(
    (pair) => Array.isArray(pair) && pair[0] === 'driver-type' && pair[1] === CONTAINERD_SNAPSHOTTER,
  );
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
