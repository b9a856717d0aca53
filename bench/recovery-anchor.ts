/**
 * The anchors of the recovery bench, as bash scripts the bench measures exactly as it
 * measures our CLI (bench/measure-tree.ts). Each is the sequence an operator or Kubespray
 * runs, done step for step over SSH from the bench host — Ansible's own overhead (Python on
 * every task, fact gathering) left out, so a lower bound of the playbook:
 *
 * - member loss: Kubespray's recover_control_plane/etcd (endpoint health to judge quorum,
 *   member list, member remove, the broken node's data dir gone) then its etcd role's join
 *   (the cert dir synced from the first etcd host, etcd.env written for an existing cluster,
 *   member add, start, wait until healthy);
 * - quorum loss: recover_lost_quorum.yml (snapshot save on the first etcd host, stop, data
 *   dir gone, single-member restore, ETCD_INITIAL_CLUSTER rewritten to that member, start),
 *   then the cluster grown back member by member with the same join;
 * - total loss: the bare restore from the backup's own files on every member at once (its
 *   certificate archive unpacked, its snapshot copied and restored with the full initial
 *   cluster, etcd started), then wait until every member is healthy.
 *
 * SSH as Ansible does it: one multiplexed connection per host (ControlMaster), opened inside
 * the measured script, so its handshakes count. Data dirs are moved aside rather than
 * deleted (Kubespray deletes them; a move costs the same and leaves the node recoverable).
 */
import { shellQuote } from './measure-tree.js';

export interface AnchorMember {
  /** Inventory name = hostname (node1 …). */
  host: string;
  ip: string;
  /** Kubespray's etcd_member_name (etcd1 …). */
  member: string;
}

export interface AnchorContext {
  /** Every etcd member, in [etcd] order. */
  members: AnchorMember[];
  sshKey: string;
  knownHosts: string;
  /** A short dir for the SSH control sockets (a socket path must stay under ~100 bytes). */
  socketDir: string;
  /** etcd 3.4: etcdctl restores snapshots; 3.5+: etcdutl. */
  snapshotTool: 'etcdctl' | 'etcdutl';
  /** /etc/etcd.env for `host`, with this initial cluster and state. */
  envOf(host: string, initialCluster: string, state: 'new' | 'existing'): string;
  /** Kubespray's etcd.service. */
  unit: string;
  /** Client TLS files on the bench host, to read `/version` of a member. */
  hostTls: { cacert: string; cert: string; key: string };
}

const CERTS = '/etc/ssl/etcd/ssl';
/** etcdutl logs every restore step on stderr: shown only when the restore fails. */
const QUIET_UNLESS_FAILED =
  '>/tmp/anchor-restore.log 2>&1 || { cat /tmp/anchor-restore.log >&2; exit 1; }';
const DATA = '/var/lib/etcd';
const peer = (m: AnchorMember) => `https://${m.ip}:2380`;
const client = (m: AnchorMember) => `https://${m.ip}:2379`;
const cluster = (ms: readonly AnchorMember[]) => ms.map((m) => `${m.member}=${peer(m)}`).join(',');
const endpoints = (ms: readonly AnchorMember[]) => ms.map(client).join(',');

/** etcdctl on `on` with its admin certificate, as Kubespray's tasks set ETCDCTL_*. */
function ctl(on: AnchorMember): string {
  return `ETCDCTL_API=3 ETCDCTL_CACERT=${CERTS}/ca.pem ETCDCTL_CERT=${CERTS}/admin-${on.host}.pem ETCDCTL_KEY=${CERTS}/admin-${on.host}-key.pem etcdctl`;
}

