import { strict as assert } from 'assert';
import { InvalidDefinitionDescription } from '../../../server/src/rules/buildkit/InvalidDefinitionDescription';
import { linesOf, runRule, textOf } from '../helpers/analyse';

const enabled = '# check=experimental=InvalidDefinitionDescription\n';

describe('InvalidDefinitionDescription', () => {
  it('runs only when # check=experimental= names it', () => {
    const text = '# a non-descriptive comment\nFROM scratch AS base\n';
    assert.deepEqual(linesOf(text, InvalidDefinitionDescription), []);
    assert.deepEqual(linesOf(`${enabled}\n${text}`, InvalidDefinitionDescription), [3]);
    assert.deepEqual(linesOf(`# check=experimental=all\n\n${text}`, InvalidDefinitionDescription), [3]);
  });

  it('reports a comment right above a stage or ARG that does not start with its name', () => {
    const text = `${enabled}\n# a non-descriptive comment\nFROM scratch AS base\n\n# another one\nARG VERSION=1 OTHER\n`;
    const findings = runRule(text, InvalidDefinitionDescription).findings;
    assert.deepEqual(findings.map((f) => f.diagnostic.message), [
      'Comment for FROM should follow the format: `# base <description>`',
      'Comment for ARG should follow the format: `# <arg_key> <description>`',
    ]);
    assert.equal(textOf(text, findings[0].diagnostic.range), '# a non-descriptive comment');
  });

  it('accepts descriptions and comments separated by an empty line', () => {
    const text = `${enabled}\n# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n\n# unrelated\n\nARG OTHER\n`;
    assert.deepEqual(linesOf(text, InvalidDefinitionDescription), []);
  });
});
