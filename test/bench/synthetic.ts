// Generates large, realistic Dockerfiles for the benchmark: many stages, long RUN chains, pipes and heredocs.

export interface SyntheticFile {
  readonly text: string;
  readonly instructions: number;
  readonly stages: number;
  readonly lines: number;
  /** 0-based line of a package name inside the last apt-get chain: the line the edit benchmarks change. */
  readonly editLine: number;
}

/**
 * A Dockerfile of exactly `instructions` instructions spread evenly over `stages` stages.
 * `salt` goes into every RUN so that files made with different salts share no shell script
 * (the shell parse cache then cannot make a repeated measurement look cheaper than a first open).
 */
export function syntheticDockerfile(instructions: number, stages: number, salt = 0): SyntheticFile {
  const lines: string[] = ['# syntax=docker/dockerfile:1', 'ARG DEBIAN_VERSION=12'];
  let count = 1;
  let editLine = -1;
  const perStage = Math.floor((instructions - 1) / stages);
  for (let stage = 0; stage < stages; stage++) {
    const body = stage === stages - 1 ? instructions - 1 - perStage * (stages - 1) : perStage;
    lines.push(stage % 3 === 1 ? `FROM stage${stage - 1} AS stage${stage}` : `FROM debian:\${DEBIAN_VERSION}-slim AS stage${stage}`);
    count++;
    for (let k = 1; k < body; k++) {
      const i = count;
      const last = k === body - 1;
      if (last) {
        lines.push(`CMD ["/opt/app${i}/bin/run", "--port", "${8000 + (i % 1000)}"]`);
      } else {
        editLine = instruction(lines, i, stage, salt, editLine);
      }
      count++;
    }
  }
  return { text: lines.join('\n') + '\n', instructions: count - 1, stages, lines: lines.length, editLine };
}

/** Appends instruction number `i` (a kind chosen by `i`); returns the line of the newest editable package name. */
function instruction(lines: string[], i: number, stage: number, salt: number, editLine: number): number {
  switch (i % 10) {
    case 0:
      lines.push(`ARG TOOL${i}_VERSION=1.${i % 97}.${salt}`);
      break;
    case 1:
      lines.push(`ENV APP${i}_HOME=/opt/app${i} PATH=/opt/app${i}/bin:$PATH`);
      break;
    case 2:
      lines.push(`WORKDIR /opt/app${i}`);
      break;
    case 3: {
      lines.push(
        `RUN apt-get update \\`,
        `    && apt-get install -y --no-install-recommends \\`,
        `        ca-certificates=2023${salt} \\`,
        `        curl=7.88.${i}-${salt} \\`,
      );
      const packageLine = lines.length;
      lines.push(
        `        libssl${i}=3.0.${salt} \\`,
        `        python3-pkg${i} \\`,
        `        git \\`,
        `    && curl -fsSL https://example.com/keys/${i}.asc | gpg --dearmor > /usr/share/keyrings/k${i}.gpg \\`,
        `    && rm -rf /var/lib/apt/lists/*`,
      );
      return packageLine;
    }
    case 4:
      lines.push(
        `RUN set -o pipefail && curl -fsSL https://example.com/tool${i}-${salt}.tar.gz | tar -xz -C /usr/local/bin \\`,
        `    && echo "\${TOOL${i - 4}_VERSION:-none}" | sha256sum | cut -d' ' -f1 > /tmp/sum${i}`,
      );
      break;
    case 5:
      lines.push(`COPY --chown=app:app src/module${i}/ /opt/app${i}/src/`);
      break;
    case 6:
      lines.push('RUN <<EOF', 'set -eux', `echo "building ${i} (${salt})"`, `make -C /opt/app${i} -j2 all | tee /tmp/build${i}.log`, 'EOF');
      break;
    case 7:
      lines.push(`LABEL org.example.step${i}="step ${i} of stage ${stage}"`);
      break;
    case 8:
      lines.push(stage % 3 === 1 ? `COPY --from=stage${stage - 1} /opt/app${i - 8} /opt/app${i}` : `EXPOSE ${8000 + (i % 1000)}`);
      break;
    default:
      lines.push(`RUN pip install --no-cache-dir requests==2.${i % 31}.${salt} && python3 -c "print(${i})"`);
  }
  return editLine;
}
