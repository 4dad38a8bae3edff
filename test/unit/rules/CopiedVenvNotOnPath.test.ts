import { strict as assert } from 'assert';
import { CopiedVenvNotOnPath } from '../../../server/src/rules/guide/CopiedVenvNotOnPath';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

const build = 'FROM python:3.12 AS build\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install x\n';

describe('CopiedVenvNotOnPath', () => {
  it('reports a copied venv that the runtime command does not reach', () => {
    const text = `${build}FROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nCMD ["python", "app.py"]\n`;
    const [finding] = runRule(text, CopiedVenvNotOnPath).findings;
    assert.equal(textOf(text, finding.diagnostic.range), '/opt/venv');
    assert.equal(finding.diagnostic.range.start.line, 5);
    assert.equal(finding.diagnostic.relatedInformation?.[0].location.range.start.line, 1);
  });

  it('follows a copied parent directory (uv sync puts .venv in the project)', () => {
    const text = 'FROM python:3.12 AS b\nWORKDIR /app\nRUN uv sync\nFROM python:3.12-slim\nCOPY --from=b /app /srv\nRUN python -c "import x"\n';
    const [finding] = runRule(text, CopiedVenvNotOnPath).findings;
    assert.match(String(finding.diagnostic.message), /\/srv\/\.venv/);
  });

  it('accepts the guide, where PATH is set later but before ENTRYPOINT, and full-path use', () => {
    assert.deepEqual(linesOf(`${build}FROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nWORKDIR /app\nENV PATH="/opt/venv/bin:$PATH"\nENTRYPOINT python3 main.py\n`, CopiedVenvNotOnPath), []);
    assert.deepEqual(linesOf(`${build}FROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nENTRYPOINT ["/opt/venv/bin/python", "main.py"]\n`, CopiedVenvNotOnPath), []);
  });

  it('reports pip running before PATH is set, and inserts the PATH line after the COPY', () => {
    const text = `${build}FROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\nRUN pip install y\nENV PATH="/opt/venv/bin:$PATH"\n`;
    const [finding] = runRule(text, CopiedVenvNotOnPath).findings;
    const fixed = applyFix(text, finding.fixes()[0]);
    assert.ok(fixed.includes('COPY --from=build /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install y\n'));
    assert.deepEqual(linesOf(fixed, CopiedVenvNotOnPath), []);
  });

  it('counts a path to another Python as deliberate: only a python found on PATH runs the system one by mistake', () => {
    // Found by the fuzzer: a full path to another interpreter kept the finding after its fix, which PATH cannot change.
    const runtime = `${build}FROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\n`;
    assert.deepEqual(linesOf(`${runtime}RUN /usr/bin/python3 -c 1\nCMD ["/opt/venv/bin/python", "app.py"]\n`, CopiedVenvNotOnPath), []);
    const text = `${runtime}RUN /usr/bin/python3 -c 1\nCMD ["python", "app.py"]\n`;
    const [finding] = runRule(text, CopiedVenvNotOnPath).findings;
    assert.deepEqual(linesOf(applyFix(text, finding.fixes()[0]), CopiedVenvNotOnPath), []);
  });
});

