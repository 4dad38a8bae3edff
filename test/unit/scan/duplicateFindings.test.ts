import { strict as assert } from 'assert';
import { withoutDuplicates } from '../../../client/src/scan/duplicateFindings';
import type { Finding } from '../../../client/src/scan/model';

const finding = (id: string, aliases: string[], startLine?: number): Finding =>
  ({
    scanner: 'trivy',
    kind: 'misconfiguration',
    id,
    aliases,
    severity: 'high',
    title: id,
    fixedVersions: [],
    ...(startLine !== undefined ? { location: { startLine, endLine: startLine } } : {}),
  }) as unknown as Finding;

describe('Trivy findings that our rules already report', () => {
  const aliases = { LastUserRoot: ['DL3002', 'DS-0002'], UntaggedOrLatestBaseImage: ['DL3006', 'DL3007', 'DS-0001'] };

  it('drops a finding on the line where the aliased rule reported', () => {
    const kept = withoutDuplicates([finding('DS-0002', ['DS002', 'AVD-DS-0002'], 4), finding('DS-0026', [], 1)], [{ ruleId: 'LastUserRoot', line: 4 }], aliases);
    assert.deepEqual(kept.map((f) => f.id), ['DS-0026']);
  });

  it('matches old ids (DS002, AVD-DS-0002) through the finding aliases, case-insensitively', () => {
    const kept = withoutDuplicates([finding('ds-0002', ['DS002'])], [{ ruleId: 'LastUserRoot', line: 9 }], aliases);
    assert.deepEqual(kept, []);
  });

  it('keeps a finding on another line than ours, and every finding when no rule reported', () => {
    assert.equal(withoutDuplicates([finding('DS-0002', [], 2)], [{ ruleId: 'LastUserRoot', line: 4 }], aliases).length, 1);
    assert.equal(withoutDuplicates([finding('DS-0001', [], 1)], [], aliases).length, 1);
  });
});
