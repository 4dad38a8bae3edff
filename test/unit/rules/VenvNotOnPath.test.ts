import { strict as assert } from 'assert';
import { VenvNotOnPath } from '../../../server/src/rules/guide/VenvNotOnPath';
import { applyFix, linesOf, runRule, textOf } from '../helpers/analyse';

describe('VenvNotOnPath', () => {
  it('reports a venv that pip never reaches because PATH misses it', () => {
    const text = 'FROM python:3.12-slim\nRUN python3 -m venv /opt/venv\nRUN pip install -r requirements.txt\n';
    const [finding] = runRule(text, VenvNotOnPath).findings;
    assert.equal(textOf(text, finding.diagnostic.range), '/opt/venv');
    assert.match(String(finding.diagnostic.message), /\/opt\/venv/);
  });

  it('knows virtualenv, uv venv (with its .venv default) and relative directories under WORKDIR', () => {
    assert.deepEqual(linesOf('FROM python:3.12\nRUN virtualenv -p python3 /env\n', VenvNotOnPath), [2]);
    const uv = runRule('FROM python:3.12\nWORKDIR /app\nRUN uv venv && uv pip install x\nCMD ["python", "main.py"]\n', VenvNotOnPath).findings;
    assert.equal(uv.length, 1);
    assert.match(String(uv[0].diagnostic.message), /\/app\/\.venv/);
  });

  it('accepts the guide pattern, PATH set before creation, activation and venvs used by full path', () => {
    assert.deepEqual(linesOf('FROM python:3.8\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install x\n', VenvNotOnPath), []);
    assert.deepEqual(linesOf('FROM python:3.12\nENV VIRTUAL_ENV=/v PATH=/v/bin:$PATH\nRUN python -m venv $VIRTUAL_ENV && pip install x\n', VenvNotOnPath), []);
    assert.deepEqual(linesOf('FROM python:3.12\nRUN python -m venv /v && . /v/bin/activate && pip install x\n', VenvNotOnPath), []);
    assert.deepEqual(linesOf('FROM python:3.12\nRUN python -m venv /venv && /venv/bin/pip install x\nENTRYPOINT ["/venv/bin/python3", "app.py"]\n', VenvNotOnPath), []);
  });

  it('inserts VIRTUAL_ENV and PATH right after the creating RUN, in the file style', () => {
    const text = 'from python:3.12\n  run python3 -m venv /opt/venv\nrun pip install x\n';
    const [fix] = runRule(text, VenvNotOnPath).findings[0].fixes();
    const fixed = applyFix(text, fix);
    assert.equal(fixed, 'from python:3.12\n  run python3 -m venv /opt/venv\n  env VIRTUAL_ENV=/opt/venv\n  env PATH="/opt/venv/bin:$PATH"\nrun pip install x\n');
    assert.deepEqual(linesOf(fixed, VenvNotOnPath), []);
  });

  it('writes CRLF line endings in CRLF files and skips VIRTUAL_ENV when it is already the directory', () => {
    const text = 'FROM python:3.12\r\nENV VIRTUAL_ENV=/v\r\nRUN python -m venv $VIRTUAL_ENV\r\nRUN pip install x\r\n';
    const [fix] = runRule(text, VenvNotOnPath).findings[0].fixes();
    assert.equal(applyFix(text, fix), 'FROM python:3.12\r\nENV VIRTUAL_ENV=/v\r\nRUN python -m venv $VIRTUAL_ENV\r\nENV PATH="/v/bin:$PATH"\r\nRUN pip install x\r\n');
  });
});
