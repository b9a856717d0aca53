import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  mapToProduction,
  mapToReplica,
  renderReplicaInventory
} from "./chunk-URSOE7BW.js";
import {
  HARNESS_KEY_ROOT,
  KubeadmClusterProvider,
  KubernetesProof,
  SEED_ROOT_BESIDE_AN_API,
  deleteCerts,
  destroyAndReprovision,
  keyDigests,
  lastWriteIn,
  nodeAccessOf,
  openEtcdClient,
  restoreLosses,
  revisionBumpOf,
  seedKeys,
  startBackgroundWriter,
  stopNode,
  wipeEtcdData
} from "./chunk-FWM4UBS7.js";
import "./chunk-AXQSCSDS.js";
import {
  KUBESPRAY_PATHS,
  LocalClusterProvider
} from "./chunk-6T4I5UWQ.js";
import {
  backup,
  restore
} from "./chunk-5PQXUG5U.js";
import {
  BackupSource,
  NodeStepRunner,
  buildPlan,
  clusterNameOf,
  generateIdentity,
  plan,
  planInventoryOf,
  readArchiveHeaders
} from "./chunk-TCLGQ622.js";
import {
  kubeadmLayout,
  kubesprayLayout
} from "./chunk-KUKW3LQW.js";
import {
  loadInventory
} from "./chunk-MEJURZJQ.js";
import {
  NodePool,
  connectNode
} from "./chunk-O4IUCRDF.js";
import "./chunk-Z7BCRHY5.js";
import "./chunk-57FMYMAD.js";
import {
  DockerTransport
} from "./chunk-BB4I4P7U.js";
import {
  shellCommand
} from "./chunk-SNZZQUVR.js";
import "./chunk-3LKIW73T.js";
import "./chunk-LZCQGYMB.js";
import "./chunk-KKMRSK7O.js";
import "./chunk-6GLSZ6UQ.js";
import "./chunk-BY6X66LN.js";
import {
  OperationError
} from "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";

// harness/dress-rehearsal.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

// harness/plan-match.ts
function stepSignature(s, backupLabel) {
  const base = `${s.node}: ${s.action}`;
  switch (s.action) {
    case "member-remove":
    case "member-add":
    case "restore-snapshot":
      return `${base} ${s.params.member}`;
    case "fetch-snapshot": {
      const f = s.params.from;
      return `${base} from ${f.kind === "node" ? `node ${f.node}` : `${backupLabel(f.location)}: ${f.object.replace(/\..*$/, "")}`}`;
    }
    case "restore-certs": {
      const f = s.params.from;
      return `${base} from ${f.kind === "peer" ? `peer ${f.node}` : `${backupLabel(f.location)}: ${f.object.replace(/\..*$/, "")}`}`;
    }
    case "delete-node":
      return `${base} ${s.params.nodeName}`;
    case "verify":
      return `${base} ${s.params.expectMembers} members`;
    default:
      return base;
  }
}
function sourceOf(p, backupLabel) {
  const s = p.source;
  if (s.kind === "survivor") return `survivor ${s.node} (${s.member})`;
  if (s.kind === "backup") return backupLabel(s.location);
  return "none";
}
function comparePlans(production, replica, opts) {
  const differences = [];
  const label = (loc) => opts.sameSet.includes(loc) ? "the backup" : `backup ${loc}`;
  if (production.case !== replica.case) {
    differences.push(`case: production ${production.case}, replica ${replica.case}`);
  }
  if (production.strategy !== replica.strategy) {
    differences.push(`strategy: production ${production.strategy}, replica ${replica.strategy}`);
  }
  const ps = sourceOf(production, label);
  const rs = sourceOf(replica, label);
  if (ps !== rs) differences.push(`snapshot source: production ${ps}, replica ${rs}`);
  const n = Math.max(production.steps.length, replica.steps.length);
  for (let i = 0; i < n; i++) {
    const a = production.steps[i] ? stepSignature(production.steps[i], label) : "no step";
    const b = replica.steps[i] ? stepSignature(replica.steps[i], label) : "no step";
    if (a !== b) differences.push(`step ${i + 1}: production ${a}, replica ${b}`);
  }
  return { match: differences.length === 0, differences, steps: n };
}