function prelude(c: AnchorContext): string {
  const ips = c.members.map((m) => m.ip).join(' ');
  return `set -euo pipefail
T0=\${EPOCHREALTIME/./}
step() { printf 'anchor +%d ms: %s\\n' $(( (\${EPOCHREALTIME/./} - T0) / 1000 )) "$*" >&2; }
SSHO=(-i ${shellQuote(c.sshKey)} -o UserKnownHostsFile=${shellQuote(c.knownHosts)} -o StrictHostKeyChecking=yes -o BatchMode=yes -o LogLevel=ERROR -o ControlPath=${shellQuote(c.socketDir)}/%h)
on() { local h=$1; shift; ssh "\${SSHO[@]}" "root@$h" "$@"; }
# Up to N tries, 0.25 s apart: etcd answers "unhealthy cluster" for a while after a join.
retry() { local n=$1 i=0; shift; until "$@"; do i=$((i + 1)); [ $i -lt $n ] || { echo "anchor: gave up after $n tries: $*" >&2; return 1; }; sleep 0.25; done; }
healthy() { local on=$1 eps=$2; shift 2; on "$on" "$* endpoint health --endpoints=$eps" >/dev/null 2>&1; }
step "open one SSH connection per host (ControlMaster, as Ansible)"
for ip in ${ips}; do ssh "\${SSHO[@]}" -M -N -o ControlPersist=no "root@$ip" & done
for ip in ${ips}; do retry 400 ssh "\${SSHO[@]}" -O check "root@$ip" 2>/dev/null; done
close() { for ip in ${ips}; do ssh "\${SSHO[@]}" -O exit "root@$ip" 2>/dev/null || true; done; wait; }
trap close EXIT
`;
}

/** A blank or broken node's data dir out of the way (Kubespray: "Remove etcd data dir"). */
const dataAside = (m: AnchorMember) =>
  `on ${m.ip} '[ ! -e ${DATA} ] || mv ${DATA} ${DATA}.anchor-'"$T0"`;

/**
 * Kubespray's join of `joining` to the running `current` members through `via`: the etcd
 * cert dir (and the Kubernetes certs a control-plane node needs) synced from `via`, the env
 * of an existing cluster and the unit written, member add (retried while etcd says the
 * cluster is unhealthy after the previous join), start, wait until all are healthy.
 */
function join(
  c: AnchorContext,
  via: AnchorMember,
  current: readonly AnchorMember[],
  joining: AnchorMember,
): string {
  const after = [...current, joining];
  return [
    `step "join ${joining.member} (${joining.host}): data dir aside, certificates from ${via.host}, env and unit"`,
    dataAside(joining),
    `on ${via.ip} 'tar -C / -cf - etc/ssl/etcd/ssl etc/kubernetes/ssl etc/kubernetes/pki' | on ${joining.ip} 'tar -C / -xf -'`,
    `printf '%s' ${shellQuote(c.envOf(joining.host, cluster(after), 'existing'))} | on ${joining.ip} 'cat > /etc/etcd.env && chmod 640 /etc/etcd.env'`,
    `printf '%s' ${shellQuote(c.unit)} | on ${joining.ip} 'cat > /etc/systemd/system/etcd.service'`,
    `step "member add ${joining.member}"`,
    `retry 120 on ${via.ip} ${shellQuote(`${ctl(via)} --endpoints=${endpoints(current)} member add ${joining.member} --peer-urls=${peer(joining)}`)} >/dev/null`,
    `step "start etcd on ${joining.host}"`,
    `on ${joining.ip} 'mkdir -p ${DATA} && chmod 700 ${DATA} && chown -R etcd:etcd /etc/ssl/etcd ${DATA} && systemctl daemon-reload && systemctl start etcd'`,
    `step "wait until ${after.map((m) => m.member).join(', ')} are healthy"`,
    `retry 600 healthy ${via.ip} ${endpoints(after)} ${shellQuote(ctl(via))}`,
  ].join('\n');
}

/** Kubespray's quorum check: endpoint health of every member (it fails here: one is gone). */
function quorumCheck(via: AnchorMember, all: readonly AnchorMember[]): string {
  return [
    `step "has quorum? endpoint health of every member (Kubespray's check)"`,
    `on ${via.ip} ${shellQuote(`${ctl(via)} endpoint health --endpoints=${endpoints(all)}`)} >/dev/null 2>&1 || true`,
  ].join('\n');
}

/** 1 of 3 lost: `broken` leaves and rejoins through the first surviving member. */
export function memberLossAnchor(c: AnchorContext, broken: string): string {
  const lost = c.members.find((m) => m.host === broken)!;
  const survivors = c.members.filter((m) => m.host !== broken);
  const via = survivors[0]!;
  return `${prelude(c)}
${quorumCheck(via, c.members)}
step "member list; member remove ${lost.member}"
id=$(on ${via.ip} ${shellQuote(`${ctl(via)} --endpoints=${endpoints(survivors)} member list`)} | awk -F', ' '$3 == "${lost.member}" || $4 == "${peer(lost)}" { print $1 }')
[ -n "$id" ] && on ${via.ip} "${ctl(via)} --endpoints=${endpoints(survivors)} member remove $id" >/dev/null
${join(c, via, survivors, lost)}
step done
`;
}

