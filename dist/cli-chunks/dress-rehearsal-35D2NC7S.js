#!/usr/bin/env node
import {
  mapToProduction,
  mapToReplica,
  renderReplicaInventory
} from "./chunk-WJQTF52Z.js";
import {
  HARNESS_KEY_ROOT,
  HARNESS_PROBE_TIMEOUT_MS,
  KubeadmClusterProvider,
  KubernetesProof,
  SEED_ROOT_BESIDE_AN_API,
  deleteCerts,
  destroyAndReprovision,
  keyDigests,
  kubectl,
  lastWriteIn,
  nodeAccessOf,
  openEtcdClient,
  restoreLosses,
  revisionBumpOf,
  seedKeys,
  startBackgroundWriter,
  stopNode,
  wipeEtcdData
} from "./chunk-2AK4VYV6.js";
import {
  restore
} from "./chunk-BAUJBEHF.js";
import "./chunk-NUYBRMBR.js";
import "./chunk-OA4YAPLV.js";
import {
  NodeStepRunner,
  checkNodeArchive,
  makePrivateDir,
  readArchiveHeaders,
  stageCheckedArchive
} from "./chunk-AVFVC57H.js";
import {
  BackupSource,
  buildPlan,
  clusterNameOf,
  plan,
  planInventoryOf
} from "./chunk-QBYBDS7O.js";
import {
  KUBESPRAY_PATHS,
  LocalClusterProvider,
  controlPlaneNodes
} from "./chunk-UDH55ROM.js";
import {
  backup
} from "./chunk-DA5H22X5.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-KQACRCKW.js";
import "./chunk-V46ZLIDJ.js";
import "./chunk-R6PYWJMK.js";
import {
  kubeadmLayout,
  kubesprayLayout
} from "./chunk-E33XPV3C.js";
import {
  loadInventory
} from "./chunk-ZSEXTH5J.js";
import {
  NodePool,
  connectNode
} from "./chunk-YEEMT7QD.js";
import {
  DockerTransport
} from "./chunk-BKMBJ7X7.js";
import "./chunk-TNMCLJB6.js";
import {
  generateIdentity
} from "./chunk-K5JV7D7L.js";
import "./chunk-LAA6A62G.js";
import "./chunk-EZU5HCA3.js";
import "./chunk-U3FYCLYN.js";
import "./chunk-U6HZZ6QY.js";
import "./chunk-AI3HM6CK.js";
import "./chunk-TOAWPYOC.js";
import {
  shellCommand
} from "./chunk-ZZ57F2FG.js";
import "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import {
  OperationError
} from "./chunk-BCQJ3TK4.js";

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

// harness/replica-kubeadm-pki.ts
import { createHash, createPublicKey, X509Certificate as X509Certificate2 } from "node:crypto";
import { posix } from "node:path";

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
      `${list.map((r) => `${r.base}.pem`).join(", ")} (with new P-256 keys, valid ${REISSUE_DAYS} days): signed on ${caNode} with the backup's CA key, subject as the backup's, SANs the replica's host name, address, localhost and 127.0.0.1 only \u2014 production's certificates name production's addresses, which the replica does not have; the backup's own are kept at ${FROM_BACKUP} on ${caNode}`
    ],
    memberCerts: await memberCerts(),
    clientTrust: `${CLIENT_TRUST}: the backup's CA and the harness's, for clients only (the run's own client on this machine has a harness certificate, so no certificate of the backup's CA is made for this machine); peers and servers trust the backup's CA only (ETCD_PEER_TRUSTED_CA_FILE unchanged)`
  };
}