// harness/replica-pki.ts
import { X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
var ETCD_CERT_DIR = kubesprayLayout().etcdCertDir;
var ENV_FILE = kubesprayLayout().envFile;
var FROM_BACKUP = `${ETCD_CERT_DIR}.from-backup`;
var CLIENT_TRUST = `${ETCD_CERT_DIR}/kube-rescue-replica-client-cas.pem`;
var REISSUE_DAYS = 2;
var q = (s) => shellCommand([s]);
function fingerprintOf(pem) {
  return new X509Certificate(pem).fingerprint256;
}
async function cat(t, path) {
  return (await t.exec(["cat", "--", path], { timeoutMs: 3e4 })).stdout;
}
async function memberCertsOn(transportFor, hosts, certOf) {
  return Object.fromEntries(
    await Promise.all(hosts.map(async (h) => [h, await cat(await transportFor(h), certOf(h))]))
  );
}
async function unpackArchives(opts) {
  const { backup: backup2 } = opts;
  const archives = backup2.summary().certArchives;
  const steps = opts.hosts.map((host, i) => ({
    id: `${String(i + 1).padStart(2, "0")}-restore-certs-${host}`,
    node: host,
    action: "restore-certs",
    params: { from: { kind: "backup", location: backup2.location, object: archives[host] } },
    reason: `the backup's files of ${host}, where the layout puts them`,
    undo: "the replica is thrown away",
    destructive: true
  }));
  const layout = kubesprayLayout();
  const plan2 = {
    cluster: opts.clusterName,
    case: "cert-loss",
    cases: ["cert-loss"],
    strategy: "certs-only",
    source: { kind: "none" },
    layout: "kubespray",
    paths: layout,
    members: [],
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    brokenEtcd: [],
    brokenControlPlane: [...opts.hosts],
    brokenFrom: "inventory",
    steps,
    warnings: [],
    expect: { members: [] }
  };
  const runner = new NodeStepRunner({
    plan: plan2,
    transportFor: opts.transportFor,
    layout,
    access: opts.access,
    backup: backup2,
    progress: opts.progress,
    verify: async () => {
      throw new OperationError("unpacking archives has no verify step");
    }
  });
  await runner.prepare(steps);
  const unpacked = [];
  for (const step of steps) {
    const before = runner.observed.restoredFiles.length;
    opts.progress.info(`${step.node}: ${await runner.run(step)}`);
    unpacked.push({
      node: step.node,
      object: archives[step.node],
      entries: runner.observed.restoredFiles.length - before
    });
  }
  return { files: runner.observed.restoredFiles, unpacked };
}
function reissueList(topology, ipOf) {
  const out = [];
  for (const n of topology.nodes) {
    const sans = [`DNS:${n.name}`, "DNS:localhost", `IP:${ipOf(n.name)}`, "IP:127.0.0.1"];
    if (n.roles.includes("etcd")) {
      out.push({
        base: `member-${n.name}`,
        subject: `/O=system:etcd-members/CN=etcd-member-${n.name}`,
        sans
      });
      out.push({
        base: `admin-${n.name}`,
        subject: `/O=system:etcd-admins/CN=etcd-admin-${n.name}`,
        sans
      });
    }
    out.push({
      base: `node-${n.name}`,
      subject: `/O=system:etcd-nodes/CN=etcd-node-${n.name}`,
      sans
    });
  }
  return out;
}
function reissueScript(list, certDir = ETCD_CERT_DIR, keptAt = FROM_BACKUP) {
  const d = q(certDir);
  const lines = [
    "set -eu",
    "umask 077",
    `[ -e ${q(keptAt)} ] || cp -a ${d} ${q(keptAt)}`,
    `w=$(mktemp -d "\${TMPDIR:-/var/tmp}/kube-rescue-pki.XXXXXX")`,
    `trap 'rm -rf -- "$w"' EXIT`,
    // place NAME MODE_REFERENCE: the new file over the old one's bytes (mode, owner kept), or new with the reference's.
    `place() { if [ -e ${d}/"$1" ]; then cat "$w/$1" > ${d}/"$1"; else cp "$w/$1" ${d}/"$1"; chown --reference=${d}/"$2" ${d}/"$1"; chmod --reference=${d}/"$2" ${d}/"$1"; fi; }`
  ];
  for (const r of list) {
    const old = `${certDir}/${r.base}.pem`;
    lines.push(
      `subj=${q(r.subject)}; if [ -e ${q(old)} ]; then subj=$(openssl x509 -in ${q(old)} -noout -subject -nameopt compat | sed 's/^subject=//'); fi`,
      `printf '%s\\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature,keyEncipherment' 'extendedKeyUsage=serverAuth,clientAuth' ${q(`subjectAltName=${r.sans.join(",")}`)} > "$w/ext"`,
      `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$w/${r.base}-key.pem" -out "$w/${r.base}.csr" -subj "$subj" 2>/dev/null`,
      `openssl x509 -req -in "$w/${r.base}.csr" -CA ${d}/ca.pem -CAkey ${d}/ca-key.pem -set_serial "0x$(openssl rand -hex 16)" -days ${REISSUE_DAYS} -extfile "$w/ext" -out "$w/${r.base}.pem" 2>/dev/null`,
      `place ${q(`${r.base}.pem`)} ca.pem`,
      `place ${q(`${r.base}-key.pem`)} ca-key.pem`
    );
  }
  return lines.join("\n");
}
async function copyCertDir(transportFor, from, host) {
  const src = await transportFor(from);
  const dst = await transportFor(host);
  const replaced = q(`${ETCD_CERT_DIR}.replaced`);
  await dst.script(
    `if [ -e ${q(ETCD_CERT_DIR)} ]; then rm -rf -- ${replaced}; mv -- ${q(ETCD_CERT_DIR)} ${replaced}; fi`,
    { timeoutMs: 3e4 }
  );
  const parent = ETCD_CERT_DIR.replace(/\/[^/]+$/, "");
  const base = ETCD_CERT_DIR.slice(parent.length + 1);
  const tar = src.execStream(["tar", "-c", "--numeric-owner", "-f", "-", "-C", parent, base]);
  await Promise.all([
    dst.exec(["tar", "-x", "-p", "--same-owner", "--numeric-owner", "-f", "-", "-C", parent], {
      stdin: tar.stdout,
      timeoutMs: 12e4
    }),
    tar.done
  ]);
}
async function setEnv(t, key, value) {
  await t.script(
    `if grep -q '^${key}=' ${q(ENV_FILE)}; then sed -i 's|^${key}=.*|${key}=${value}|' ${q(ENV_FILE)}; else echo '${key}=${value}' >> ${q(ENV_FILE)}; fi`,
    { timeoutMs: 15e3 }
  );
}
function backupAddressMap(inventory, backup2, map) {
  const hosts = new Map(map.hosts);
  for (const m of backup2.manifest.etcd.members) {
    const host = inventory.etcdMembers().find((e) => e.memberName === m.name)?.host;
    const replica = host ? map.hosts.get(host)?.replica : void 0;
    if (!host || !replica) continue;
    for (const url of [...m.peerURLs, ...m.clientURLs]) {
      const address = /^https?:\/\/\[?([^\]/]+?)\]?(:\d+)?\/?$/.exec(url)?.[1];
      if (address && address !== replica) {
        hosts.set(`${host} (${address} in the backup)`, { replica, production: address });
      }
    }
  }
  return { hosts };
}
async function adoptBackupPki(opts) {
  const { transportFor, topology } = opts;
  const etcdHosts = topology.nodes.filter((n) => n.roles.includes("etcd")).map((n) => n.name);
  const unpackedHosts = opts.unpacked.map((u) => u.node);
  const fromBackup = opts.unpacked.map(
    (u) => `${u.node}: ${u.entries} entries of ${u.object}, where the layout puts them (${[...new Set(opts.files.filter((f) => f.node === u.node).map((f) => f.path.split("/").slice(0, 4).join("/")))].join(", ")})`
  );
  for (const host of unpackedHosts) {
    if (!opts.files.some((f) => f.node === host && f.path === ENV_FILE)) continue;
    const t = await transportFor(host);
    const env = await cat(t, ENV_FILE);
    await t.writeFile(ENV_FILE, mapToReplica(env, opts.map), { mode: 416 });
    fromBackup.push(
      `${host}: ${ENV_FILE} from the archive with production's addresses replaced by the replica's`
    );
  }
  const caNode = await (async () => {
    for (const host of unpackedHosts) {
      if (!etcdHosts.includes(host)) continue;
      const t = await transportFor(host);
      const has = await t.exec(["test", "-s", `${ETCD_CERT_DIR}/ca-key.pem`], {
        allowFailure: true
      });
      if (has.code === 0) return host;
    }
    return void 0;
  })();
  const memberCerts = () => memberCertsOn(transportFor, etcdHosts, (h) => kubesprayLayout().memberCert(h).cert);
  if (!caNode) {
    for (const host of unpackedHosts) {
      const t = await transportFor(host);
      const stamped = opts.files.find((f) => f.node === host && f.path === ETCD_CERT_DIR);
      if (!stamped) continue;
      await t.script(
        `mv -- ${q(ETCD_CERT_DIR)} ${q(FROM_BACKUP)} && d=$(ls -d ${q(ETCD_CERT_DIR)}.2* | tail -n 1) && mv -- "$d" ${q(ETCD_CERT_DIR)}`,
        { timeoutMs: 3e4 }
      );
    }
    const caCert2 = await cat(await transportFor(etcdHosts[0]), `${ETCD_CERT_DIR}/ca.pem`);
    return {
      source: "replica",
      reason: `no archive of the set holds the etcd CA key (${ETCD_CERT_DIR}/ca-key.pem), so no member certificate can be made for the replica's addresses on the backup's CA: the replica keeps its own etcd PKI (the backup's etcd cert dir is kept at ${FROM_BACKUP} on ${unpackedHosts.join(", ")})`,
      unpacked: opts.unpacked,
      caFingerprint: fingerprintOf(caCert2),
      caCert: caCert2,
      fromBackup,
      reissued: [],
      memberCerts: await memberCerts()
    };
  }
  const list = reissueList(topology, opts.ipOf);
  const ca = await transportFor(caNode);
  await ca.script(reissueScript(list), { timeoutMs: 18e4 });
  const caCert = await cat(ca, `${ETCD_CERT_DIR}/ca.pem`);
  const harnessCa = await readFile(opts.harnessCa, "utf8");
  await ca.writeFile(CLIENT_TRUST, `${caCert.trimEnd()}
${harnessCa.trimEnd()}
`, {
    mode: 420
  });
  for (const host of etcdHosts.filter((h) => h !== caNode)) {
    await copyCertDir(transportFor, caNode, host);
  }
  for (const host of etcdHosts) {
    const t = await transportFor(host);
    await setEnv(t, "ETCD_TRUSTED_CA_FILE", CLIENT_TRUST);
  }
  fromBackup.push(
    `${caNode}: the etcd CA (${ETCD_CERT_DIR}/ca.pem, ca-key.pem) and every other file of its etcd cert dir, copied to every etcd host (${etcdHosts.join(", ")}) as Kubespray keeps them`
  );
  return {
    source: "backup",
    unpacked: opts.unpacked,
    caNode,
    caFingerprint: fingerprintOf(caCert),
    caCert,
    fromBackup,
    reissued: [
      `${list.map((r) => `${r.base}.pem`).join(", ")} (with new P-256 keys, valid ${REISSUE_DAYS} days): signed on ${caNode} with the backup's CA key, subject as the backup's, SANs the replica's host name, address, localhost and 127.0.0.1 only \u2014 production's name production's addresses, which the replica does not have; the backup's own are kept at ${FROM_BACKUP} on ${caNode}`
    ],
    memberCerts: await memberCerts(),
    clientTrust: `${CLIENT_TRUST}: the backup's CA and the harness's, for clients only (the run's own client on this machine has a harness certificate, so no certificate of the backup's CA is made for this machine); peers and servers trust the backup's CA only (ETCD_PEER_TRUSTED_CA_FILE unchanged)`
  };
}
var KUBEADM_CA_KEYS = ["/etc/kubernetes/pki/ca.key", "/etc/kubernetes/pki/etcd/ca.key"];
async function keepKubeadmReplicaPki(opts) {
  const { backup: backup2, transportFor } = opts;
  const withKeys = [];
  for (const o of backup2.manifest.objects) {
    if (o.kind !== "node-files") continue;
    const headers = await backup2.streamTo(
      o.name,
      (plain) => readArchiveHeaders(plain, `${backup2.location}/${o.name}`)
    );
    const paths = new Set(headers.map((h) => `/${String(h.name).replace(/^\.?\/+/, "")}`));
    if (KUBEADM_CA_KEYS.every((k) => paths.has(k))) withKeys.push(o.node ?? o.name);
  }
  const layout = kubeadmLayout();
  const caPath = layout.clientTls("").cacert;
  const caCert = await cat(await transportFor(opts.etcdHosts[0]), caPath);
  const memberCerts = await memberCertsOn(
    transportFor,
    opts.etcdHosts,
    (h) => layout.memberCert(h).cert
  );
  const reason = withKeys.length > 0 ? `the archives of ${withKeys.join(", ")} hold the backup's CA keys (${KUBEADM_CA_KEYS.join(", ")}), but a kubeadm replica on them needs every kubeadm certificate and kubeconfig reissued for the replica's addresses (API server, etcd server and peer, every kubelet's client) and every kubelet and static pod restarted, which kube-rescue does not do yet: the replica keeps its own kubeadm PKI; the archives were checked before the start (hashes, every member within the paths the layout lets it write) and not unpacked, and the recovery's certificate restores run from the replica's own backup` : `no archive of the set holds the CA keys a kubeadm PKI is issued from (${KUBEADM_CA_KEYS.join(", ")}), so no certificate can be made for the replica's addresses on the backup's CA: the replica keeps its own kubeadm PKI, and the archives were not unpacked`;
  return {
    source: "replica",
    reason,
    unpacked: [],
    caFingerprint: fingerprintOf(caCert),
    caCert,
    fromBackup: [],
    reissued: [],
    memberCerts
  };
}

