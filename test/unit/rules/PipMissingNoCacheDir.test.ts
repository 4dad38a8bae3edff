import { strict as assert } from 'assert';
import { PipMissingNoCacheDir } from '../../../server/src/rules/shell/PipMissingNoCacheDir';
import { linesOf, runRule, textOf } from '../helpers/analyse';
import { fixed } from './shellRuleHelpers';

describe('PipMissingNoCacheDir', () => {
  it('reports pip install without --no-cache-dir, on install', () => {
    const text = 'FROM python:3.12\nRUN pip install -r requirements.txt\n';
    assert.equal(textOf(text, runRule(text, PipMissingNoCacheDir).findings[0].diagnostic.range), 'install');
    assert.deepEqual(linesOf('FROM python:3.12\nRUN python -m pip install flask==3.0.0\n', PipMissingNoCacheDir), [2]);
  });

  it('accepts PIP_NO_CACHE_DIR when it is truthy, however it is set', () => {
    assert.deepEqual(linesOf('FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n', PipMissingNoCacheDir), []);
    assert.deepEqual(linesOf('FROM python:3.12\nRUN PIP_NO_CACHE_DIR=yes pip install flask\n', PipMissingNoCacheDir), []);
    assert.deepEqual(linesOf('FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=on && pip install flask\n', PipMissingNoCacheDir), []);
    assert.deepEqual(linesOf('FROM python:3.12\nRUN env PIP_NO_CACHE_DIR=true pip install flask\n', PipMissingNoCacheDir), []);
    assert.deepEqual(linesOf('FROM python:3.12\nENV PIP_NO_CACHE_DIR=off\nRUN pip install flask\n', PipMissingNoCacheDir), [3]);
  });

  it('accepts a cache mount on pip cache directory and leaves pipx alone', () => {
    assert.deepEqual(linesOf('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\nRUN pipx install black\n', PipMissingNoCacheDir), []);
  });

  it('inserts --no-cache-dir after install', () => {
    assert.equal(fixed('FROM python:3.12\nRUN pip3 install flask==3.0.0\n', PipMissingNoCacheDir), 'FROM python:3.12\nRUN pip3 install --no-cache-dir flask==3.0.0\n');
  });
});
