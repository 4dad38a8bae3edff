import { strict as assert } from 'assert';
import { parseDockerfile } from '../../../server/src/model/parseDockerfile';
import { copiedVenvsInto, venvsIn } from '../../../server/src/model/venv';

/** Each stage is built FROM the one before and also copies the venv from it: many paths, one venv. */
function chain(stages: number): string {
  const lines = ['FROM python:3.12 AS s0', 'RUN python -m venv /opt/venv', 'ENV PATH="/opt/venv/bin:$PATH"'];
  for (let i = 1; i < stages; i++) {
    lines.push(`FROM s${i - 1} AS s${i}`, `COPY --from=s${i - 1} /opt/venv /opt/venv`);
  }
  return `${lines.join('\n')}\n`;
}

describe('venvs across a chain of stages', () => {
  it('finds the one venv once in the last of 60 chained stages (no blow-up along the many paths)', () => {
    const model = parseDockerfile(chain(60));
    const last = model.stages[model.stages.length - 1];
    assert.deepEqual(venvsIn(model, last).map((v) => [v.dir, v.venv.instruction.range.start.line]), [['/opt/venv', 1]]);
    assert.deepEqual(copiedVenvsInto(model, last).map((c) => c.dir), ['/opt/venv']);
  });
});