// harness/dress-rehearsal.ts
function outline(p, backupLabel) {
  const s = p.source;
  return {
    case: p.case,
    strategy: p.strategy,
    source: s.kind === "survivor" ? `survivor ${s.node} (${s.member})` : s.kind === "backup" ? `${backupLabel(s.location)} at revision ${s.revision}` : "none",
    steps: p.steps.map((st) => stepSignature(st, backupLabel))
  };
}
async function injectFailure(cluster, failure) {
  for (const host of failure.brokenEtcd) await destroyAndReprovision(cluster, host);
  for (const host of failure.brokenControlPlane) {
    if (failure.brokenEtcd.includes(host)) continue;
    if (cluster.layout === "kubeadm") await deleteCerts(cluster, host);
    else await cluster.node(host).sh(`rm -rf ${KUBESPRAY_PATHS.kubeCertDir}`);
  }
  for (const host of failure.removeHosts) await stopNode(cluster, host);
}
function recordingTransports(inventory, cluster, onConnect) {
  const pool = new NodePool(nodeAccessOf(cluster), (target, access) => {
    onConnect?.(target);
    if (access.transport === "docker") {
      return new DockerTransport(target.name, {
        container: cluster.node(target.name).containerName
      });
    }
    return connectNode(target, access);
  });
  return {
    transportFor: (host) => pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) }),
    close: () => pool.closeAll()
  };
}
async function runDressRehearsal(input) {
  const t0 = Date.now();
  const { inventory, failure, progress } = input;
  const clusterName = clusterNameOf(inventory);
  const report = {
    tool: "kube-rescue",
    kind: "dress-rehearsal",
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    inventory: inventory.source,
    cluster: clusterName,
    provider: input.layout === "kubeadm" ? "kubeadm" : "local",
    layout: input.layout,
    etcdVersion: input.etcdVersion,
    topology: {
      nodes: input.topology.nodes.map((n) => ({
        name: n.name,
        roles: [...n.roles],
        ...n.etcdMemberName ? { etcdMemberName: n.etcdMemberName } : {},
        replicaAddress: "",
        productionAddress: inventory.addressOf(n.name)
      })),
      groups: Object.fromEntries(
        [...inventory.groups].filter(([g]) => g !== "all" && g !== "ungrouped")
      )
    },
    failure,
    data: input.backup ? { source: "backup", backup: input.backup.location } : { source: "generated" },
    durationSeconds: 0,
    ok: false
  };
  const ctx = { progress };
  let cluster;
  try {
    cluster = input.layout === "kubeadm" ? await new KubeadmClusterProvider().start(input.topology, {
      progress,
      nodeNames: "topology"
    }) : await new LocalClusterProvider().start(input.topology, {
      progress,
      etcdVersion: input.etcdVersion
    });
    const c = cluster;
    report.startupSeconds = Number(c.startupSeconds.toFixed(1));
    const access = nodeAccessOf(c);
    const ipOf = (h) => c.node(h).ip;
    for (const n of report.topology.nodes) n.replicaAddress = ipOf(n.name);
    const map = {
      hosts: new Map(
        report.topology.nodes.map((n) => [
          n.name,
          { replica: n.replicaAddress, production: n.productionAddress }
        ])
      )
    };
    const work = join(c.workDir, "dress-rehearsal");
    await mkdir(work, { recursive: true, mode: 448 });
    const header = `replica of ${inventory.source} in harness cluster ${c.name}`;
    const healthyPath = join(work, "replica-hosts.ini");
    await writeFile(
      healthyPath,
      renderReplicaInventory(inventory, input.topology, ipOf, clusterName, void 0, header)
    );
    const brokenPath = join(work, "replica-recovery-hosts.ini");
    await writeFile(
      brokenPath,
      renderReplicaInventory(inventory, input.topology, ipOf, clusterName, failure, header)
    );
    const healthy = await loadInventory(healthyPath);
    const transports = recordingTransports(healthy, c, input.onConnect);
    try {
      await rehearseOn(c, input, report, {
        access,
        map,
        work,
        healthyPath,
        brokenPath,
        transportFor: transports.transportFor,
        ctx
      });
    } finally {
      await transports.close();
    }
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
    progress.warn(`dress rehearsal failed: ${report.error}`);
  } finally {
    if (cluster) await progress.phase("Tear down the replica", () => cluster.stop());
    report.durationSeconds = Number(((Date.now() - t0) / 1e3).toFixed(1));
  }
  return report;
}
async function rehearseOn(c, input, report, r) {
  const { progress } = input;
  const { access, ctx, transportFor } = r;
  const etcdHosts = c.nodes.filter((n) => n.roles.includes("etcd")).map((n) => n.name);
  let tls = c.tls;
  const kubeadm = c.layout === "kubeadm";
  const keyPrefix = kubeadm ? HARNESS_KEY_ROOT : "";
  const keyspaceOnNode = !kubeadm;
  if (kubeadm) {
    report.notes = [
      `keys compared one by one under ${HARNESS_KEY_ROOT}/ only (Kubernetes rewrites its own keys all the time); Kubernetes objects, /readyz, nodes Ready and a watch are checked through the replica's API`,
      "the restores' keyspace checks copy each restored snapshot into a private temp dir on this machine (0600, removed at once): the check on the node needs a host etcd binary, which kubeadm nodes lack"
    ];
  }
  if (input.backup) {
    const b = input.backup;
    await progress.phase("Empty the replica so that it takes the backup", async () => {
      for (const h of etcdHosts) await wipeEtcdData(c, h);
    });
    const source = await BackupSource.open(b.location, b.identityFiles);
    const archives = source.summary().certArchives;
    const archiveHosts = c.nodes.filter((n) => n.roles.includes("control-plane") && archives[n.name]).map((n) => n.name);
    if (kubeadm && archiveHosts.length > 0) {
      const pki = await progress.phase(
        "Read the backup's node archives (kubeadm)",
        () => keepKubeadmReplicaPki({ backup: source, etcdHosts, transportFor })
      );
      report.pki = pki;
      progress.info(`The replica keeps its own PKI: ${pki.reason}`);
    } else if (archiveHosts.length > 0) {
      const { files, unpacked } = await progress.phase(
        `Unpack the backup's node archives on ${archiveHosts.join(", ")}`,
        () => unpackArchives({
          backup: source,
          hosts: archiveHosts,
          transportFor,
          access,
          progress,
          clusterName: report.cluster
        })
      );
      const pki = await progress.phase(
        "Run the replica's etcd on the backup's CA",
        () => adoptBackupPki({
          inventory: input.inventory,
          topology: input.topology,
          ipOf: (h) => c.node(h).ip,
          map: backupAddressMap(input.inventory, source, r.map),
          unpacked,
          files,
          transportFor,
          harnessCa: c.tls.cacert,
          progress
        })
      );
      report.pki = pki;
      progress.info(
        pki.source === "backup" ? `The replica's etcd runs on the backup's CA (sha256 ${pki.caFingerprint}, from ${pki.caNode}'s archive); reissued: ${pki.reissued.join("; ")}` : `The replica keeps its own etcd PKI: ${pki.reason}`
      );
      if (pki.source === "backup") {
        const caFile = join(r.work, "backup-etcd-ca.pem");
        await writeFile(caFile, pki.caCert, { mode: 420 });
        tls = { ...c.tls, cacert: caFile };
      }
    }
    const up = await progress.phase(
      `Restore ${b.location} into the replica`,
      () => restore(
        {
          inventory: r.healthyPath,
          access,
          backup: b.location,
          identityFiles: b.identityFiles,
          trustedSigners: b.trustedSigners,
          strategy: input.strategy,
          force: false,
          yes: true,
          journal: join(r.work, "bring-up.journal"),
          transportFor,
          // The restored snapshot is read on its node: none of the user's data lands here
          // (Kubespray layout; see keyspaceOnNode above).
          keyspaceOnNode
        },
        ctx
      )
    );
    const keyspace = up.verification?.checks.find((ch) => ch.name === "keyspace");
    report.bringUp = {
      rtoSeconds: Number(up.rtoSeconds.toFixed(1)),
      plan: up.plan.case,
      keyspace: keyspace?.detail,
      keyspaceStatus: keyspace?.status
    };
    const failed = up.verification?.checks.filter((ch) => ch.status === "failed") ?? [];
    if (keyspace?.status !== "passed") {
      throw new Error(
        `the backup's keys were not compared in the replica (keyspace check ${keyspace?.status ?? "absent"}: ${keyspace?.detail ?? "no verification"}); the rehearsal would not run on the backup's data.`
      );
    }
    if (!up.verification || failed.length > 0) {
      throw new Error(
        `the backup could not be brought into the replica: verification ${failed.map((f) => `${f.name} (${f.detail})`).join(", ") || "did not run"}`
      );
    }
    report.data.bytes = source.manifest.snapshot.size;
  } else {
    const client = await openEtcdClient(c.etcdEndpoints, tls);
    try {
      const seeded = await progress.phase(
        `Seed ${input.keys} keys`,
        () => seedKeys(client, {
          keys: input.keys,
          valueBytes: input.valueBytes,
          seed: "dress",
          root: kubeadm ? SEED_ROOT_BESIDE_AN_API : void 0
        })
      );
      report.data.bytes = seeded.bytes;
    } finally {
      client.close();
    }
  }
  const api = c.kubernetes;
  let proof;
  if (api) {
    proof = await progress.phase(
      "Create namespaces, Deployments, ConfigMaps, Secrets, a CRD and its resources through the API; open a watch",
      () => KubernetesProof.prepare(api, c.runId, progress)
    );
  }
  try {
    await backUpBreakRecover(c, input, report, r, { tls, keyPrefix, keyspaceOnNode, proof });
  } finally {
    await proof?.stop();
  }
}
async function backUpBreakRecover(c, input, report, r, o) {
  const { progress } = input;
  const { access, ctx, transportFor } = r;
  const { tls, keyPrefix, proof } = o;
  const { secret, identity } = generateIdentity();
  progress.secret(secret);
  const identityFile = join(r.work, "age-identity");
  await writeFile(identityFile, `${secret}
`, { mode: 384 });
  const client = await openEtcdClient(c.etcdEndpoints, tls);
  let atBackup;
  let writerPrefix;
  let writerLastAtBackup;
  let writerLast = -1;
  let replicaBackup;
  const writer = startBackgroundWriter(client, { intervalMs: 20 });
  try {
    report.etcdServerVersion = (await client.maintenance.status()).version;
    writerPrefix = writer.prefix;
    const b = await progress.phase(
      "Back up the replica with kube-rescue backup",
      () => backup(
        {
          inventory: r.healthyPath,
          access,
          dest: join(r.work, "backups"),
          encryptTo: [identity.recipient.text],
          compress: "gzip",
          etcdOnly: false,
          transportFor
        },
        ctx
      )
    );
    replicaBackup = b.backupPath;
    const all = await keyDigests(client, "", b.snapshotRevision);
    report.data.keys = all.size;
    atBackup = new Map([...all].filter(([k]) => k.startsWith(keyPrefix)));
    report.keysCompared = keyPrefix;
    writerLastAtBackup = lastWriteIn(atBackup.keys(), writerPrefix);
    await new Promise((res) => setTimeout(res, 1500));
    if (proof) {
      await progress.phase(
        "Change Kubernetes objects after the backup",
        () => proof.changeAfterBackup()
      );
    }
  } finally {
    const w = await writer.stop();
    client.close();
    writerLast = w.lastAcknowledged;
  }
  await progress.phase(
    `Break the replica: etcd lost on ${input.failure.brokenEtcd.join(", ") || "none"}, control plane lost on ${input.failure.brokenControlPlane.join(", ") || "none"}${input.failure.removeHosts.length ? `, gone for good: ${input.failure.removeHosts.join(", ")}` : ""}`,
    () => injectFailure(c, input.failure)
  );
  const planOpts = {
    inventory: r.brokenPath,
    access,
    backup: replicaBackup,
    identityFiles: [identityFile],
    strategy: input.strategy,
    force: false,
    removeHosts: input.failure.removeHosts,
    transportFor
  };
  const planned = await progress.phase(
    "Plan the recovery of the replica",
    () => plan(planOpts, ctx)
  );
  const production = await productionPlan(input, planned, replicaBackup, identityFile, r.map);
  const sameSet = [replicaBackup, ...input.backup ? [input.backup.location] : []];
  const label = (loc) => sameSet.includes(loc) ? "the backup" : `backup ${loc}`;
  const restored = await progress.phase(
    "Recover the replica with kube-rescue restore",
    () => restore(
      {
        ...planOpts,
        yes: true,
        journal: join(r.work, "restore.journal"),
        keyspaceOnNode: o.keyspaceOnNode
      },
      ctx
    )
  );
  report.replicaPlan = outline(restored.plan, label);
  report.productionPlan = outline(production, label);
  report.planMatch = comparePlans(production, restored.plan, { sameSet });
  report.rtoSeconds = Number(restored.rtoSeconds.toFixed(1));
  report.verification = restored.verification?.checks.map((ch) => ({
    name: ch.name,
    status: ch.status,
    detail: ch.detail
  }));
  const gone = c.nodes.filter((n) => input.failure.removeHosts.includes(n.name)).map((n) => n.ip);
  const endpoints = c.etcdEndpoints.filter((e) => !gone.includes(new URL(e).hostname));
  const after = await openEtcdClient(endpoints, tls);
  try {
    const losses = restoreLosses(atBackup, await keyDigests(after, keyPrefix), {
      prefix: writerPrefix,
      lastAtBackup: writerLastAtBackup,
      last: writerLast
    });
    report.keysVerified = atBackup.size;
    report.keysLost = losses.keysLost;
    report.writesAfterBackup = losses.writesAfterBackup;
    report.writesLost = losses.writesLost;
  } finally {
    after.close();
  }
  if (proof) {
    const kept = c.nodes.some(
      (n) => n.roles.includes("etcd") && !input.failure.brokenEtcd.includes(n.name) && !input.failure.removeHosts.includes(n.name)
    );
    report.kubernetes = await progress.phase(
      "Check through the API: objects, /readyz, nodes Ready, the watch",
      () => proof.verify({
        afterBackup: kept ? "kept" : "lost",
        expectedNodes: c.nodes.filter((n) => !input.failure.removeHosts.includes(n.name)).map((n) => n.name),
        goneNodes: input.failure.removeHosts,
        revisionBump: revisionBumpOf(restored.plan)
      })
    );
  }
  const failedChecks = (report.verification ?? []).filter((v) => v.status === "failed");
  if (report.keysLost !== 0) {
    report.error = `${report.keysLost} of the ${report.keysVerified} keys of the backup are missing or changed after the recovery.`;
  } else if (!restored.verification) {
    report.error = "the restore returned without verifying the replica.";
  } else if (failedChecks.length > 0) {
    report.error = `verification failed: ${failedChecks.map((v) => v.name).join(", ")}`;
  } else if (!report.planMatch.match) {
    report.error = `the replica ran another plan than production would get: ${report.planMatch.differences.join("; ")}`;
  } else if (report.kubernetes && report.kubernetes.problems.length > 0) {
    report.error = `Kubernetes checks failed: ${report.kubernetes.problems.join("; ")}`;
  } else {
    report.ok = true;
  }
}
async function productionPlan(input, replica, replicaBackup, replicaIdentity, map) {
  const inv = {
    ...planInventoryOf(input.inventory),
    brokenEtcd: input.failure.brokenEtcd,
    brokenControlPlane: input.failure.brokenControlPlane
  };
  const summary = input.backup ? (await BackupSource.open(input.backup.location, input.backup.identityFiles)).summary() : (await BackupSource.open(replicaBackup, [replicaIdentity])).summary();
  const health = mapToProduction(replica.health, map);
  const kubectlOn = [
    ...new Set(
      replica.plan.steps.flatMap((s) => s.action === "delete-node" ? [s.params.host] : [])
    )
  ];
  return buildPlan(
    inv,
    { ...health, clusterName: clusterNameOf(input.inventory), kubectlOn },
    summary,
    {
      strategy: input.strategy,
      force: false,
      now: new Date(replica.plan.createdAt),
      haveIdentity: input.backup ? input.backup.identityFiles.length > 0 : true,
      removeHosts: input.failure.removeHosts
    }
  );
}
export {
  runDressRehearsal
};
//# sourceMappingURL=dress-rehearsal-L5D5IC6L.js.map
