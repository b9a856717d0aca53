import { describe, expect, it } from 'vitest';
import {
  changedAfterBackup,
  compareObjects,
  differingFields,
  expectedAfterRestore,
  nodeProblems,
  type ObjectRecord,
  objectProblems,
  recordOf,
} from '../../../harness/k8s-objects.js';

// Objects as the API returns them (kubectl get -o json), with the metadata that changes by itself.
const configMap = (name: string, data: Record<string, string>, rv = '100') => ({
  kind: 'ConfigMap',
  metadata: {
    name,
    namespace: 'rehearsal-x-a',
    uid: `uid-${name}`,
    labels: { 'kube-rescue.rehearsal/run': 'x' },
    resourceVersion: rv,
    creationTimestamp: '2026-12-01T23:00:00Z',
    managedFields: [{ manager: 'kubectl', time: `t${rv}` }],
  },
  data,
});
const drill = (name: string, budgetSeconds: number) => ({
  kind: 'Drill',
  metadata: { name, namespace: 'rehearsal-x-b', uid: `uid-${name}`, resourceVersion: '7' },
  spec: { scenario: name, targets: ['node1'], budgetSeconds },
  status: { phase: 'whatever a controller says' },
});

const set = (...records: ObjectRecord[]) => new Map(records.map((r) => [r.key, r]));

describe('the Kubernetes object comparison', () => {
  it('compares spec and data, not resourceVersion, managedFields, timestamps or status', () => {
    const before = recordOf(configMap('settings', { mode: 'blue' }, '100'));
    const after = recordOf(configMap('settings', { mode: 'blue' }, '1000000123'));
    expect(before.key).toBe('ConfigMap rehearsal-x-a/settings');
    expect(differingFields(before.content, after.content)).toEqual([]);
    const d1 = recordOf(drill('member-loss', 60));
    const d2 = recordOf({ ...drill('member-loss', 60), status: { phase: 'other' } });
    expect(differingFields(d1.content, d2.content)).toEqual([]);
  });

  it('names a changed ConfigMap value by its field, without the value', () => {
    const want = set(recordOf(configMap('settings', { mode: 'blue', replicas: '3' })));
    const got = set(recordOf(configMap('settings', { mode: 'green', replicas: '3' })));
    const c = compareObjects(want, got);
    expect(c).toEqual({
      verified: [],
      missing: [],
      changed: [{ key: 'ConfigMap rehearsal-x-a/settings', fields: ['data.mode'] }],
      extra: [],
    });
    const problems = objectProblems(c, 'kept');
    expect(problems).toEqual([
      'ConfigMap rehearsal-x-a/settings differs in data.mode; it should read as it was before the fault (a node kept the data)',
    ]);
    expect(problems.join()).not.toContain('green');
  });

  it('reports a missing custom resource', () => {
    const want = set(recordOf(drill('member-loss', 60)), recordOf(drill('total-loss', 120)));
    const got = set(recordOf(drill('member-loss', 60)));
    const c = compareObjects(want, got);
    expect(c.verified).toEqual(['Drill rehearsal-x-b/member-loss']);
    expect(c.missing).toEqual(['Drill rehearsal-x-b/total-loss']);
    expect(objectProblems(c, 'kept')[0]).toMatch(/^Drill rehearsal-x-b\/total-loss is missing/);
  });

  it('a re-created object (same name and data, new uid) is not the restored one', () => {
    const want = set(recordOf(configMap('settings', { mode: 'blue' })));
    const recreated = configMap('settings', { mode: 'blue' });
    recreated.metadata.uid = 'another-uid';
    expect(compareObjects(want, set(recordOf(recreated))).changed).toEqual([
      { key: 'ConfigMap rehearsal-x-a/settings', fields: ['uid'] },
    ]);
  });

  it('keeps Secret values only as digests, and still sees a changed one', () => {
    const secret = (password: string) => ({
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'ns', uid: 'u' },
      type: 'Opaque',
      data: { password },
    });
    const a = recordOf(secret('c2VjcmV0LW9uZQ=='));
    expect(JSON.stringify(a)).not.toContain('c2VjcmV0LW9uZQ==');
    expect(differingFields(a.content, recordOf(secret('c2VjcmV0LXR3bw==')).content)).toEqual([
      'data.password',
    ]);
  });

  describe('after the backup, by the RPO rule', () => {
    const atBackup = set(
      recordOf(configMap('settings', { mode: 'blue' })),
      recordOf(configMap('retired', { reason: 'x' })),
    );
    // A live cluster after the backup: one made, one changed, one deleted.
    const beforeFault = set(
      recordOf(configMap('settings', { mode: 'green' })),
      recordOf(configMap('made-after-backup', { note: 'new' })),
    );

    it('counts what changed after the backup', () => {
      expect(changedAfterBackup(atBackup, beforeFault).sort()).toEqual([
        'ConfigMap rehearsal-x-a/made-after-backup',
        'ConfigMap rehearsal-x-a/retired',
        'ConfigMap rehearsal-x-a/settings',
      ]);
    });

    it('where a node kept its data, the changes must be there', () => {
      const expected = expectedAfterRestore(atBackup, beforeFault, 'kept');
      expect(compareObjects(expected, beforeFault).verified).toHaveLength(2);
      // The backup's state instead (changes thrown away) fails, naming each object.
      const c = compareObjects(expected, atBackup);
      expect(c.missing).toEqual(['ConfigMap rehearsal-x-a/made-after-backup']);
      expect(c.changed).toEqual([
        { key: 'ConfigMap rehearsal-x-a/settings', fields: ['data.mode'] },
      ]);
      expect(c.extra).toEqual(['ConfigMap rehearsal-x-a/retired']);
    });

    it('after a total loss, an object made after the backup is an extra object', () => {
      const expected = expectedAfterRestore(atBackup, beforeFault, 'lost');
      expect(compareObjects(expected, atBackup).verified).toHaveLength(2);
      const withExtra = new Map(atBackup);
      const made = recordOf(configMap('made-after-backup', { note: 'new' }));
      withExtra.set(made.key, made);
      const c = compareObjects(expected, withExtra);
      expect(c.extra).toEqual(['ConfigMap rehearsal-x-a/made-after-backup']);
      expect(objectProblems(c, 'lost')).toEqual([
        'ConfigMap rehearsal-x-a/made-after-backup is there but should not be: expected as it was in the backup (no node kept any data)',
      ]);
    });
  });
});

describe('the nodes check', () => {
  const node = (name: string, ready: string, message?: string) => ({
    metadata: { name },
    status: { conditions: [{ type: 'Ready', status: ready, message }] },
  });

  it('passes when every expected node is Ready and a removed one is gone', () => {
    expect(
      nodeProblems({ items: [node('n1', 'True'), node('n2', 'True')] }, ['n1', 'n2'], ['n3']),
    ).toEqual([]);
  });

  it('names a NotReady node, a missing one, and a removed one still there', () => {
    expect(
      nodeProblems(
        { items: [node('n1', 'False', 'PLEG is not healthy'), node('n3', 'True')] },
        ['n1', 'n2'],
        ['n3'],
      ),
    ).toEqual([
      'n1: not Ready (PLEG is not healthy)',
      'n2: not registered',
      'n3: removed for good, but its Node is still there',
    ]);
  });
});