/** The cluster version is decided (a `member add` before it kills the new member). */
function clusterVersionDecided(c: AnchorContext, m: AnchorMember): string {
  const t = c.hostTls;
  return `retry 400 sh -c ${shellQuote(`curl -fsS --cacert ${shellQuote(t.cacert)} --cert ${shellQuote(t.cert)} --key ${shellQuote(t.key)} ${client(m)}/version | grep -q '"etcdcluster":"[0-9]'`)}`;
}

/** 2 of 3 lost: snapshot from the survivor, restored as a one-member cluster, grown back. */
export function quorumLossAnchor(c: AnchorContext, survivor: string): string {
  const s = c.members.find((m) => m.host === survivor)!;
  const lost = c.members.filter((m) => m.host !== survivor);
  const restore = [
    'systemctl stop etcd',
    'while pgrep -x etcd >/dev/null; do sleep 0.1; done',
    `mv ${DATA} ${DATA}.anchor-"$1"`,
    `${c.snapshotTool === 'etcdctl' ? 'ETCDCTL_API=3 ' : ''}${c.snapshotTool} snapshot restore /tmp/snapshot.db --name ${s.member} --initial-cluster ${cluster([s])} --initial-cluster-token k8s_etcd --initial-advertise-peer-urls ${peer(s)} --data-dir ${DATA} ${QUIET_UNLESS_FAILED}`,
    'rm /tmp/snapshot.db',
    `chown -R etcd:etcd ${DATA}`,
    `sed -i 's|^ETCD_INITIAL_CLUSTER=.*|ETCD_INITIAL_CLUSTER=${cluster([s])}|' /etc/etcd.env`,
    'systemctl start etcd',
  ].join(' && ');
  const grow: string[] = [];
  const current = [s];
  for (const m of lost) {
    grow.push(join(c, s, current, m));
    current.push(m);
  }
  return `${prelude(c)}
${quorumCheck(s, c.members)}
step "snapshot save on ${s.host}"
on ${s.ip} ${shellQuote(`${ctl(s)} --endpoints=${client(s)} snapshot save /tmp/snapshot.db`)} >/dev/null
step "stop etcd on ${s.host}, data dir aside, restore a one-member cluster, ETCD_INITIAL_CLUSTER rewritten, start"
on ${s.ip} ${shellQuote(`sh -c ${shellQuote(restore)} sh`)} "$T0"
step "wait until ${s.member} is healthy and the cluster version is decided"
retry 600 healthy ${s.ip} ${client(s)} ${shellQuote(ctl(s))}
${clusterVersionDecided(c, s)}
${grow.join('\n')}
step done
`;
}

/**
 * Everything lost: every member restored from the backup's files at once. `files` gives the
 * backup's plaintext snapshot and each host's certificate archive (tar, paths from /).
 */
export function totalLossAnchor(
  c: AnchorContext,
  files: { snapshot: string; archiveOf(host: string): string },
): string {
  const all = cluster(c.members);
  const perMember = c.members.map((m) => {
    const restore = [
      `${c.snapshotTool === 'etcdctl' ? 'ETCDCTL_API=3 ' : ''}${c.snapshotTool} snapshot restore /tmp/snapshot.db --name ${m.member} --initial-cluster ${all} --initial-cluster-token k8s_etcd --initial-advertise-peer-urls ${peer(m)} --data-dir ${DATA} ${QUIET_UNLESS_FAILED}`,
      'rm /tmp/snapshot.db',
      `chown -R etcd:etcd /etc/ssl/etcd ${DATA}`,
      'systemctl daemon-reload',
      'systemctl start --no-block etcd',
    ].join(' && ');
    return `( ${dataAside(m)}
  on ${m.ip} 'tar -C / -xf -' < ${shellQuote(files.archiveOf(m.host))}
  on ${m.ip} 'cat > /tmp/snapshot.db' < ${shellQuote(files.snapshot)}
  on ${m.ip} ${shellQuote(restore)} ) & pids+=($!)`;
  });
  return `${prelude(c)}
step "every member at once: data dir aside, certificate archive unpacked, snapshot copied, restored, started"
pids=()
${perMember.join('\n')}
for p in "\${pids[@]}"; do wait "$p"; done
step "wait until every member is healthy"
retry 600 healthy ${c.members[0]!.ip} ${endpoints(c.members)} ${shellQuote(ctl(c.members[0]!))}
step done
`;
}