// harness/replica-kubeadm-pki.ts
var PKI = "/etc/kubernetes/pki";
var KUBEADM_CA_FILES = {
  clusterCa: `${PKI}/ca.crt`,
  clusterCaKey: `${PKI}/ca.key`,
  frontProxyCa: `${PKI}/front-proxy-ca.crt`,
  frontProxyCaKey: `${PKI}/front-proxy-ca.key`,
  etcdCa: `${PKI}/etcd/ca.crt`,
  etcdCaKey: `${PKI}/etcd/ca.key`,
  saKey: `${PKI}/sa.key`,
  saPub: `${PKI}/sa.pub`
};
var ALL = Object.values(KUBEADM_CA_FILES);
var PUBLIC = [
  KUBEADM_CA_FILES.clusterCa,
  KUBEADM_CA_FILES.frontProxyCa,
  KUBEADM_CA_FILES.etcdCa,
  KUBEADM_CA_FILES.saPub
];
var q2 = (s) => shellCommand([s]);
var rel = (p) => p.replace(/^\/+/, "");
function kubeadmCaMembers(members) {
  const found = [];
  const missing = [];
  for (const path of ALL) {
    const m = members.find((x) => x.path === path);
    if (m?.type === "file") found.push(m);
    else missing.push(m ? `${path} (a ${m.type}, not a file)` : path);
  }
  return missing.length === 0 ? { ok: true, members: found } : { ok: false, missing };
}
function caArchiveCandidates(node, controlPlane, archives) {
  return [node, ...controlPlane.filter((h) => h !== node)].flatMap(
    (host) => archives[host] ? [{ host, object: archives[host] }] : []
  );
}
function missingCaReason(node, controlPlane, lacking) {
  const without = controlPlane.filter((h) => !lacking.some((l) => l.host === h));
  const parts = [
    ...lacking.map((l) => `${l.object} (the archive of ${l.host}) lacks ${l.missing.join(", ")}`),
    ...without.length > 0 ? [`the set has no archive of ${without.join(", ")}`] : []
  ];
  return `${parts.join("; ")}: a kubeadm replica on the backup's CAs needs all of ${ALL.join(", ")} from one control-plane node's archive, placed on ${node} before kubeadm init, so the replica keeps the PKI kubeadm generated for it (the archives were checked, hashes and every member, and not unpacked), and the recovery's certificate restores run from the replica's own backup`;
}
function publicKeyDigest(pem) {
  const der = createPublicKey(pem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").toUpperCase().match(/../g)?.join(":") ?? "";
}
function placeCaScript(staged, members, root = "/") {
  const at = (p) => q2(posix.join(root, p));
  const keys = members.filter((m) => !PUBLIC.includes(m));
  const pub = members.filter((m) => PUBLIC.includes(m));
  return [
    "set -eu",
    `install -d -m 0755 -o 0 -g 0 ${at(PKI)} ${at(`${PKI}/etcd`)}`,
    `tar -x -p --same-owner --numeric-owner --no-wildcards --keep-old-files -f ${q2(staged)} -C ${q2(root)} -- ${members.map((m) => q2(rel(m))).join(" ")}`,
    `chown 0:0 -- ${members.map(at).join(" ")}`,
    `chmod 0600 -- ${keys.map(at).join(" ")}`,
    `chmod 0644 -- ${pub.map(at).join(" ")}`
  ].join("\n");
}
async function seedKubeadmCa(opts) {
  const { backup: backup2, node, t } = opts;
  const layout = kubeadmLayout();
  const candidates = caArchiveCandidates(node, opts.controlPlane, backup2.summary().certArchives);
  const lacking = [];
  for (const { host, object } of candidates) {
    const where = `${backup2.location}/${object}`;
    const check = (headers) => checkNodeArchive(backup2, layout, host, headers, where);
    const read = check(await backup2.streamTo(object, (plain) => readArchiveHeaders(plain, where)));
    const chosen = kubeadmCaMembers(read.members);
    if (!chosen.ok) {
      lacking.push({ host, object, missing: chosen.missing });
      continue;
    }
    const dir = await makePrivateDir(t, node, "kube-rescue-ca.");
    try {
      const staged = posix.join(dir, "archive.tar");
      const again = kubeadmCaMembers(
        (await stageCheckedArchive({ backup: backup2, t, node, object, staged, check })).members
      );
      if (!again.ok) {
        throw new OperationError(
          `${where}: its second read lacks ${again.missing.join(", ")}, which the first held; nothing of it was extracted.`
        );
      }
      const placed = again.members.map((m) => m.path);
      const archive = async (path) => (await t.exec(["tar", "-x", "-O", "--no-wildcards", "-f", staged, "--", rel(path)], {
        timeoutMs: 3e4
      })).stdout;
      const pub = {
        clusterCa: await archive(KUBEADM_CA_FILES.clusterCa),
        frontProxyCa: await archive(KUBEADM_CA_FILES.frontProxyCa),
        etcdCa: await archive(KUBEADM_CA_FILES.etcdCa),
        saPub: await archive(KUBEADM_CA_FILES.saPub)
      };
      await t.script(placeCaScript(staged, placed), { timeoutMs: 6e4 });
      return { source: "backup", node, host, object, placed, archive: pub };
    } finally {
      await t.exec(["rm", "-rf", "--", dir], { timeoutMs: 6e4 });
    }
  }
  return { source: "replica", reason: missingCaReason(node, opts.controlPlane, lacking) };
}
async function keepKubeadmReplicaPki(opts) {
  const layout = kubeadmLayout();
  const caCert = await cat(
    await opts.transportFor(opts.etcdHosts[0]),
    layout.clientTls("").cacert
  );
  return {
    source: "replica",
    reason: opts.reason,
    unpacked: [],
    caFingerprint: fingerprintOf(caCert),
    caCert,
    fromBackup: [],
    reissued: [],
    memberCerts: await memberCertsOn(
      opts.transportFor,
      opts.etcdHosts,
      (h) => layout.memberCert(h).cert
    )
  };
}
function sameKey(jwk, pem) {
  const own = createPublicKey(pem).export({ format: "jwk" });
  if (own.kty !== jwk.kty) return false;
  return own.kty === "RSA" ? own.n === jwk.n && own.e === jwk.e : own.crv === jwk.crv && own.x === jwk.x && own.y === jwk.y;
}
async function verifyKubeadmBackupPki(opts) {
  const { seed, transportFor } = opts;
  const want = {
    clusterCa: fingerprintOf(seed.archive.clusterCa),
    frontProxyCa: fingerprintOf(seed.archive.frontProxyCa),
    etcdCa: fingerprintOf(seed.archive.etcdCa),
    saPub: publicKeyDigest(seed.archive.saPub)
  };
  const wrong = [];
  for (const host of opts.controlPlane) {
    const t = await transportFor(host);
    const seen = {
      clusterCa: fingerprintOf(await cat(t, KUBEADM_CA_FILES.clusterCa)),
      frontProxyCa: fingerprintOf(await cat(t, KUBEADM_CA_FILES.frontProxyCa)),
      etcdCa: fingerprintOf(await cat(t, KUBEADM_CA_FILES.etcdCa)),
      saPub: publicKeyDigest(await cat(t, KUBEADM_CA_FILES.saPub))
    };
    for (const k of Object.keys(want)) {
      if (seen[k] !== want[k]) {
        wrong.push(`${host}: ${KUBEADM_CA_FILES[k]} is ${seen[k]}, the archive's ${want[k]}`);
      }
    }
  }
  const layout = kubeadmLayout();
  const memberCerts = await memberCertsOn(
    transportFor,
    opts.etcdHosts,
    (h) => layout.memberCert(h).cert
  );
  const etcdCa = new X509Certificate2(seed.archive.etcdCa);
  for (const [host, pem] of Object.entries(memberCerts)) {
    const cert = new X509Certificate2(pem);
    if (!cert.verify(etcdCa.publicKey)) {
      wrong.push(`${host}: its etcd server certificate is not signed by the backup's etcd CA`);
    }
    if (cert.checkIP(opts.ipOf(host)) === void 0) {
      wrong.push(
        `${host}: its etcd server certificate does not name its address ${opts.ipOf(host)}`
      );
    }
  }
  const jwks = JSON.parse(
    (await kubectl(opts.api, ["get", "--raw", "/openid/v1/jwks"])).stdout
  );
  const keys = jwks.keys ?? [];
  if (keys.length === 0 || !keys.every((k) => sameKey(k, seed.archive.saPub))) {
    wrong.push(
      `the API server publishes ${keys.length} service-account key(s) at /openid/v1/jwks, not the archive's sa.pub alone`
    );
  }
  if (wrong.length > 0) {
    throw new OperationError(
      `The kubeadm replica does not run on the backup's CAs it was seeded with from ${seed.object}: ${wrong.join("; ")}.`
    );
  }
  const others = opts.controlPlane.filter((h) => h !== seed.node);
  return {
    source: "backup",
    unpacked: [],
    caNode: seed.host,
    caFingerprint: want.etcdCa,
    caCert: seed.archive.etcdCa,
    kubeadm: {
      clusterCaFingerprint: want.clusterCa,
      frontProxyCaFingerprint: want.frontProxyCa,
      serviceAccountKeySha256: want.saPub,
      verified: [
        `${KUBEADM_CA_FILES.clusterCa}, ${KUBEADM_CA_FILES.frontProxyCa}, ${KUBEADM_CA_FILES.etcdCa} (sha256 fingerprints) and ${KUBEADM_CA_FILES.saPub} (sha256 of its public key) on ${opts.controlPlane.join(", ")} equal to the archive's`,
        `the etcd server certificate of ${Object.keys(memberCerts).join(", ")} signed by the backup's etcd CA and naming the member's replica address`,
        `the API server's service-account key (/openid/v1/jwks, ${keys.length} key) is the archive's sa.pub: the restored snapshot's ServiceAccount tokens validate against it`
      ]
    },
    fromBackup: [
      `${seed.host}'s archive ${seed.object}: ${seed.placed.join(", ")} only (hashes and every member checked, read in full before anything reached the node, staged privately on ${seed.node} and checked again there), placed on ${seed.node} before kubeadm init, keys 0600 and the rest 0644, owned by root${others.length > 0 ? `; carried to ${others.join(", ")} by kubeadm join --control-plane with the uploaded certificates` : ""}`
    ],
    reissued: [
      `every other certificate and kubeconfig of the replica (API server, front-proxy client, etcd server, peer and healthcheck, the API server's etcd and kubelet clients, admin, super-admin, controller-manager and scheduler kubeconfigs, every kubelet's client certificate): issued by kubeadm init and join on the replica's nodes for the replica's addresses from the backup's CAs; production's certificates name production's addresses and are not unpacked, nor is any other file of the archives`
    ],
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
  let caSeed;
  const b = input.backup;
  try {
    cluster = input.layout === "kubeadm" ? await new KubeadmClusterProvider().start(input.topology, {
      progress,
      nodeNames: "topology",
      preseedPki: b ? async (first) => {
        const t = new DockerTransport(first.name, { container: first.containerName });
        try {
          caSeed = await seedKubeadmCa({
            backup: await BackupSource.open(b.location, b.identityFiles),
            node: first.name,
            t,
            controlPlane: controlPlaneNodes(input.topology).map((n) => n.name)
          });
        } finally {
          await t.close();
        }
        progress.info(
          caSeed.source === "backup" ? `${first.name}: the backup's CA files from ${caSeed.object} placed before kubeadm init: ${caSeed.placed.join(", ")}` : `The replica keeps its own kubeadm PKI: ${caSeed.reason}`
        );
      } : void 0
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
        ctx,
        caSeed
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
    if (kubeadm) {
      report.notes?.push(
        r.caSeed?.source === "backup" ? "the recovery's certificate restores come from the replica's own backup, taken after the bring-up: the CAs and service-account key pair in it are the backup's, every other certificate and kubeconfig the replica's own (kubeadm issued them for the replica's addresses from the backup's CAs)" : "the recovery's certificate restores come from the replica's own backup, taken after the bring-up: every certificate, key and kubeconfig in it is the replica's own"
      );
      if (r.caSeed?.source === "replica") {
        report.pki = await keepKubeadmReplicaPki({
          reason: r.caSeed.reason,
          etcdHosts,
          transportFor
        });
      }
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
          probeTimeoutMs: HARNESS_PROBE_TIMEOUT_MS,
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
    if (r.caSeed?.source === "backup") {
      const seed = r.caSeed;
      report.pki = await progress.phase(
        "Check that the replica runs on the backup's CAs and service-account key",
        () => verifyKubeadmBackupPki({
          seed,
          controlPlane: c.nodes.filter((n) => n.roles.includes("control-plane")).map((n) => n.name),
          etcdHosts,
          ipOf: (h) => c.node(h).ip,
          transportFor,
          api: c.kubernetes
        })
      );
      progress.info(
        `The replica runs on the backup's CAs (cluster CA sha256 ${report.pki.kubeadm?.clusterCaFingerprint}, etcd CA sha256 ${report.pki.caFingerprint}, from ${seed.object})`
      );
    }
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
    transportFor,
    probeTimeoutMs: HARNESS_PROBE_TIMEOUT_MS
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
//# sourceMappingURL=dress-rehearsal-35D2NC7S.js.map
