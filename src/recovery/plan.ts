import type {
  BackupSummary,
  ClusterState,
  Plan,
  PlanInventory,
  PlanOptions,
  RecoveryCase,
} from './plan-types.js';
import { planCertLoss, planControlPlaneRestarts } from './planners/cert-loss.js';
import {
  planLeavingMembers,
  planNodeDeletions,
  type Removal,
  withoutRemovedHosts,
} from './planners/host-removal.js';
import { planMemberLoss } from './planners/member-loss.js';
import { planQuorumLoss } from './planners/quorum-loss.js';
import {
  type Classified,
  refuseEmptyQuorum,
  refuseStaticPodMismatch,
  refuseUncertain,
  refuseUnknownBrokenHosts,
  refuseUnreachable,
  refuseUnsafeRestore,
} from './planners/refusals.js';
import { PlanDraft } from './planners/steps.js';
import { planTotalLoss } from './planners/total-loss.js';
import { keptCopyOf, stamp } from './stamp.js';

/**
 * `buildPlan` is a pure function of what the probe saw, the inventory and the backup set, so
 * every case of the runbooks is tested as a table without any cluster. It decides which hosts
 * are broken and which case that is, refuses what is unsafe, and composes the case planners
 * (planners/: host removal, member loss, quorum loss, total loss, certificate loss) over the
 * shared step builders of planners/steps.ts.
 */

export { ADMIN_KUBECONFIG, KUBESPRAY_ETCD_UNIT } from '../etcd/layout.js';
export { clientURLOf, peerURLOf } from '../etcd/urls.js';
// What other modules have always imported from here.
export * from './plan-types.js';
export { checkRemovableHosts } from './planners/host-removal.js';
export { minorOf } from './planners/refusals.js';
export { ASSUMED_WRITES_PER_SECOND, BUMP_REVISION, chooseRevisionBump } from './revision-bump.js';
export { keptCopyOf, stamp };

interface Classification extends Classified {
  certsOnly: string[];
  survivors: PlanInventory['etcd'];
  cases: RecoveryCase[];
}

/** Which hosts are broken (the inventory's groups, else the probe) and which cases that makes. */
function classify(
  inventory: PlanInventory,
  state: ClusterState,
  d: PlanDraft,
  removals: Removal[],
): Classification {
  const { stateOf } = d;
  const cpStateOf = new Map(state.controlPlane.map((c) => [c.host, c]));
  const brokenFrom =
    inventory.brokenEtcd !== undefined || inventory.brokenControlPlane !== undefined
      ? 'inventory'
      : 'probe';
  // etcd still runs on a node whose certificate files are gone: its data is intact, and the
  // probe could not see its health only for want of a client certificate on that node. Its
  // certificates come back and etcd restarts; restoring a snapshot there would throw away data.
  const certsOnly =
    brokenFrom === 'probe'
      ? inventory.etcd
          .filter((e) => {
            const s = stateOf.get(e.host);
            return s?.reachable && s.etcdRunning && !s.healthy && !s.etcdCertsPresent;
          })
          .map((e) => e.host)
      : [];
  const brokenEtcd =
    inventory.brokenEtcd ??
    inventory.etcd
      .filter((e) => !stateOf.get(e.host)?.healthy && !certsOnly.includes(e.host))
      .map((e) => e.host);
  const brokenCp =
    inventory.brokenControlPlane ??
    inventory.controlPlane.filter((h) => !cpStateOf.get(h)?.certsPresent);
  const brokenSet = new Set(brokenEtcd);

  // A member the probe calls unhealthy only for want of quorum still holds data; a member
  // the inventory lists as broken does not count, whatever it holds, nor one the probe found
  // lost although etcd runs there (an empty store, a lost raft log).
  const survivors = inventory.etcd.filter((e) => {
    const s = stateOf.get(e.host);
    const declaredBroken = brokenFrom === 'inventory' && brokenSet.has(e.host);
    return !declaredBroken && s?.reachable && s.etcdRunning && s.raftIndex !== undefined && !s.lost;
  });
  const healthyVoters = inventory.etcd.filter(
    (e) => !brokenSet.has(e.host) && stateOf.get(e.host)?.healthy,
  );

  const cases: RecoveryCase[] = [];
  let etcdCase: RecoveryCase | undefined;
  if (brokenEtcd.length > 0) {
    if (state.quorum && healthyVoters.length > 0) etcdCase = 'member-loss';
    else if (survivors.length > 0) etcdCase = 'quorum-loss';
    else etcdCase = 'total-loss';
    cases.push(etcdCase);
  }
  if (brokenCp.length > 0 || certsOnly.length > 0) cases.push('cert-loss');
  if (removals.length > 0) cases.push('host-removal');
  if (cases.length === 0) cases.push('healthy');

  const restoresSnapshot = etcdCase === 'quorum-loss' || etcdCase === 'total-loss';
  return {
    brokenFrom,
    certsOnly,
    brokenEtcd,
    brokenCp,
    survivors,
    healthyVoters,
    cases,
    etcdCase,
    restoresSnapshot,
    removals,
  };
}

