import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StatedFailure, statedFailure } from '../../../harness/replica.js';
import {
  emptiedReplicaState,
  failedReplicaState,
  replicaBackupStandIn,
} from '../../../harness/replica-state.js';
import { planInventoryOf } from '../../../src/commands/plan.js';
import { loadInventory } from '../../../src/inventory/index.js';
import type { Inventory } from '../../../src/inventory/types.js';
import { buildPlan } from '../../../src/recovery/plan.js';
import { RUNBOOK_INVENTORY } from './runbook-inventory.js';

// The states the dress rehearsal plans on before it starts anything: the planner must see in
// them what it sees in the replica's probe (the cases below are the ones dress-runbook.test.ts
// and dress-generated.test.ts meet on real replicas).
const now = new Date('2026-12-02T04:00:00Z');
const opts = { strategy: 'parallel' as const, force: false, now, haveIdentity: true };
let dir: string;
let inventory: Inventory;
const summary = () => replicaBackupStandIn(inventory, 'cluster.local', '3.6');
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'replica-state-'));
  await writeFile(join(dir, 'hosts.ini'), RUNBOOK_INVENTORY);
  inventory = await loadInventory(join(dir, 'hosts.ini'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The plan production would get for `failure`, on the state the failed replica will be in. */
function planFailure(failure: StatedFailure) {
  return buildPlan(
    {
      ...planInventoryOf(inventory),
      brokenEtcd: failure.brokenEtcd,
      brokenControlPlane: failure.brokenControlPlane,
    },
    failedReplicaState(inventory, failure, 'cluster.local', '3.6'),
    summary(),
    opts,
  );
}

describe('the replica states planned on before the start', () => {
  it('all three masters lost: quorum loss from a surviving worker member, masters from their archives', () => {
    const failure = statedFailure(inventory, {});
    const plan = planFailure(failure);
    expect(plan.case).toBe('quorum-loss+cert-loss');
    expect(plan.source).toMatchObject({ kind: 'survivor', node: 'taco-w1', member: 'etcd4' });
    const archives = plan.steps.filter((s) => s.action === 'restore-certs').map((s) => s.node);
    expect(archives).toEqual(['taco-m1', 'taco-m2', 'taco-m3']);
  });

  it('one member lost: a member replacement while quorum holds', () => {
    const failure = statedFailure(inventory, {
      brokenEtcd: ['taco-m2'],
      brokenControlPlane: ['taco-m2'],
    });
    const plan = planFailure(failure);
    expect(plan.case).toBe('member-loss+cert-loss');
    expect(plan.strategy).toBe('member-replace');
  });

  it('the emptied replica takes the backup as a total loss, with no certificate step', () => {
    const plan = buildPlan(
      { ...planInventoryOf(inventory), brokenEtcd: undefined, brokenControlPlane: undefined },
      emptiedReplicaState(inventory, 'cluster.local', '3.6'),
      summary(),
      opts,
    );
    expect(plan.case).toBe('total-loss');
    expect(plan.source.kind).toBe('backup');
    expect(plan.steps.some((s) => s.action === 'restore-certs')).toBe(false);
  });
});
