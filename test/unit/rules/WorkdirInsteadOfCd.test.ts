import { strict as assert } from 'assert';
import { WorkdirInsteadOfCd } from '../../../server/src/rules/shell/WorkdirInsteadOfCd';
import { linesOf, runRule, textOf } from '../helpers/analyse';

describe('WorkdirInsteadOfCd', () => {
  it('reports cd in RUN and in ONBUILD RUN, on the cd command', () => {
    const text = 'FROM alpine\nRUN cd /opt && make\nONBUILD RUN cd /src && make\n';
    assert.deepEqual(linesOf(text, WorkdirInsteadOfCd), [2, 3]);
    assert.equal(textOf(text, runRule(text, WorkdirInsteadOfCd).findings[0].diagnostic.range), 'cd /opt');
  });

  it('ignores cd as an argument, WORKDIR, and exec-form RUN', () => {
    assert.deepEqual(linesOf('FROM alpine\nWORKDIR /opt\nRUN echo cd\nRUN ["cd", "/opt"]\n', WorkdirInsteadOfCd), []);
  });
});
