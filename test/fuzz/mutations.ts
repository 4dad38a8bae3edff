// Seeded mutations of Dockerfiles for the fuzzer: each returns a new text from a seed text and a random source.

/** A small, fast, seedable PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Mutation = (text: string, random: () => number) => string;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)];
const lines = (text: string): string[] => text.split('\n');

export const mutations: Record<string, Mutation> = {
  deleteLine: (text, random) => {
    const all = lines(text);
    all.splice(Math.floor(random() * all.length), 1);
    return all.join('\n');
  },
  duplicateLine: (text, random) => {
    const all = lines(text);
    const i = Math.floor(random() * all.length);
    all.splice(i, 0, all[i]);
    return all.join('\n');
  },
  truncate: (text, random) => text.slice(0, Math.floor(random() * (text.length + 1))),
  randomBytes: (text, random) => {
    const at = Math.floor(random() * (text.length + 1));
    let noise = '';
    const count = 1 + Math.floor(random() * 16);
    for (let i = 0; i < count; i++) {
      noise += String.fromCharCode(Math.floor(random() * 0x3000));
    }
    return text.slice(0, at) + noise + text.slice(at);
  },
  unbalance: (text, random) => {
    const at = Math.floor(random() * (text.length + 1));
    return text.slice(0, at) + pick(['"', "'", '[', ']', '{', '}', '${', '$(', '`', '\\', '<<', '"]'], random) + text.slice(at);
  },
  heredocWithoutTerminator: (text, random) => {
    const all = lines(text);
    all.splice(Math.floor(random() * (all.length + 1)), 0, pick(['RUN <<EOF', 'RUN <<-EOT cat', 'COPY <<"EOF" /x', 'RUN <<A <<B', 'RUN python3 <<EOF'], random), 'echo half a heredoc');
    return all.join('\n');
  },
  escapeChange: (text, random) => `${pick(['# escape=`', '# escape=\\', '# escape=x', '# escape='], random)}\n${text}`,
  directiveNoise: (text, random) =>
    `${pick(['# check=skip=all', '# check=skip=;error=true', '# check=experimental=all', '# syntax=docker/dockerfile:1', '# check=error=maybe;skip=,,'], random)}\n${text}`,
  crlf: (text) => text.replace(/\n/g, '\r\n'),
  loneCr: (text) => text.replace(/\n/g, '\r'),
  bom: (text) => `\ufeff${text}`,
  nulBytes: (text, random) => {
    const at = Math.floor(random() * (text.length + 1));
    return `${text.slice(0, at)}\0\0${text.slice(at)}`;
  },
  invalidUtf8: (text, random) => {
    // What a decoder makes of invalid UTF-8: replacement characters and lone surrogates.
    const at = Math.floor(random() * (text.length + 1));
    return `${text.slice(0, at)}\ufffd\ud800\udfff\ufffe${text.slice(at)}`;
  },
  continuationStorm: (text, random) => {
    const all = lines(text);
    const i = Math.floor(random() * all.length);
    all[i] = `${all[i]} \\`;
    all.splice(i + 1, 0, '', '# comment', '   ', '\\');
    return all.join('\n');
  },
  flagNoise: (text, random) => {
    const all = lines(text);
    const i = Math.floor(random() * all.length);
    all.splice(i, 0, pick([
      'RUN --mount=type=cache,target=/root/.cache,sharing=locked,from=,id= pip install x',
      'COPY --from= --chmod=0x --link=maybe --parents --exclude=* a b',
      'FROM --platform= AS',
      'FROM ${A:-${B:-${C}}}:${T:?err} AS x y z',
      'ADD --checksum=sha256: --keep-git-dir=1 --unpack http://x /y',
      'HEALTHCHECK --interval=-1s --retries=x CMD',
      'ONBUILD ONBUILD RUN x',
      'EXPOSE 80/TCP 127.0.0.1:80:80 -1 65536/udp',
    ], random));
    return all.join('\n');
  },
};

export const mutationNames = Object.keys(mutations);

/** Very long or very large inputs, made once per run. */
export function hugeInputs(): Array<{ name: string; text: string }> {
  const longRun = `FROM alpine\nRUN ${'echo x && '.repeat(100_000)}true\n`;
  const longLine = `FROM alpine\nLABEL a="${'x'.repeat(1_000_000)}"\n`;
  const manyLines: string[] = ['FROM alpine AS base'];
  for (let i = 0; i < 50_000; i++) {
    manyLines.push(i % 5 === 0 ? `RUN apt-get install -y pkg${i} | tee /log${i}` : i % 7 === 0 ? `FROM base AS s${i}` : `ENV V${i}=$V${i - 1}`);
  }
  return [
    { name: '1 MB RUN line', text: longRun },
    { name: '1 MB LABEL line', text: longLine },
    { name: '50,000-line file', text: `${manyLines.join('\n')}\n` },
    { name: 'nested variables', text: `FROM alpine\nARG A=${'${B:-'.repeat(2000)}x${'}'.repeat(2000)}\n` },
    { name: 'open quotes', text: `FROM alpine\nRUN ${'"\'`'.repeat(20_000)}\n` },
  ];
}
