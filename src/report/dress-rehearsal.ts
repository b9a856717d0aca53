import type { DressRehearsalReport } from '../../harness/dress-rehearsal.js';

const cell = (v: number | string | undefined) => (v === undefined ? '–' : String(v));

function size(bytes: number | undefined): string {
  if (bytes === undefined) return '–';
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** `taco-m1 (cp, etcd1)`: a node as the topology column shows it. */
function nodeCell(n: DressRehearsalReport['topology']['nodes'][number]): string {
  const roles = n.roles.map((r) =>
    r === 'control-plane' ? 'cp' : r === 'etcd' ? n.etcdMemberName : r,
  );
  return `${n.name} (${roles.join(', ')})`;
}

/**
 * The dress rehearsal's table and the two plans side by side, in Markdown (job summary, CLI).
 * Addresses and secrets are not in it: host names, member names, counts and times only.
 */
export function renderDressRehearsalMarkdown(r: DressRehearsalReport): string {
  const f = r.failure;
  const failure = [
    f.brokenEtcd.length ? `etcd lost on ${f.brokenEtcd.join(', ')}` : '',
    f.brokenControlPlane.length ? `control plane lost on ${f.brokenControlPlane.join(', ')}` : '',
    f.removeHosts.length ? `gone for good: ${f.removeHosts.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const data =
    r.data.source === 'backup'
      ? `${cell(r.data.keys)} keys, ${size(r.data.bytes)} snapshot (from the backup)`
      : `${cell(r.data.keys)} keys, ${size(r.data.bytes)} generated`;
  const match = r.planMatch
    ? r.planMatch.match
      ? `✅ same ${r.planMatch.steps} steps`
      : `❌ ${r.planMatch.differences.length} differences`
    : '–';
  const keys =
    r.keysVerified === undefined
      ? '–'
      : `${r.keysVerified - (r.keysLost ?? 0)} of ${r.keysVerified}`;
  const rpo =
    r.writesLost === undefined
      ? '–'
      : `${r.writesLost} of ${r.writesAfterBackup} writes after the backup lost`;
  const lines = [
    `Dress rehearsal of \`${r.inventory}\` (cluster ${r.cluster}) on a replica on the \`${r.provider}\` provider, etcd ${r.etcdVersion}${r.etcdServerVersion ? ` (members ran ${r.etcdServerVersion})` : ''}, started ${r.startedAt}: ${r.ok ? 'the plan production would get recovered the replica.' : 'FAILED.'}`,
    '',
    '| topology | failure | data | plan | plan match | RTO | keys verified | RPO |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${r.topology.nodes.map(nodeCell).join(' · ')} | ${failure || '–'} | ${data} | ${cell(r.replicaPlan?.case)} | ${match} | ${r.rtoSeconds === undefined ? '–' : `${r.rtoSeconds} s`} | ${keys} | ${rpo} |`,
  ];
  if (r.bringUp) {
    lines.push(
      '',
      `The replica was first brought to the backup's state by kube-rescue restore (${r.bringUp.plan}, ${r.bringUp.rtoSeconds} s); keyspace check ${r.bringUp.keyspaceStatus ?? 'not run'}: ${r.bringUp.keyspace ?? '–'}.`,
    );
  }
  if (r.pki?.kubeadm) {
    const p = r.pki;
    const k = r.pki.kubeadm;
    lines.push(
      '',
      `The replica ran on the backup's CAs: the cluster CA (sha256 fingerprint ${k.clusterCaFingerprint}), the front-proxy CA (${k.frontProxyCaFingerprint}), the etcd CA (${p.caFingerprint}) and the service-account key (${k.serviceAccountKeySha256}), from ${p.caNode}'s archive, placed before kubeadm init; kubeadm issued every other certificate and kubeconfig for the replica's addresses (production's certificates name production's addresses and were not unpacked). Checked after the bring-up: ${k.verified.join('; ')}.`,
    );
  } else if (r.pki) {
    const p = r.pki;
    lines.push(
      '',
      (p.unpacked.length > 0
        ? `The backup's node archives were unpacked where the layout puts them (${p.unpacked.map((u) => `${u.node}: ${u.entries} entries`).join(', ')}); `
        : "The backup's node archives were not unpacked; ") +
        (p.source === 'backup'
          ? `the replica's etcd ran on the backup's CA (sha256 fingerprint ${p.caFingerprint}, from ${p.caNode}'s archive), with its member, admin and node certificates reissued for the replica's addresses (production's certificates name production's addresses).`
          : `the replica kept its own etcd PKI: ${p.reason}.`),
    );
  }
  if (r.productionPlan && r.replicaPlan) {
    const p = r.productionPlan;
    const q = r.replicaPlan;
    const n = Math.max(p.steps.length, q.steps.length);
    lines.push(
      '',
      '| # | production would run | the replica ran |',
      '| --- | --- | --- |',
      `| case | ${p.case} | ${q.case} |`,
      `| strategy | ${p.strategy} | ${q.strategy} |`,
      `| snapshot source | ${p.source} | ${q.source} |`,
    );
    for (let i = 0; i < n; i++) {
      lines.push(`| ${i + 1} | ${p.steps[i] ?? '–'} | ${q.steps[i] ?? '–'} |`);
    }
  }
  if (r.kubernetes) {
    const k = r.kubernetes;
    lines.push(
      '',
      `Through the replica's API: ${k.objectsVerified} of ${k.objectsAtBackup} Kubernetes objects verified (${k.objectsLost} lost, ${k.objectsExtra} extra), /readyz ${k.readyz}, ${k.nodesReady} of ${k.nodesExpected} nodes Ready, watch ${k.watch}${k.problems.length ? `; problems: ${k.problems.join('; ')}` : ''}.`,
    );
  }
  if (r.notes?.length) lines.push('', ...r.notes.map((n) => `- ${n}`));
  if (r.planMatch && !r.planMatch.match) {
    lines.push('', ...r.planMatch.differences.map((d) => `- ${d}`));
  }
  if (r.error) lines.push('', `**Failed:** ${r.error}`);
  lines.push('');
  return lines.join('\n');
}
