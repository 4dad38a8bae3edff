import { strict as assert } from 'assert';
import { VenvPythonVersionMismatch } from '../../../server/src/rules/guide/VenvPythonVersionMismatch';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('VenvPythonVersionMismatch', () => {
  it('reports a venv made with Python 3.11 copied onto 3.12', () => {
    const text = 'FROM python:3.11-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\n';
    const [finding] = runRule(text, VenvPythonVersionMismatch).findings;
    assert.equal(textOf(text, finding.diagnostic.range), '/opt/venv');
    assert.match(String(finding.diagnostic.message), /3\.11.*3\.12/);
  });

  it('follows FROM <stage> to the image and accepts the same minor version or unknown ones', () => {
    assert.deepEqual(linesOf('FROM python:3.10 AS base\nFROM base AS build\nRUN python -m venv /v\nFROM python:3.12-alpine\nCOPY --from=build /v /v\n', VenvPythonVersionMismatch), [5]);
    assert.deepEqual(linesOf('FROM python:3.12.1 AS b\nRUN python -m venv /v\nFROM python:3.12.4-slim\nCOPY --from=b /v /v\n', VenvPythonVersionMismatch), []);
    assert.deepEqual(linesOf('FROM python:3.12 AS b\nRUN python -m venv /v\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=b /v /v\n', VenvPythonVersionMismatch), []);
  });
});
