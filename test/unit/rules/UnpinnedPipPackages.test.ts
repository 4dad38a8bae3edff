import { strict as assert } from 'assert';
import { UnpinnedPipPackages } from '../../../server/src/rules/shell/UnpinnedPipPackages';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('UnpinnedPipPackages', () => {
  it('reports unpinned requirements of pip, python -m pip and pipx', () => {
    const text = 'FROM python:3.12\nRUN pip install flask==3.0.0 requests\nRUN python3 -m pip install uvicorn\nRUN pipx install black\n';
    assert.deepEqual(linesOf(text, UnpinnedPipPackages), [2, 3, 4]);
    assert.equal(textOf(text, runRule(text, UnpinnedPipPackages).findings[0].diagnostic.range), 'requests');
  });

  it('accepts version specifiers, requirement and constraint files, local archives and git revisions', () => {
    const text = [
      'FROM python:3.12',
      "RUN pip install 'alabaster>=0.7' 'six!=1.0' -r requirements.txt .",
      'RUN pip install --target /opt/x dist/app-1.0-py3-none-any.whl git+https://github.com/o/r.git@v1.2#egg=r',
      'RUN pip install pykafka -c constraints.txt',
      'RUN pipenv install black',
      '',
    ].join('\n');
    assert.deepEqual(linesOf(text, UnpinnedPipPackages), []);
  });

  it('reports a git requirement without a revision', () => {
    assert.deepEqual(linesOf('FROM python:3.12\nRUN pip install git+https://github.com/o/r.git#egg=r\n', UnpinnedPipPackages), [2]);
  });
});
