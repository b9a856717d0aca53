import { peerURLOf } from '../../etcd/urls.js';
import type { EtcdMemberRef } from '../plan-types.js';
import type { Removal } from './host-removal.js';
import { draft, type PlanDraft } from './steps.js';

/**
 * Member loss, quorum intact (Kubespray's `broken_etcd` with quorum): each broken member is
 * removed, its node gets its certificates and an empty data dir, and it rejoins through a
 * healthy member, one after the other (etcd takes one join at a time).
 */
export function planMemberLoss(
  d: PlanDraft,
  c: { brokenEtcd: string[]; control: string; membersLeaving: Removal[] },
): void {
  const { state, stateOf, etcdHosts, paths } = d;
  const { control } = c;
  const current: EtcdMemberRef[] = state.members
    .filter((m) => !c.membersLeaving.some((r) => r.listed!.id === m.id))
    .map((m) => ({ name: m.name, peerURL: m.peerURLs[0] ?? '' }));
  for (const host of c.brokenEtcd) {
    const e = etcdHosts.get(host)!;
    const listed = state.members.find((m) => m.name === e.memberName);
    if (listed) {
      d.push(
        draft(
          'member-remove',
          control,
          { member: e.memberName, memberId: listed.id },
          `${e.memberName} (${host}) is broken; it must leave before a blank node can rejoin under its name`,
          `etcdctl member add ${e.memberName} --peer-urls=${listed.peerURLs[0] ?? peerURLOf(e.address)} (the next steps do exactly that)`,
          true,
        ),
      );
      current.splice(
        current.findIndex((r) => r.name === e.memberName),
        1,
      );
    }
    d.stopEtcd(
      host,
      stateOf.get(host)?.etcdRunning
        ? `a broken etcd still runs on ${host}`
        : `the kubelet would restart the broken etcd of ${host} from its manifest`,
    );
    d.ensureEtcdCerts(host, control);
    d.moveAside(host, paths.dataDir, `a rejoining member must start with an empty data dir`);
    d.rejoin(host, control, current, undefined, control);
  }
}
