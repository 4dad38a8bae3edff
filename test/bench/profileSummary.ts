// Reads a V8 .cpuprofile of an esbuild bundle and ranks functions and source files by self and total time.

export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Maps each line of an unminified esbuild bundle to the source file named by the `// path` marker above it. */
function sourceFileByLine(bundleText: string): (line: number) => string {
  const markers: { line: number; file: string }[] = [];
  bundleText.split('\n').forEach((text, line) => {
    const marker = /^\/\/ ((?:node_modules|server|test|client)\/\S+\.(?:[cm]?js|ts|json))$/.exec(text);
    if (marker) {
      markers.push({ line, file: marker[1] });
    }
  });
  return (line) => {
    let low = 0;
    let high = markers.length - 1;
    let found = '(bundle)';
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (markers[middle].line <= line) {
        found = markers[middle].file;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  };
}

export function summariseProfile(profile: CpuProfile, bundleText: string, top: number): string {
  const fileOf = sourceFileByLine(bundleText);
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node.id);
    }
  }
  const keyOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.endsWith('workload.js') ? `${fileOf(lineNumber)}:${lineNumber + 1}` : url || '(native)';
    keyOf.set(node.id, `${functionName || '(anonymous)'}  ${where}`);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  let sum = 0;
  profile.samples.forEach((sample, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    sum += delta;
    const key = keyOf.get(sample)!;
    self.set(key, (self.get(key) ?? 0) + delta);
    const file = key.split('  ')[1].replace(/:\d+$/, '');
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + delta);
    // Total time counts a function once per sample however deep it recurses.
    const onStack = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      if (byId.get(id)?.callFrame.functionName !== '(root)') {
        onStack.add(keyOf.get(id)!);
      }
    }
    for (const key of onStack) {
      total.set(key, (total.get(key) ?? 0) + delta);
    }
  });
  const rank = (counts: Map<string, number>, limit: number, only?: (key: string) => boolean): string =>
    [...counts]
      .filter(([key]) => !only || only(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, micros]) => `${((100 * micros) / sum).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${key}`)
      .join('\n');
  return [
    `sampled ${(sum / 1000).toFixed(0)} ms`,
    '\nTop functions by self time:',
    rank(self, top),
    '\nSelf time by source file:',
    rank(selfByFile, 15),
    '\nOur functions by total time (self + callees):',
    rank(total, top, (key) => /\s(server|test)\//.test(key)),
  ].join('\n');
}
