import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePlans } from '../../../harness/plan-match.js';
import {
  mapToProduction,
  REPLICA_NODE_FOOTPRINT_MB,
  RUNNER_RESERVE_MB,
  renderReplicaInventory,
  replicaCapacity,
  replicaTopology,
  statedFailure,
} from '../../../harness/replica.js';
import { planInventoryOf } from '../../../src/commands/plan.js';
import { loadInventory } from '../../../src/inventory/index.js';
import type { Plan } from '../../../src/recovery/plan.js';
import { inputErrorOf } from '../inventory/input-error.js';
import { memberLossPlan } from '../recovery/fixtures.js';
import { RUNBOOK_INVENTORY } from './runbook-inventory.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'replica-test-'));
  await writeFile(join(dir, 'hosts.ini'), RUNBOOK_INVENTORY);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('replicaTopology', () => {
  it("keeps the runbook inventory's hosts, roles and member names, etcd members first in [etcd] order", async () => {
    const inv = await loadInventory(join(dir, 'hosts.ini'));
    const t = replicaTopology(inv);
    expect(t.nodes).toEqual([
      { name: 'taco-w1', roles: ['etcd', 'worker'], etcdMemberName: 'etcd4' },
      { name: 'taco-m1', roles: ['control-plane', 'etcd'], etcdMemberName: 'etcd1' },
      { name: 'taco-m2', roles: ['control-plane', 'etcd'], etcdMemberName: 'etcd2' },
      { name: 'taco-m3', roles: ['control-plane', 'etcd'], etcdMemberName: 'etcd3' },
      { name: 'taco-w2', roles: ['etcd', 'worker'], etcdMemberName: 'etcd5' },
    ]);
  });
});

describe('statedFailure', () => {
  it("takes the inventory's broken groups when no flag names hosts", async () => {
    const inv = await loadInventory(join(dir, 'hosts.ini'));
    expect(statedFailure(inv, {})).toEqual({
      brokenEtcd: ['taco-m1', 'taco-m2', 'taco-m3'],
      brokenControlPlane: ['taco-m1', 'taco-m2', 'taco-m3'],
      removeHosts: [],
    });
  });
  it('lets the flags win over the groups', async () => {
    const inv = await loadInventory(join(dir, 'hosts.ini'));
    expect(
      statedFailure(inv, { brokenEtcd: ['taco-w2'], brokenControlPlane: ['taco-m1'] }),
    ).toEqual({
      brokenEtcd: ['taco-w2'],
      brokenControlPlane: ['taco-m1'],
      removeHosts: [],
    });
  });
  it('refuses a broken host the inventory does not have in that role, naming it', async () => {
    const inv = await loadInventory(join(dir, 'hosts.ini'));
    expect(inputErrorOf(() => statedFailure(inv, { brokenControlPlane: ['taco-w1'] }))).toMatch(
      /'taco-w1', which is not a control-plane host of this inventory \(taco-m1, taco-m2, taco-m3\)/,
    );
    expect(inputErrorOf(() => statedFailure(inv, { brokenEtcd: ['taco-m9'] }))).toMatch(
      /'taco-m9'/,
    );
  });
});

describe('renderReplicaInventory', () => {
  it('reads back with the same groups, member names and broken groups, and none of the production addresses', async () => {
    const prod = await loadInventory(join(dir, 'hosts.ini'));
    const t = replicaTopology(prod);
    const ips = new Map(t.nodes.map((n, i) => [n.name, `10.240.9.${11 + i}`]));
    const failure = statedFailure(prod, {});
    const text = renderReplicaInventory(
      prod,
      t,
      (h) => ips.get(h)!,
      'cluster.local',
      failure,
      'test',
    );
    expect(text).not.toMatch(/192\.0\.2\./);
    await writeFile(join(dir, 'replica.ini'), text);
    const replica = await loadInventory(join(dir, 'replica.ini'));
    const a = planInventoryOf(prod);
    const b = planInventoryOf(replica);
    expect(b.etcd.map((m) => [m.host, m.memberName])).toEqual(
      a.etcd.map((m) => [m.host, m.memberName]),
    );
    expect(b.etcd.map((m) => m.address)).toEqual(a.etcd.map((m) => ips.get(m.host)));
    expect(b.controlPlane).toEqual(a.controlPlane);
    expect(b.brokenEtcd).toEqual(a.brokenEtcd);
    expect(b.brokenControlPlane).toEqual(a.brokenControlPlane);
    expect(b.nodeNames).toEqual(a.nodeNames);
    // Before the failure: no broken groups at all, so the probe decides.
    await writeFile(
      join(dir, 'healthy.ini'),
      renderReplicaInventory(prod, t, (h) => ips.get(h)!, 'cluster.local', undefined, 'test'),
    );
    const healthy = planInventoryOf(await loadInventory(join(dir, 'healthy.ini')));
    expect(healthy.brokenEtcd).toBeUndefined();
    expect(healthy.brokenControlPlane).toBeUndefined();
  });
});

describe('mapToProduction', () => {
  it('replaces whole replica addresses only, in every string of the value', () => {
    const map = {
      hosts: new Map([
        ['a', { replica: '10.240.5.11', production: '192.0.2.11' }],
        ['b', { replica: '10.240.5.1', production: 'node-b.example' }],
      ]),
    };
    const health = {
      urls: ['https://10.240.5.11:2380', 'https://10.240.5.111:2380', 'https://10.240.5.1:2379'],
      note: 'member at 10.240.5.11 answered',
    };
    expect(mapToProduction(health, map)).toEqual({
      urls: ['https://192.0.2.11:2380', 'https://10.240.5.111:2380', 'https://node-b.example:2379'],
      note: 'member at 192.0.2.11 answered',
    });
  });
});

describe('replicaCapacity', () => {
  it('divides the memory left after the reserve and the data by the node footprint', () => {
    const availableMb = RUNNER_RESERVE_MB + 5 * 100 + 10 * REPLICA_NODE_FOOTPRINT_MB + 1;
    expect(replicaCapacity({ availableMb, dataMb: 100, etcdMembers: 5 })).toBe(10);
    expect(replicaCapacity({ availableMb: 100, dataMb: 0, etcdMembers: 3 })).toBe(0);
    // One address each in the /24: never more than 244, however much memory there is.
    expect(replicaCapacity({ availableMb: 10_000_000, dataMb: 0, etcdMembers: 3 })).toBe(244);
  });
});

describe('comparePlans', () => {
  it('matches a plan with itself', () => {
    const p = memberLossPlan();
    expect(comparePlans(p, p, { sameSet: [] })).toMatchObject({ match: true, differences: [] });
  });
  it('names every step that differs, and a different case or source', () => {
    const p = memberLossPlan();
    const q: Plan = { ...p, case: 'quorum-loss', steps: p.steps.slice(1) };
    const r = comparePlans(p, q, { sameSet: [] });
    expect(r.match).toBe(false);
    expect(r.differences[0]).toBe(`case: production ${p.case}, replica quorum-loss`);
    expect(r.differences.some((d) => /^step 1: production /.test(d))).toBe(true);
    expect(r.differences.at(-1)).toMatch(
      new RegExp(`^step ${p.steps.length}: production .*, replica no step$`),
    );
  });
});