/** Decides which hosts are broken, checks the safety rules, and lays out the steps. */
export function buildPlan(
  given: PlanInventory,
  state: ClusterState,
  backup: BackupSummary | undefined,
  options: PlanOptions,
): Plan {
  const { inventory, removals } = withoutRemovedHosts(given, state, options);
  refuseUnknownBrokenHosts(given, inventory.source);
  const d = new PlanDraft(inventory, state, backup, options);
  const c = classify(inventory, state, d, removals);
  const { brokenEtcd, brokenCp, certsOnly, healthyVoters, survivors, etcdCase } = c;
  // kubeadm: a lost control plane's archive also holds etcd's certificates and manifest, so
  // where the etcd case restarts a member, its archive goes back there, while etcd is stopped.
  if (d.kubeadm) for (const h of brokenCp) if (backup?.certArchives[h]) d.archiveHosts.add(h);
  refuseUncertain(inventory, d.stateOf, c, options);
  refuseEmptyQuorum(d.stateOf, c, options);
  refuseUnreachable(
    [...new Set([...brokenEtcd, ...brokenCp])],
    d.stateOf,
    new Map(state.controlPlane.map((s) => [s.host, s])),
  );
  refuseUnsafeRestore(inventory, state, d.stateOf, backup, options, c);
  refuseStaticPodMismatch(given, state, d.stateOf, !c.cases.includes('healthy'));

  /** The node that answers for the cluster afterwards (runs verification). */
  let anchor = healthyVoters[0]?.host ?? inventory.etcd[0]?.host ?? inventory.controlPlane[0]!;
  const working = state.quorum && healthyVoters.length > 0;
  const membersLeaving = planLeavingMembers(d, given, removals, {
    working,
    control: healthyVoters[0]?.host,
    restoresSnapshot: c.restoresSnapshot,
  });

  let strategy: Plan['strategy'] = 'none';
  let source: Plan['source'] = { kind: 'none' };
  let revisionBump: Plan['revisionBump'];
  if (etcdCase === 'member-loss') {
    strategy = 'member-replace';
    planMemberLoss(d, { brokenEtcd, control: healthyVoters[0]!.host, membersLeaving });
  } else if (etcdCase === 'quorum-loss' || etcdCase === 'total-loss') {
    strategy = options.strategy;
    const restored = etcdCase === 'quorum-loss' ? planQuorumLoss(d, survivors) : planTotalLoss(d);
    source = restored.choice.source;
    anchor = restored.choice.first;
    revisionBump = restored.revisionBump;
  }

  planCertLoss(d, { certsOnly, brokenCp, brokenEtcd, etcdCase: etcdCase !== undefined });
  planControlPlaneRestarts(
    d,
    brokenCp,
    c.restoresSnapshot,
    etcdCase === 'member-loss' ? brokenEtcd : [],
  );
  planNodeDeletions(d, removals, anchor);
  const steps = d.finish(anchor);
  const brokenWhy = Object.fromEntries(
    brokenEtcd.flatMap((h) => {
      const s = d.stateOf.get(h);
      const why = s?.lost ?? s?.unknown ?? s?.errors?.join('; ');
      return why ? [[h, why]] : [];
    }),
  );

  return {
    cluster: state.clusterName,
    case: c.cases.join('+'),
    cases: c.cases,
    strategy: etcdCase
      ? strategy
      : c.cases.includes('cert-loss')
        ? 'certs-only'
        : membersLeaving.length > 0
          ? 'member-remove'
          : 'none',
    source,
    layout: state.layout,
    paths: d.paths,
    members: d.members,
    createdAt: options.now.toISOString(),
    brokenEtcd,
    brokenControlPlane: brokenCp,
    removedHosts: removals.map((r) => r.host),
    brokenFrom: c.brokenFrom,
    ...(Object.keys(brokenWhy).length > 0 ? { brokenWhy } : {}),
    steps,
    warnings: d.warnings,
    ...(revisionBump ? { revisionBump } : {}),
    ...(inventory.nodeNames
      ? {
          kubeletNodes: Object.entries(inventory.nodeNames)
            .filter(([h]) => !removals.some((r) => r.host === h))
            .map(([h, nodeName]) => ({ nodeName, addresses: inventory.nodeAddresses?.[h] ?? [] })),
        }
      : {}),
    expect: d.expect,
  };
}
