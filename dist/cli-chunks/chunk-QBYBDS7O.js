#!/usr/bin/env node
import {
  clientURLOf,
  peerURLOf,
  probeCluster
} from "./chunk-R6PYWJMK.js";
import {
  ADMIN_KUBECONFIG,
  KUBELET_CONFIG,
  KUBESPRAY_ETCD_UNIT
} from "./chunk-E33XPV3C.js";
import {
  loadInventory
} from "./chunk-ZSEXTH5J.js";
import {
  NodePool
} from "./chunk-YEEMT7QD.js";
import {
  SnapshotKeyspace,
  checkPlanObjects,
  checkSignature,
  requireSignedManifest
} from "./chunk-TNMCLJB6.js";
import {
  compareHashKV,
  compareKeyspaces,
  compareWithDigests,
  describeSignature,
  fingerprintOfPairs,
  fingerprintViaEtcdCtl,
  loadIdentityFiles,
  pagedPairs,
  rangedPairs,
  readObject
} from "./chunk-K5JV7D7L.js";
import {
  EtcdCtl,
  sectionLine,
  splitSections
} from "./chunk-U6HZZ6QY.js";
import {
  shellCommand
} from "./chunk-ZZ57F2FG.js";
import {
  VERSION,
  canonicalJson,
  openSet,
  parseManifest,
  privateFileStream,
  snapshotObject,
  writeFileDurably
} from "./chunk-JN7VJA7J.js";
import {
  InputError,
  OperationError,
  __callDispose,
  __using
} from "./chunk-BCQJ3TK4.js";

// src/commands/plan.ts
import { isIP as isIP3 } from "node:net";

// src/recovery/backup-source.ts
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
var BackupSource = class _BackupSource {
  constructor(location, manifest, store, setName, identities, manifestSha256) {
    this.location = location;
    this.manifest = manifest;
    this.store = store;
    this.setName = setName;
    this.identities = identities;
    this.manifestSha256 = manifestSha256;
  }
  location;
  manifest;
  store;
  setName;
  identities;
  manifestSha256;
  static async open(backup, identityFiles, s3) {
    const { store, setName } = await openSet(backup, s3);
    let text;
    try {
      const chunks = [];
      for await (const c of await store.read(setName, "manifest.json")) chunks.push(Buffer.from(c));
      text = Buffer.concat(chunks).toString("utf8");
    } catch (err) {
      throw new InputError(
        `Cannot read the backup set ${backup} (${store.urlOf(setName)}/manifest.json): ${err.message}. Give the path or URL of one set, as 'kube-rescue list' shows it.`,
        { cause: err }
      );
    }
    const manifest = parseManifest(text, `${backup}/manifest.json`);
    const identities = identityFiles.length > 0 ? await loadIdentityFiles(identityFiles) : [];
    const digest = createHash("sha256").update(text).digest("hex");
    return new _BackupSource(backup, manifest, store, setName, identities, digest);
  }
  /** What the planner needs to know of this set. */
  summary() {
    const m = this.manifest;
    const snap = snapshotObject(m);
    if (!snap) {
      throw new InputError(`Backup ${this.location} has no etcd snapshot object in its manifest.`);
    }
    const certArchives = {};
    for (const o of m.objects) if (o.kind === "node-files" && o.node) certArchives[o.node] = o.name;
    return {
      location: this.location,
      clusterName: m.cluster,
      etcdVersion: m.etcd.version,
      snapshotObject: snap.name,
      revision: m.snapshot.revision,
      totalKey: m.snapshot.totalKey,
      createdAt: m.created,
      fingerprint: m.fingerprint ?? void 0,
      hashKV: m.hashKV ?? void 0,
      encrypted: m.objects.some((o) => o.encryption !== null),
      certArchives
    };
  }
  objectNamed(name) {
    const o = this.manifest.objects.find((x) => x.name === name);
    if (!o) {
      throw new InputError(`Backup ${this.location} has no object '${name}' in its manifest.`);
    }
    return o;
  }
  /**
   * Streams the plaintext of `name` into `consume` (e.g. a node's file or `tar -x`). After
   * the stream ends, stored and plaintext sha256 must equal the manifest's, or this throws.
   */
  async streamTo(name, consume) {
    const object = this.objectNamed(name);
    const where = `${this.location}/${name}`;
    const plain = new PassThrough();
    const source = await this.store.read(this.setName, name);
    const reading = readObject(source, object, { identities: this.identities, where, sink: plain });
    const [read, consumed] = await Promise.all([
      reading.catch((err) => {
        plain.destroy(err);
        throw err;
      }),
      consume(plain)
    ]);
    if (read.sha256 !== object.sha256 || read.plaintextSha256 !== object.plaintextSha256) {
      throw new OperationError(
        `${where} does not match its manifest (stored sha256 ${read.sha256}, expected ${object.sha256}; plaintext ${read.plaintextSha256}, expected ${object.plaintextSha256}). The copy on the node is not used; check the set with 'kube-rescue verify'.`
      );
    }
    return consumed;
  }
  /** The store behind this source, for the plan-time preflight (src/recovery/preflight.ts). */
  storeAccess() {
    return { store: this.store, setName: this.setName, identities: this.identities };
  }
};

// src/recovery/node-transports.ts
function openNodeTransports(inventory, access) {
  const pool = new NodePool(access);
  return {
    transportFor: (host) => pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) }),
    close: () => pool.closeAll()
  };
}

// src/recovery/kubelet-client.ts
import { X509Certificate } from "node:crypto";
var KUBEADM_KUBELET_CLIENT = {
  kubeconfig: "/etc/kubernetes/kubelet.conf",
  pkiDir: "/var/lib/kubelet/pki",
  caCert: "/etc/kubernetes/pki/ca.crt",
  caKey: "/etc/kubernetes/pki/ca.key",
  adminKubeconfig: ADMIN_KUBECONFIG,
  kubeletConfig: KUBELET_CONFIG
};
async function readKubeletClient(t, paths = KUBEADM_KUBELET_CLIENT) {
  const certBlock = "sed -n '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/p'";
  const script = [
    "conf=$1 ca=$2 cakey=$3 cfg=$4 f= d=",
    `[ -r "$cfg" ] && echo config=yes`,
    `[ -r "$cakey" ] && echo cakey=yes`,
    'if [ -r "$conf" ]; then',
    "  echo kubeconfig=yes",
    `  f=$(sed -n 's/^[[:space:]]*client-certificate:[[:space:]]*//p' "$conf" | head -n 1)`,
    `  [ -n "$f" ] || d=$(sed -n 's/^[[:space:]]*client-certificate-data:[[:space:]]*//p' "$conf" | head -n 1)`,
    '  if [ -n "$f" ]; then echo "source=$f"; elif [ -n "$d" ]; then echo source=inline; fi',
    "fi",
    `if [ -r "$ca" ]; then ${sectionLine("ca")}; ${certBlock} "$ca"; fi`,
    `if [ -n "$f" ] && [ -r "$f" ]; then ${sectionLine("cert")}; ${certBlock} "$f"; fi`,
    `if [ -n "$d" ]; then ${sectionLine("cert")}; printf '%s' "$d" | base64 -d | ${certBlock}; fi`,
    "exit 0"
  ].join("\n");
  const r = await t.exec(
    ["sh", "-c", script, "sh", paths.kubeconfig, paths.caCert, paths.caKey, paths.kubeletConfig],
    // The script ends with exit 0: any other exit is a node that could not be read, never
    // taken for a missing certificate (which would replace one that may be fine).
    { timeoutMs: 15e3 }
  );
  const { head, sections } = splitSections(r.stdout);
  const section = (name) => {
    const pem = sections.get(name)?.trim();
    return pem ? `${pem}
` : void 0;
  };
  const lines = head.split("\n");
  const source = lines.find((l) => l.startsWith("source="))?.slice("source=".length);
  const certPem = section("cert");
  const caPem = section("ca");
  return {
    kubeconfig: /^kubeconfig=yes$/m.test(head),
    ...source ? { certSource: source } : {},
    ...certPem ? { certPem } : {},
    ...caPem ? { caPem } : {},
    caKey: /^cakey=yes$/m.test(head),
    kubeletConfig: /^config=yes$/m.test(head)
  };
}
function judgeKubeletClient(facts, nodeName, now, paths = KUBEADM_KUBELET_CLIENT, marginMs = 10 * 6e4) {
  if (!facts.kubeconfig) return { valid: false, why: `${paths.kubeconfig} is missing` };
  if (!facts.certSource) {
    return { valid: false, why: `${paths.kubeconfig} names no client certificate` };
  }
  if (!facts.certPem) {
    return {
      valid: false,
      why: `the client certificate ${paths.kubeconfig} names (${facts.certSource}) is missing`
    };
  }
  let cert;
  try {
    cert = new X509Certificate(facts.certPem);
  } catch (err) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) does not parse: ${err.message}`
    };
  }
  const subject = cert.subject.split("\n");
  const cn = subject.find((l) => l.startsWith("CN="))?.slice(3);
  const orgs = subject.filter((l) => l.startsWith("O=")).map((l) => l.slice(2));
  if (cn !== `system:node:${nodeName}` || !orgs.includes("system:nodes")) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) is for ${cert.subject.replace(/\n/g, ", ")}, not CN=system:node:${nodeName} in O=system:nodes`
    };
  }
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() - now.getTime() < marginMs) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) ${notAfter < now ? "expired" : "expires"} ${notAfter.toISOString()}`
    };
  }
  if (!facts.caPem) {
    return {
      valid: void 0,
      why: `no cluster CA at ${paths.caCert} to check the kubelet's client certificate against`
    };
  }
  const ca = new X509Certificate(facts.caPem);
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) was not issued by the cluster CA at ${paths.caCert} (a stale one, from before the CA was restored)`
    };
  }
  return {
    valid: true,
    detail: `the kubelet's client certificate (${facts.certSource}) is the cluster CA's, for system:node:${nodeName}, valid until ${notAfter.toISOString()}`
  };
}
async function issueKubeletClient(t, o) {
  const p = o.paths ?? KUBEADM_KUBELET_CLIENT;
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(o.nodeName)) {
    throw new OperationError(
      `Node ${t.node}: '${o.nodeName}' is not a Kubernetes node name; no kubelet certificate is made for it.`
    );
  }
  const script = [
    "set -eu",
    "umask 077",
    "name=$1 ts=$2 conf=$3 pki=$4 ca=$5 cakey=$6 admin=$7",
    `[ -r "$cakey" ] || { echo "no cluster CA key at $cakey: the kubelet's client certificate cannot be signed here" >&2; exit 3; }`,
    `command -v openssl >/dev/null 2>&1 || { echo "no openssl on the node to sign the kubelet's client certificate" >&2; exit 4; }`,
    // The API server the kubelet talks to: its own kubeconfig's, else admin.conf's.
    "server=",
    `for f in "$conf" "$admin"; do [ -r "$f" ] && server=$(sed -n 's/^[[:space:]]*server:[[:space:]]*//p' "$f" | head -n 1); [ -n "$server" ] && break; done`,
    `[ -n "$server" ] || { echo "neither $conf nor $admin names the API server" >&2; exit 5; }`,
    "d=$(mktemp -d /var/tmp/kube-rescue-kubelet.XXXXXX)",
    `trap 'rm -rf "$d"' EXIT`,
    'openssl ecparam -name prime256v1 -genkey -noout -out "$d/key.pem" 2>"$d/err" || { cat "$d/err" >&2; exit 6; }',
    'openssl req -new -key "$d/key.pem" -subj "/O=system:nodes/CN=system:node:$name" -out "$d/req.pem" 2>"$d/err" || { cat "$d/err" >&2; exit 6; }',
    `printf '%s\\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' 'extendedKeyUsage=clientAuth' >"$d/ext"`,
    'openssl x509 -req -in "$d/req.pem" -CA "$ca" -CAkey "$cakey" -set_serial "0x$(openssl rand -hex 16)" -days 365 -extfile "$d/ext" -out "$d/cert.pem" 2>"$d/err" || { cat "$d/err" >&2; exit 6; }',
    'mkdir -p "$pki"',
    'new="$pki/kubelet-client-$ts.pem"',
    'cat "$d/cert.pem" "$d/key.pem" >"$d/pair.pem"',
    'mv "$d/pair.pem" "$new"',
    // Moved aside, never deleted, once: the link (what it names stays where it is) and the
    // kubeconfig go to <path>.<stamp>-client (restore-certs' own <path>.<stamp> is another
    // copy). A resumed run finds that copy made and replaces only what this step wrote.
    'sfx="$ts-client"',
    'aside() { if { [ -e "$1" ] || [ -L "$1" ]; } && ! { [ -e "$1.$sfx" ] || [ -L "$1.$sfx" ]; }; then mv -- "$1" "$1.$sfx"; echo "moved $1 to $1.$sfx"; fi; }',
    'cur="$pki/kubelet-client-current.pem"',
    'aside "$cur"',
    'ln -sfn "$new" "$cur"',
    'cadata=$(base64 -w0 "$ca")',
    `cat >"$d/kubelet.conf" <<EOF
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: $cadata
    server: $server
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: system:node:$name
  name: system:node:$name@kubernetes
current-context: system:node:$name@kubernetes
users:
- name: system:node:$name
  user:
    client-certificate: $cur
    client-key: $cur
EOF`,
    'aside "$conf"',
    'mv "$d/kubelet.conf" "$conf"',
    'chmod 0600 "$conf"',
    'echo "signed $new for system:node:$name (server $server)"'
  ].join("\n");
  const r = await t.exec(
    [
      "sh",
      "-c",
      script,
      "sh",
      o.nodeName,
      o.ts,
      p.kubeconfig,
      p.pkiDir,
      p.caCert,
      p.caKey,
      p.adminKubeconfig
    ],
    { allowFailure: true, timeoutMs: 6e4 }
  );
  if (r.code !== 0) {
    throw new OperationError(
      `Node ${t.node}: could not make the kubelet a client certificate (exit ${r.code}): ${r.stderr.trim().slice(0, 500)}. Make one with 'kubeadm init phase kubeconfig kubelet --node-name ${o.nodeName}' on ${t.node} (moving ${p.kubeconfig} aside first), then run restore again.`
    );
  }
  return r.stdout.split("\n").filter((l) => l.trim()).join("; ");
}
function kubeletClientUndo(ts, p = KUBEADM_KUBELET_CLIENT) {
  const cur = `${p.pkiDir}/kubelet-client-current.pem`;
  const back = (f) => `mv ${shellCommand([`${f}.${ts}-client`])} ${shellCommand([f])}`;
  return `${back(p.kubeconfig)}; ${back(cur)} (where they were moved aside), then systemctl restart kubelet`;
}

// src/recovery/stamp.ts
function stamp(now) {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}
function keptCopyOf(path, manifestsDir, ts) {
  const slash = path.lastIndexOf("/");
  const dir = path.slice(0, slash);
  const outside = dir === manifestsDir ? dir.slice(0, dir.lastIndexOf("/")) : dir;
  return `${outside}/${path.slice(slash + 1)}.${ts}`;
}

// src/recovery/planners/steps.ts
function draft(action, node, params, reason, undo, destructive, group) {
  return { action, node, params, reason, undo, destructive, ...group ? { group } : {} };
}
var clusterString = (refs) => refs.map((r) => `${r.name}=${r.peerURL}`).join(",");
var PlanDraft = class {
  constructor(inventory, state, backup, options) {
    this.inventory = inventory;
    this.state = state;
    this.backup = backup;
    this.options = options;
    const {
      etcdCertDir,
      dataDir,
      kubernetesCertDirs,
      manifestsDir,
      envFile: env,
      etcdManifest
    } = state.paths;
    this.paths = {
      etcdCertDir,
      dataDir,
      kubernetesCertDirs: [...kubernetesCertDirs],
      manifestsDir,
      ...env ? { envFile: env } : {},
      ...etcdManifest ? { etcdManifest } : {}
    };
    this.envFile = this.paths.envFile ?? this.paths.etcdManifest ?? "the etcd configuration";
    this.ts = stamp(options.now);
    this.staging = options.stagingDir ?? "/var/tmp";
    this.stateOf = new Map(state.etcd.map((e) => [e.host, e]));
    this.etcdHosts = new Map(inventory.etcd.map((e) => [e.host, e]));
    this.unitFiles = state.layout === "kubespray" ? [KUBESPRAY_ETCD_UNIT] : [];
    this.members = inventory.etcd.map((e) => ({
      host: e.host,
      memberName: e.memberName,
      address: e.address,
      clientURL: this.stateOf.get(e.host)?.clientUrl ?? clientURLOf(e.address),
      peerURL: this.stateOf.get(e.host)?.peerUrl ?? peerURLOf(e.address)
    }));
    this.memberOf = new Map(this.members.map((m) => [m.host, m]));
    this.expect = { members: inventory.etcd.map((e) => e.memberName) };
  }
  inventory;
  state;
  backup;
  options;
  steps = [];
  warnings = [];
  /** What verification expects afterwards; a restore from a backup adds what the backup holds. */
  expect;
  /** Only the data: the probe may hand over a whole Layout (with its functions). */
  paths;
  /** What names the env a member starts with, for undo texts. */
  envFile;
  ts;
  staging;
  stateOf;
  etcdHosts;
  members;
  memberOf;
  certsRestored = /* @__PURE__ */ new Set();
  /**
   * kubeadm: control-plane hosts whose archive comes back anyway (their certificates are
   * lost); on these, etcd's certificates come from it too, while etcd is stopped.
   */
  archiveHosts = /* @__PURE__ */ new Set();
  /** Kubespray runs etcd from its own unit; a blank node has only the distribution's. */
  unitFiles;
  push(...drafts) {
    this.steps.push(...drafts);
  }
  refOf(host) {
    const m = this.memberOf.get(host);
    return { name: m.memberName, peerURL: m.peerURL };
  }
  clientOf(host) {
    return this.memberOf.get(host).clientURL;
  }
  /** The keys of the env a member starts with: its name, the member list, state existing. */
  envFor(host, initialCluster, token) {
    const e = this.etcdHosts.get(host);
    const set = {
      ETCD_NAME: e.memberName,
      ETCD_INITIAL_CLUSTER: initialCluster,
      ETCD_INITIAL_CLUSTER_STATE: "existing",
      ETCD_INITIAL_ADVERTISE_PEER_URLS: this.memberOf.get(host).peerURL
    };
    if (token) set.ETCD_INITIAL_CLUSTER_TOKEN = token;
    return set;
  }
  moveAside(host, path, why, group) {
    this.push(
      draft(
        "move-aside",
        host,
        {
          path,
          to: `${path}.${this.ts}`,
          ...path === this.paths.dataDir ? { recreate: true } : {}
        },
        why,
        `mv ${path}.${this.ts} ${path}`,
        true,
        group
      )
    );
  }
  /**
   * A node's archive replaces its cert dirs. One step: what is there now (the cert dirs and
   * every path the archive holds) is moved aside by the same command that then extracts the
   * checked archive, one round trip to the node instead of one per dir.
   */
  restoreArchive(host, origin, why, group) {
    const dirs = [this.paths.etcdCertDir, ...this.paths.kubernetesCertDirs];
    this.push(
      draft(
        "restore-certs",
        host,
        { from: origin, moveAside: dirs },
        `${why}; the node's archive brings them back with their original modes and owners, once what is there now is moved aside`,
        `mv each <dir>.${this.ts} back over <dir> (${dirs.join(", ")} and the archive's other paths)`,
        true,
        group
      )
    );
    if (this.kubeadm) this.kubeletClient(host, group);
  }
  /**
   * kubeadm: the archive brings kubelet.conf back, not the client certificate it names (the
   * kubelet's own, in /var/lib/kubelet/pki). Without a valid one the kubelet exits at start, and
   * no static pod runs: checked, and made where it must be, before etcd starts there.
   */
  kubeletClient(host, group) {
    this.push(
      draft(
        "kubelet-client",
        host,
        { nodeName: this.inventory.nodeNames?.[host] ?? host },
        `the kubelet of ${host} must sign in to start its static pods: its client certificate is checked and, where it is missing, expired or not the cluster CA's, signed anew with that CA (as kubeadm init does)`,
        kubeletClientUndo(this.ts),
        true,
        group
      )
    );
  }
  /** Whether the plan restores this node's archive already. */
  hasArchive(host) {
    return this.certsRestored.has(host);
  }
  /** Restores a node's archive from the backup once, however many cases ask for it. */
  restoreArchiveOnce(host, origin, why) {
    if (this.certsRestored.has(host)) return;
    this.certsRestored.add(host);
    this.restoreArchive(host, origin, why);
  }
  /**
   * Puts back the certificates an etcd member needs before it can start. With `group`, an
   * archive from the backup is put back side by side with the other nodes' of that group (each
   * node's own move-asides first); a copy from a peer is never grouped.
   */
  ensureEtcdCerts(host, peer, group) {
    if (this.certsRestored.has(host)) return;
    const s = this.stateOf.get(host);
    if (s?.etcdCertsPresent && !this.archiveHosts.has(host)) return;
    this.certsRestored.add(host);
    const object = this.backup?.certArchives[host];
    const origin = this.backup && object ? { kind: "backup", location: this.backup.location, object } : peer ? { kind: "peer", node: peer, paths: [this.paths.etcdCertDir, ...this.unitFiles] } : void 0;
    if (!origin) {
      throw new InputError(
        `etcd certificates are missing on '${host}' and neither a backup archive of that node nor a healthy peer can supply them: pass --backup DIR|URL.`
      );
    }
    if (origin.kind === "backup") {
      const why = s?.etcdCertsPresent ? `control-plane certificates of ${host} are lost` : `etcd certificates are missing on ${host}`;
      this.restoreArchive(host, origin, why, group);
      return;
    }
    if (this.kubeadm) {
      throw new InputError(
        `etcd certificates are missing on '${host}', and the backup set ${this.backup ? `has no archive of '${host}'` : "was not given"}: on kubeadm every member has server and peer certificates of its own (its name and address in them), so they cannot be copied from ${origin.node}. Pass --backup with a set that holds ${host}'s archive, or make its certificates with 'kubeadm init phase certs etcd-server etcd-peer etcd-healthcheck-client' on ${host} first.`
      );
    }
    this.warnings.push(
      `${host}: no archive of this node in the backup set; its etcd certificates and unit are copied from ${origin.node} (Kubespray puts every member's certificates on every etcd node).`
    );
    this.moveAside(host, this.paths.etcdCertDir, "whatever is left there is kept, never deleted");
    this.push(
      draft(
        "restore-certs",
        host,
        { from: origin },
        `etcd certificates are missing on ${host}`,
        `the replaced files were moved aside with suffix .${this.ts}; move them back`,
        true
      )
    );
  }
  get kubeadm() {
    return this.state.layout === "kubeadm";
  }
  /**
   * Stops etcd on `host` before its data or certificates change. On kubeadm always (moving a
   * manifest that is not there is nothing): a kubelet restarts a crashed static pod on its own,
   * so "not running now" does not mean it stays stopped.
   */
  stopEtcd(host, reason, group) {
    if (!this.kubeadm && !this.stateOf.get(host)?.etcdRunning) return;
    this.push(draft("stop-etcd", host, {}, reason, "start etcd again", false, group));
  }
  /** Kubespray's join: member add, env with state existing and the list of that moment, start, wait. */
  rejoin(host, control, current, token, templateFrom) {
    const ref = this.refOf(host);
    this.push(
      draft(
        "member-add",
        control,
        { member: ref.name, peerURL: ref.peerURL },
        `${ref.name} rejoins the cluster`,
        `etcdctl member remove <id of ${ref.name}>`,
        true
      )
    );
    current.push(ref);
    this.push(
      draft(
        "write-env",
        host,
        { set: this.envFor(host, clusterString(current), token), templateFrom },
        `a joining member starts with state 'existing' and the cluster's current member list`,
        `the previous ${this.envFile} is kept as ${keptCopyOf(this.envFile, this.paths.manifestsDir, this.ts)}`,
        false
      ),
      draft("start-etcd", host, {}, `${ref.name} joins`, "stop etcd", false),
      draft(
        "wait-healthy",
        host,
        { members: [ref], clientURLs: [this.clientOf(host)] },
        'etcd answers "unhealthy cluster" to the next member add until this one has joined',
        "nothing to undo",
        false
      )
    );
  }
  /** Verification on the anchor, then the staged snapshots go; ids from the final order. */
  finish(anchor) {
    this.push(
      draft(
        "verify",
        anchor,
        { expectMembers: this.inventory.etcd.length },
        "prove the result: members healthy, count, revision, keys, certificates",
        "nothing to undo",
        false
      )
    );
    const staged = /* @__PURE__ */ new Map();
    for (const d of this.steps) {
      const path = d.action === "snapshot-save" ? d.params.path : d.action === "fetch-snapshot" ? d.params.to : void 0;
      if (path !== void 0) staged.set(`${d.node}\0${path}`, { node: d.node, path });
    }
    for (const { node, path } of staged.values()) {
      this.push(
        draft(
          "discard-staged",
          node,
          { path },
          "the staged snapshot holds every Secret of the cluster; the restored data dirs are verified",
          "nothing to undo (the backup set or the survivor\u2019s moved-aside data dir still has it)",
          false,
          "discard"
        )
      );
    }
    const width = Math.max(2, String(this.steps.length).length);
    return this.steps.map(
      (d, i) => ({ ...d, id: `${String(i + 1).padStart(width, "0")}-${d.action}-${d.node}` })
    );
  }
};

// src/recovery/planners/cert-loss.ts
function planCertLoss(d, c) {
  const { certsOnly, brokenCp, brokenEtcd } = c;
  if (certsOnly.length > 0 && c.etcdCase) {
    throw new InputError(
      `etcd runs on ${certsOnly.join(", ")} but its certificates are gone there, so the probe cannot tell whether ${brokenEtcd.join(", ")} ${brokenEtcd.length === 1 ? "is" : "are"} really lost. Restore the certificates first: put ${certsOnly.join(", ")} in [broken_kube_control_plane] with an empty [broken_etcd] (kube-rescue inventory recover --broken-control-plane ${certsOnly.join(",")}), restore with --backup, then plan again.`
    );
  }
  if (d.kubeadm) {
    planStaticPodCertLoss(d, c);
    return;
  }
  for (const host of certsOnly) d.ensureEtcdCerts(host, void 0);
  for (const host of certsOnly) {
    const ref = d.refOf(host);
    d.push(
      draft(
        "stop-etcd",
        host,
        {},
        `${ref.name} must restart to read its restored certificates; its data stays as it is`,
        "start etcd again",
        false
      ),
      draft("start-etcd", host, {}, `${ref.name} starts with its own data`, "stop etcd", false),
      draft(
        "wait-healthy",
        host,
        { members: [ref], clientURLs: [d.clientOf(host)] },
        "the next member restarts only when this one is back",
        "nothing to undo",
        false
      )
    );
  }
  const { backup } = d;
  for (const host of brokenCp) {
    const object = backup?.certArchives[host];
    if (!object || !backup) {
      throw new InputError(
        `Backup ${backup?.location} has no certificate archive for control-plane node '${host}': take backups without --etcd-only, or remove '${host}' from [broken_kube_control_plane].`
      );
    }
    d.restoreArchiveOnce(
      host,
      { kind: "backup", location: backup.location, object },
      `control-plane certificates of ${host} are lost`
    );
  }
}
function planStaticPodCertLoss(d, c) {
  const { backup } = d;
  const archiveOf = (host) => {
    const object = backup?.certArchives[host];
    if (!object || !backup) {
      throw new InputError(
        `Backup ${backup?.location ?? "(none given)"} has no certificate archive for control-plane node '${host}': on kubeadm its certificates and static-pod manifests come back from that archive only. Pass --backup with a set taken without --etcd-only.`
      );
    }
    return { kind: "backup", location: backup.location, object };
  };
  const hosts = [.../* @__PURE__ */ new Set([...c.certsOnly, ...c.brokenCp])].filter((h) => !d.hasArchive(h));
  const members = hosts.filter((h) => d.etcdHosts.has(h));
  for (const host of members) {
    d.stopEtcd(
      host,
      `etcd of ${host} restarts on the certificates and manifest of its archive`,
      "stop"
    );
  }
  for (const host of hosts) {
    d.restoreArchiveOnce(
      host,
      archiveOf(host),
      c.certsOnly.includes(host) ? `etcd certificates are missing on ${host}` : `control-plane certificates of ${host} are lost`
    );
  }
  for (const host of members) {
    d.push(
      draft(
        "start-etcd",
        host,
        {},
        `${d.refOf(host).name} starts with its own data and its restored certificates`,
        "stop etcd",
        false,
        "start"
      )
    );
  }
  if (members.length > 0) {
    d.push(
      draft(
        "wait-healthy",
        members[0],
        { members: members.map((h) => d.refOf(h)), clientURLs: members.map((h) => d.clientOf(h)) },
        "the members that restarted must be healthy before anything else",
        "nothing to undo",
        false
      )
    );
  }
}
function planControlPlaneRestarts(d, brokenCp, restoredSnapshot, replacedMembers) {
  const restartOn = new Set(brokenCp);
  if (restoredSnapshot) for (const h of d.inventory.controlPlane) restartOn.add(h);
  const localEtcdReplaced = d.kubeadm && !restoredSnapshot ? replacedMembers : [];
  for (const h of localEtcdReplaced) restartOn.add(h);
  for (const host of d.inventory.controlPlane.filter((h) => restartOn.has(h))) {
    d.push(
      draft(
        "restart-control-plane",
        host,
        {
          reason: brokenCp.includes(host) ? "its certificates were replaced" : restoredSnapshot ? "etcd was restored; the API server must relist" : "its etcd member was replaced; the API server reads only that member and may be in back-off"
        },
        "what reads the certificates or etcd must restart to see them",
        "nothing to undo",
        false,
        // After a snapshot restore every API server must relist and none serves meanwhile:
        // all nodes at once (each step only stops containers and restarts the kubelet, it
        // waits for nothing). Otherwise one node after another, as the certificates came back.
        restoredSnapshot ? "restart" : void 0
      )
    );
  }
}

// src/recovery/planners/host-removal.ts
function checkRemovableHosts(inventory, removeHosts) {
  if (removeHosts.length === 0) return;
  const etcdHosts = new Set(inventory.etcd.map((e) => e.host));
  const cpHosts = new Set(inventory.controlPlane);
  for (const h of removeHosts) {
    if (etcdHosts.has(h) || cpHosts.has(h)) continue;
    if (inventory.hosts?.includes(h)) {
      throw new InputError(
        `--remove-host ${h}: host '${h}' of ${inventory.source} is in neither [etcd] nor [kube_control_plane]; recovery removes only those. For a worker that will not return, run 'kubectl delete node ${inventory.nodeNames?.[h] ?? h}' yourself (or Kubespray's remove-node.yml).`
      );
    }
    throw new InputError(
      `--remove-host ${h}: there is no host '${h}' in ${inventory.source}. Name hosts as the inventory does (its [etcd]: ${inventory.etcd.map((e) => e.host).join(", ") || "none"}), then run again.`
    );
  }
  const gone = new Set(removeHosts);
  if (inventory.etcd.every((e) => gone.has(e.host))) {
    throw new InputError(
      `--remove-host would remove every etcd member of ${inventory.source} (${removeHosts.join(", ")}): no member would be left to restore the cluster to. Keep at least one etcd host; to rebuild on new hosts, add them to [etcd] and restore with --backup.`
    );
  }
  if (inventory.controlPlane.length > 0 && inventory.controlPlane.every((h) => gone.has(h))) {
    throw new InputError(
      `--remove-host would remove every control-plane host of ${inventory.source} (${removeHosts.join(", ")}): no API server would be left. Keep at least one host of [kube_control_plane].`
    );
  }
}
function withoutRemovedHosts(inventory, state, options) {
  const removed = [...new Set(options.removeHosts ?? [])];
  if (removed.length === 0) return { inventory, removals: [] };
  checkRemovableHosts(inventory, removed);
  const gone = new Set(removed);
  const etcd = inventory.etcd.filter((e) => !gone.has(e.host));
  const controlPlane = inventory.controlPlane.filter((h) => !gone.has(h));
  const cpHosts = new Set(inventory.controlPlane);
  const healthy = removed.filter((h) => {
    const e = state.etcd.find((s) => s.host === h);
    if (e) return e.healthy;
    const c = state.controlPlane.find((s) => s.host === h);
    return Boolean(c?.reachable && c.certsPresent);
  });
  if (healthy.length > 0 && !options.force) {
    throw new InputError(
      `--remove-host ${healthy.join(", ")}: the probe finds ${healthy.length === 1 ? "this host" : "these hosts"} healthy, so removing ${healthy.length === 1 ? "it" : "them"} would shrink a working cluster (its etcd member leaves, its Node is deleted). Drop --remove-host for hosts that will return, or pass --force if the shrink is intended.`
    );
  }
  const removals = removed.map((host) => {
    const e = inventory.etcd.find((m) => m.host === host);
    const peer = state.etcd.find((s) => s.host === host)?.peerUrl ?? (e && peerURLOf(e.address));
    const listed = e ? state.members.find((m) => m.name === e.memberName || peer && m.peerURLs.includes(peer)) : void 0;
    const nodeName = inventory.nodeNames ? inventory.nodeNames[host] : cpHosts.has(host) ? host : void 0;
    return { host, ...listed ? { listed } : {}, ...nodeName ? { nodeName } : {} };
  });
  const keep = (hosts) => hosts?.filter((h) => !gone.has(h));
  return {
    inventory: {
      ...inventory,
      etcd,
      controlPlane,
      brokenEtcd: keep(inventory.brokenEtcd),
      brokenControlPlane: keep(inventory.brokenControlPlane)
    },
    removals
  };
}
function planLeavingMembers(d, given, removals, c) {
  const leaving = removals.filter((r) => r.listed && c.working);
  for (const r of leaving) {
    d.push(
      draft(
        "member-remove",
        c.control,
        { member: r.listed.name, memberId: r.listed.id },
        `${r.host} will not return (--remove-host): ${r.listed.name} leaves the cluster; nothing runs on ${r.host}`,
        `etcdctl member add ${r.listed.name} --peer-urls=${r.listed.peerURLs[0] ?? "<its peer URL>"} once the host is back with an empty data dir`,
        true
      )
    );
  }
  for (const r of removals) {
    const member = given.etcd.find((e) => e.host === r.host);
    if (!member) continue;
    const how = leaving.includes(r) ? `leaves the member list (removed from ${c.control})` : c.restoresSnapshot ? "is left out of the restored cluster (--initial-cluster)" : r.listed ? "stays in the member list: no healthy member can remove it now" : "is not in the member list: nothing to remove";
    d.warnings.push(
      `${r.host} (${member.memberName}) will not return: it ${how}. Nothing runs on ${r.host}; its data dir ${d.paths.dataDir} there is left as it was \u2014 should the host come back, move that dir aside before its etcd starts (the cluster refuses a removed member).`
    );
  }
  return leaving;
}
function planNodeDeletions(d, removals, anchor) {
  const nodes = removals.filter((r) => r.nodeName);
  if (nodes.length === 0) return;
  const { inventory, state } = d;
  const candidates = [
    ...inventory.controlPlane.filter((h) => h === anchor),
    ...inventory.controlPlane.filter((h) => h !== anchor)
  ];
  const withKubectl = candidates.find((h) => state.kubectlOn?.includes(h));
  const runner = withKubectl ?? (state.layout === "kubeadm" ? candidates[0] : void 0);
  for (const r of nodes) {
    if (!runner) {
      d.warnings.push(
        `${r.host} will not return, but no control-plane node left here has kubectl with ${ADMIN_KUBECONFIG}: delete its Node yourself once the API answers ('kubectl delete node ${r.nodeName}', or Kubespray's remove-node.yml -e node=${r.host} -e reset_nodes=false).`
      );
      continue;
    }
    const params = {
      nodeName: r.nodeName,
      host: r.host,
      kubeconfig: ADMIN_KUBECONFIG
    };
    d.push(
      draft(
        "delete-node",
        runner,
        params,
        `${r.host} will not return: its Node object goes, so nothing waits for it or schedules onto it`,
        "the kubelet re-registers the Node when the host returns; nothing was moved on a node",
        true
      )
    );
  }
}

// src/recovery/planners/member-loss.ts
function planMemberLoss(d, c) {
  const { state, stateOf, etcdHosts, paths } = d;
  const { control } = c;
  const current = state.members.filter((m) => !c.membersLeaving.some((r) => r.listed.id === m.id)).map((m) => ({ name: m.name, peerURL: m.peerURLs[0] ?? "" }));
  for (const host of c.brokenEtcd) {
    const e = etcdHosts.get(host);
    const listed = state.members.find((m) => m.name === e.memberName);
    if (listed) {
      d.push(
        draft(
          "member-remove",
          control,
          { member: e.memberName, memberId: listed.id },
          `${e.memberName} (${host}) is broken; it must leave before a blank node can rejoin under its name`,
          `etcdctl member add ${e.memberName} --peer-urls=${listed.peerURLs[0] ?? peerURLOf(e.address)} (the next steps do exactly that)`,
          true
        )
      );
      current.splice(
        current.findIndex((r) => r.name === e.memberName),
        1
      );
    }
    d.stopEtcd(
      host,
      stateOf.get(host)?.etcdRunning ? `a broken etcd still runs on ${host}` : `the kubelet would restart the broken etcd of ${host} from its manifest`
    );
    d.ensureEtcdCerts(host, control);
    d.moveAside(host, paths.dataDir, `a rejoining member must start with an empty data dir`);
    d.rejoin(host, control, current, void 0, control);
  }
}

// src/recovery/revision-bump.ts
var BUMP_REVISION = 1e9;
var ASSUMED_WRITES_PER_SECOND = 1500;
function chooseRevisionBump(seenRevision, snapshotRevision, backupCreatedAt, options) {
  const gap = seenRevision !== void 0 && snapshotRevision !== void 0 ? Math.max(0, seenRevision - snapshotRevision) : void 0;
  const what = 'so that the restored revision is above every revision the old cluster handed out, and --mark-compacted makes a watch from before the restore fail with "compacted" (clients relist) instead of silently resuming';
  if (options.bumpRevision !== void 0) {
    if (gap !== void 0 && options.bumpRevision <= gap) {
      throw new InputError(
        `--bump-revision ${options.bumpRevision} is not above the ${gap} revisions the running members handed out after the snapshot (revision ${snapshotRevision} \u2192 ${seenRevision}): revisions would repeat for clients. Pass more than ${gap}, or leave --bump-revision out (default ${BUMP_REVISION.toLocaleString("en-US")}).`
      );
    }
    return {
      amount: options.bumpRevision,
      reason: `--bump-revision ${options.bumpRevision} as asked, ${what}`
    };
  }
  const ageSeconds = backupCreatedAt ? Math.max(0, (options.now.getTime() - Date.parse(backupCreatedAt)) / 1e3) : void 0;
  const byAge = ageSeconds !== void 0 ? ageSeconds * ASSUMED_WRITES_PER_SECOND : 0;
  const byGap = gap !== void 0 ? gap * 2 : 0;
  const needed = Math.max(BUMP_REVISION, byAge, byGap);
  const amount = Math.ceil(needed / BUMP_REVISION) * BUMP_REVISION;
  const why = amount === BUMP_REVISION ? `${BUMP_REVISION.toLocaleString("en-US")} (etcd's recovery guide: more than the writes since the snapshot \u2014 1e9 covers a week at ${ASSUMED_WRITES_PER_SECOND} writes/s; OpenShift's cluster-restore.sh bumps by the same)` : byAge >= byGap ? `${amount.toLocaleString("en-US")}: the backup is ${Math.round(ageSeconds / 86400)} days old, and at etcd's assumed ${ASSUMED_WRITES_PER_SECOND} writes/s that is more than the default 1e9 covers` : `${amount.toLocaleString("en-US")}: running members handed out ${gap} revisions after the snapshot, doubled for what went unseen`;
  return { amount, reason: `bump by ${why}, ${what}` };
}

// src/recovery/planners/snapshot-restore.ts
var stagePathOf = (d) => `${d.staging}/kube-rescue-${d.ts}.XXXXXX/etcd.db`;
function bumpAbility(d) {
  const { inventory, stateOf, state, options } = d;
  const cannotBump = inventory.etcd.filter(
    (e) => !(stateOf.get(e.host)?.tools?.bumpRevision ?? state.toolsBumpRevision)
  );
  if (cannotBump.length === 0) return { bump: true };
  const tools = stateOf.get(cannotBump[0].host)?.tools;
  const version = tools ? `${tools.snapshotTool} ${tools.snapshotToolVersion} on ${cannotBump.map((e) => e.host).join(", ")}` : state.toolsVersion;
  if (options.bumpRevision !== void 0) {
    throw new InputError(
      `--bump-revision ${options.bumpRevision}: the etcd tools here (${version}) cannot bump the revision \u2014 --bump-revision/--mark-compacted came with etcdutl in etcd 3.5. Leave --bump-revision out to restore without a bump, or install etcd 3.5+ tools (etcd, etcdutl) on the etcd nodes.`
    );
  }
  const reason = `etcd tools ${version} cannot --bump-revision/--mark-compacted (they came in 3.5): the revision is not bumped, so Kubernetes watchers and caches may keep serving objects newer than the snapshot until they relist; the plan restarts the control plane for that (etcd#16028).`;
  d.warnings.push(reason);
  return { bump: false, revisionBump: { amount: 0, markCompacted: false, reason } };
}
function bumpFor(d, choice) {
  const { inventory, stateOf, backup, options } = d;
  const seen = Math.max(
    ...inventory.etcd.map((e) => stateOf.get(e.host)?.revision ?? Number.NEGATIVE_INFINITY)
  );
  const { source } = choice;
  const snapshotRevision = source.kind === "backup" ? source.revision : stateOf.get(choice.first)?.revision;
  const chosen = chooseRevisionBump(
    Number.isFinite(seen) ? seen : void 0,
    snapshotRevision,
    source.kind === "backup" ? backup?.createdAt : void 0,
    options
  );
  return { ...chosen, markCompacted: true };
}
function backupSnapshot(d, first) {
  const backup = d.backup;
  d.expect.minRevision = backup.revision;
  d.expect.totalKey = backup.totalKey;
  d.expect.fingerprint = backup.fingerprint;
  d.expect.hashKV = backup.hashKV;
  return {
    source: { kind: "backup", location: backup.location, revision: backup.revision },
    origin: { kind: "backup", location: backup.location, object: backup.snapshotObject },
    first
  };
}
function planRestoreFromSnapshot(d, choice, revisionBump, strategy) {
  const { inventory, stateOf, paths, ts, envFile, state } = d;
  const { origin, first } = choice;
  const stagePath = stagePathOf(d);
  const token = `${state.clusterName || "etcd"}-restore-${ts}`.toLowerCase();
  const order = [first, ...inventory.etcd.map((e) => e.host).filter((h) => h !== first)];
  const all = order.map((h) => d.refOf(h));
  const restoreNow = strategy === "parallel" ? order : [first];
  for (const host of order) {
    d.stopEtcd(
      host,
      "every member is rebuilt from one snapshot; nothing may write meanwhile",
      "stop"
    );
  }
  const peerWithCerts = inventory.etcd.find((e) => stateOf.get(e.host)?.etcdCertsPresent)?.host;
  for (const host of order) d.ensureEtcdCerts(host, peerWithCerts, "prepare");
  for (const host of order) {
    d.moveAside(host, paths.dataDir, "the old data dir is kept, never deleted", "prepare");
  }
  for (const host of restoreNow) {
    const sameNode = origin.kind === "node" && origin.node === host;
    if (!sameNode) {
      d.push({
        ...draft(
          "fetch-snapshot",
          host,
          { from: origin, to: stagePath },
          "the snapshot must be on the node that restores it",
          `rm ${stagePath}`,
          false,
          "prepare"
        ),
        lane: "upload"
      });
    }
  }
  const initialClusterOf = (host) => clusterString(strategy === "parallel" ? all : [d.refOf(host)]);
  for (const host of restoreNow) {
    const ref = d.refOf(host);
    d.push(
      draft(
        "restore-snapshot",
        host,
        {
          snapshot: stagePath,
          dataDir: paths.dataDir,
          member: ref.name,
          peerURL: ref.peerURL,
          initialCluster: initialClusterOf(host),
          initialClusterToken: token,
          ...revisionBump?.amount ? { bumpRevision: revisionBump.amount, markCompacted: true } : {}
        },
        (strategy === "parallel" ? "every member from the same snapshot, with the full member list and a new cluster token (etcd disaster recovery)" : `${ref.name} alone from the snapshot; the others rejoin one at a time (Kubespray's way)`) + (revisionBump?.amount ? `; with ${stateOf.get(host)?.tools?.snapshotTool ?? "etcdutl"} snapshot restore --bump-revision=${revisionBump.amount} --mark-compacted: ${revisionBump.reason}` : "; no revision bump (the tools cannot)"),
        `stop etcd, then mv ${paths.dataDir}.${ts} ${paths.dataDir}`,
        true,
        "restore"
      )
    );
  }
  for (const host of restoreNow) {
    d.push({
      ...draft(
        "write-env",
        host,
        { set: d.envFor(host, initialClusterOf(host), token), templateFrom: peerWithCerts },
        "the env file must name the restored cluster",
        `the previous ${envFile} is kept as ${keptCopyOf(envFile, paths.manifestsDir, ts)}`,
        false,
        "restore"
      ),
      lane: "env"
    });
  }
  for (const host of restoreNow) {
    d.push(
      draft(
        "start-etcd",
        host,
        {},
        strategy === "parallel" ? "the restored members start together (each waits for the others to form a quorum)" : "the single restored member starts",
        "stop etcd",
        false,
        "start"
      )
    );
  }
  const restoredRefs = restoreNow.map((h) => d.refOf(h));
  d.push(
    draft(
      "wait-healthy",
      first,
      { members: restoredRefs, clientURLs: restoreNow.map((h) => d.clientOf(h)) },
      "the next steps need a working cluster",
      "nothing to undo",
      false
    )
  );
  if (strategy === "grow") {
    const current = [...restoredRefs];
    for (const host of order.slice(1)) d.rejoin(host, first, current, token, peerWithCerts);
  }
}

// src/recovery/planners/quorum-loss.ts
function planQuorumLoss(d, survivors) {
  const ability = bumpAbility(d);
  let choice;
  if (d.backup && d.options.preferBackupSnapshot) {
    choice = backupSnapshot(d, survivors[0].host);
    d.warnings.push(
      `${survivors.map((s) => s.host).join(", ")} still hold data, but the backup's snapshot was asked for: writes after revision ${d.backup.revision} are lost.`
    );
  } else {
    choice = survivorSnapshot(d, survivors);
  }
  const revisionBump = ability.bump ? bumpFor(d, choice) : ability.revisionBump;
  planRestoreFromSnapshot(d, choice, revisionBump, d.options.strategy);
  return { choice, revisionBump };
}
function survivorSnapshot(d, survivors) {
  const best = [...survivors].sort(
    (a, b) => (d.stateOf.get(b.host).raftIndex ?? 0) - (d.stateOf.get(a.host).raftIndex ?? 0)
  )[0];
  const bs = d.stateOf.get(best.host);
  const stagePath = stagePathOf(d);
  d.push(
    draft(
      "snapshot-save",
      best.host,
      { endpoint: d.clientOf(best.host), path: stagePath },
      `${best.host} has the highest raft index (${bs.raftIndex}) of the survivors`,
      `rm ${stagePath} on ${best.host} when the recovery is done`,
      false
    )
  );
  return {
    source: {
      kind: "survivor",
      node: best.host,
      member: best.memberName,
      raftIndex: bs.raftIndex ?? 0
    },
    origin: { kind: "node", node: best.host, path: stagePath },
    first: best.host
  };
}

// src/recovery/planners/refusals.ts
function minorOf(version) {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? "");
  return m ? [Number(m[1]), Number(m[2])] : void 0;
}
function refuseUnknownBrokenHosts(given, source) {
  for (const [group, hosts, known] of [
    ["broken_etcd", given.brokenEtcd ?? [], new Set(given.etcd.map((e) => e.host))],
    ["broken_kube_control_plane", given.brokenControlPlane ?? [], new Set(given.controlPlane)]
  ]) {
    for (const h of hosts) {
      if (!known.has(h)) {
        throw new InputError(
          `${source}: host '${h}' in [${group}] is not in [${group === "broken_etcd" ? "etcd" : "kube_control_plane"}]. List only hosts of that group (check the spelling), then run again.`
        );
      }
    }
  }
}
function refuseUnreachable(hosts, stateOf, cpStateOf) {
  const unreachable = hosts.filter(
    (h) => (stateOf.get(h)?.reachable ?? cpStateOf.get(h)?.reachable) === false
  );
  if (unreachable.length > 0) {
    const why = unreachable.map((h) => {
      const errs = stateOf.get(h)?.errors ?? cpStateOf.get(h)?.errors ?? [];
      return errs.length > 0 ? `${h}: ${errs[0]}` : h;
    }).join("\n  ");
    throw new InputError(
      `${unreachable.length === 1 ? "This broken host does" : "These broken hosts do"} not answer, and recovery must run commands on ${unreachable.length === 1 ? "it" : "them"}:
  ${why}
Bring them back or re-provision them (same IP, same hostname, SSH key authorized), check --transport/--ssh-user/--ssh-key, then run again. A host that will not return: name it with --remove-host ${unreachable[0]} (action input remove-hosts), and the cluster shrinks without it.`
    );
  }
}
function refuseUncertain(inventory, stateOf, c, options) {
  if (options.force) return;
  const { brokenEtcd, brokenFrom, restoresSnapshot } = c;
  const declared = brokenFrom === "inventory" ? brokenEtcd : [];
  const targets = restoresSnapshot ? inventory.etcd.map((e) => e.host) : brokenEtcd;
  const uncertain = targets.filter((h) => !declared.includes(h) && stateOf.get(h)?.unknown);
  if (uncertain.length === 0) return;
  const one = uncertain.length === 1;
  throw new InputError(
    `${uncertain.map((h) => `${h} ${stateOf.get(h).unknown}`).join(";\n")};
the cluster may be healthy: no answer in time is no evidence that ${one ? "this member is" : "these members are"} lost, and this plan would ${restoresSnapshot ? "restore a snapshot over" : "replace"} ${uncertain.join(", ")} (${brokenEtcd.length} of ${inventory.etcd.length} members judged broken). Nothing was changed. Run plan again (when the nodes are less loaded, or with a longer --probe-timeout), or pass --force if you know ${uncertain.join(", ")} to be lost, or name the broken hosts in [broken_etcd].`
  );
}
function refuseEmptyQuorum(stateOf, c, options) {
  if (options.force || c.restoresSnapshot || c.brokenEtcd.length === 0) return;
  if (c.etcdCase !== "member-loss") return;
  const revisions = c.healthyVoters.map((v) => stateOf.get(v.host)?.revision);
  if (revisions.length === 0 || !revisions.every((r) => r !== void 0 && r <= 1)) return;
  const holding = c.brokenEtcd.filter((h) => stateOf.get(h)?.dataDir === "present");
  if (holding.length === 0) return;
  const hosts = c.healthyVoters.map((v) => v.host);
  throw new InputError(
    `${hosts.join(", ")} answer${hosts.length === 1 ? "s" : ""} healthy, but with an empty store (revision ${revisions.join(", ")}: no write ever reached ${hosts.length === 1 ? "it" : "them"}), and this plan would replace ${holding.join(", ")} from ${hosts.length === 1 ? "it" : "them"}, whose data dir still holds data: if that is the cluster's data, replacing ${holding.length === 1 ? "it" : "them"} loses it. A Kubernetes cluster never sits at revision 1: these look like members etcd re-created on wiped data dirs. Nothing was changed. Name the wiped hosts in [broken_etcd] (then the plan restores a snapshot), or pass --force if the cluster really is new and empty.`
  );
}
function refuseUnsafeRestore(inventory, state, stateOf, backup, options, c) {
  const { etcdCase, brokenEtcd, brokenCp, healthyVoters, restoresSnapshot, removals, brokenFrom } = c;
  if (restoresSnapshot && state.quorum && !options.force) {
    throw new InputError(
      `The cluster still has quorum (the probe found ${healthyVoters.length} healthy of ${state.members.length} members), but the inventory marks ${brokenEtcd.join(", ")} as broken so that no healthy member would remain: restoring a snapshot over a working cluster throws away every write since the snapshot. Remove the healthy hosts from [broken_etcd], or pass --force if that loss is intended.`
    );
  }
  const healthy = inventory.etcd.filter((e) => stateOf.get(e.host)?.healthy).map((e) => e.host).filter((h) => brokenFrom === "probe" || brokenEtcd.includes(h));
  if (restoresSnapshot && healthy.length > 0 && !options.force) {
    throw new InputError(
      `${healthy.join(", ")} answered healthy, yet this plan (${etcdCase}) would restore a snapshot onto ${brokenEtcd.join(", ")}: with a healthy member the cluster should get a member-replacement plan, and a snapshot restore would throw away every write since the snapshot. Nothing was changed. Run plan again, or pass --force if that loss is intended.`
    );
  }
  const running = inventory.etcd.map((e) => e.host).filter((h) => {
    const s = stateOf.get(h);
    const askable = s?.etcdRunning && s.etcdCertsPresent && !s.lost;
    return askable && !(brokenFrom === "inventory" && brokenEtcd.includes(h));
  });
  if (etcdCase === "total-loss" && running.length > 0 && !options.force) {
    throw new InputError(
      `etcd runs on ${running.join(", ")} but the probe got no status from ${running.length === 1 ? "it" : "them"}, so ${running.length === 1 ? "it is" : "they are"} not known to be lost: a total-loss plan would restore the backup over ${running.length === 1 ? "a member" : "members"} that may hold newer data. Nothing was changed. Run plan again, or pass --force if you know ${running.join(", ")} to be lost.`
    );
  }
  const etcdVersions = restoresSnapshot ? nodeEtcdVersions(inventory, stateOf, state) : void 0;
  if (etcdVersions && etcdVersions.minors.size > 1 && !options.force) {
    throw new InputError(
      `The etcd nodes run different etcd minor versions (${etcdVersions.list}): a snapshot is restored and then served by one etcd minor. Install the same etcd version on every etcd node (etcd, etcdctl, etcdutl), or pass --force if a mixed cluster is intended.`
    );
  }
  if (etcdCase === "total-loss" && !backup) {
    throw new InputError(
      `No etcd member has data left (${inventory.etcd.map((e) => e.host).join(", ")} ${inventory.etcd.length === 1 ? "is" : "are all"} broken or unreachable${removals.length > 0 ? `, and ${removals.map((r) => r.host).join(", ")} will not return` : ""}), so the cluster can only come back from a backup set: pass --backup DIR|URL.`
    );
  }
  if (brokenCp.length > 0 && !backup) {
    throw new InputError(
      `Control-plane certificates must be restored on ${brokenCp.join(", ")}, and only a backup set has them: pass --backup DIR|URL (a backup taken with certificates, not --etcd-only).`
    );
  }
  if (backup) {
    if (state.clusterName && backup.clusterName !== state.clusterName && !options.force) {
      throw new InputError(
        `Backup ${backup.location} is of cluster '${backup.clusterName}', but the inventory ${inventory.source} describes '${state.clusterName}'. Pick a backup of this cluster, or pass --force if the name changed.`
      );
    }
    if (backup.clusterId && state.clusterId && backup.clusterId !== state.clusterId && !options.force) {
      throw new InputError(
        `Backup ${backup.location} comes from etcd cluster id ${backup.clusterId}, the running cluster is ${state.clusterId}. Pick a backup of this cluster, or pass --force.`
      );
    }
    const runningVersion = state.serverVersion ?? etcdVersions?.first ?? state.toolsVersion;
    const running2 = minorOf(runningVersion);
    const saved = minorOf(backup.etcdVersion);
    const differs = running2 && saved && (running2[0] !== saved[0] || running2[1] !== saved[1]);
    if (restoresSnapshot && differs && !options.force) {
      throw new InputError(
        `Backup ${backup.location} was taken from etcd ${backup.etcdVersion}, the nodes run ${runningVersion}: a snapshot is restored with the same minor version. Restore with matching etcd tools, or pass --force.`
      );
    }
    if (backup.encrypted && !options.haveIdentity) {
      throw new InputError(
        `Backup ${backup.location} is encrypted with age: pass --identity FILE (the age identity of one of its recipients).`
      );
    }
  }
}
function nodeEtcdVersions(inventory, stateOf, state) {
  const unknown = inventory.etcd.filter((e) => stateOf.get(e.host)?.toolsError);
  if (unknown.length > 0) {
    throw new InputError(
      `Cannot tell which etcd ${unknown.length === 1 ? "this node has" : "these nodes have"}, and a snapshot restore depends on it (etcdutl or etcdctl, revision bump, snapshot version):
  ` + unknown.map((e) => stateOf.get(e.host).toolsError).join("\n  ") + "\nInstall etcd, etcdctl and etcdutl of the cluster's version on each (Kubespray puts them in /usr/local/bin), then run again. Nothing was changed."
    );
  }
  const versions = inventory.etcd.flatMap((e) => {
    const t = stateOf.get(e.host)?.tools;
    const v = t?.server ?? t?.snapshotToolVersion;
    return v ? [{ host: e.host, v }] : [];
  });
  if (state.serverVersion) versions.push({ host: "the running members", v: state.serverVersion });
  const minors = new Set(
    versions.flatMap(({ v }) => {
      const m = minorOf(v);
      return m ? [`${m[0]}.${m[1]}`] : [];
    })
  );
  return {
    ...versions[0] ? { first: versions[0].v } : {},
    minors,
    list: versions.map(({ host, v }) => `${host}: ${v}`).join(", ")
  };
}
function refuseStaticPodMismatch(inventory, state, stateOf, recovering) {
  if (state.layout !== "kubeadm") return;
  const cp = new Set(inventory.controlPlane);
  const offCp = inventory.etcd.filter((e) => !cp.has(e.host)).map((e) => e.host);
  if (offCp.length > 0) {
    throw new InputError(
      `${inventory.source}: ${offCp.map((h) => `'${h}'`).join(", ")} ${offCp.length === 1 ? "is" : "are"} in [etcd] but not in [kube_control_plane]: kubeadm runs etcd only as a static pod of a control-plane node (${state.paths.etcdManifest ?? `${state.paths.manifestsDir}/etcd.yaml`} there). Put every etcd host in [kube_control_plane] (or use --layout kubespray for etcd on hosts of its own), then run again.`
    );
  }
  if (!recovering) return;
  const problems = [];
  for (const e of inventory.etcd) {
    const f = stateOf.get(e.host)?.staticPod;
    if (!f) continue;
    const missing = [f.crictl ? "" : "crictl", f.ctr ? "" : "ctr"].filter(Boolean);
    if (missing.length > 0) {
      problems.push(
        `${e.host}: no ${missing.join(" and no ")} on its PATH \u2014 kube-rescue confirms each stop and start of the etcd static pod with crictl and runs the etcd image's etcdctl/etcdutl with ctr (containerd). Install ${missing.includes("crictl") ? "cri-tools" : ""}${missing.length === 2 ? " and " : ""}${missing.includes("ctr") ? "containerd" : ""} on ${e.host}`
      );
    }
    if (f.kubeletStaticPodPath && f.kubeletStaticPodPath !== state.paths.manifestsDir) {
      problems.push(
        `${e.host}: its kubelet reads static pods from ${f.kubeletStaticPodPath} (staticPodPath of /var/lib/kubelet/config.yaml), not from ${state.paths.manifestsDir} where the layout keeps etcd.yaml \u2014 stopping etcd there by moving its manifest would not stop it`
      );
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      `The static-pod flow cannot run on this kubeadm cluster; refusing before any change:
${problems.map((p) => `- ${p}`).join("\n")}
Nothing was changed. Fix the nodes (or pass the layout's paths to match the kubelet), then run again.`
    );
  }
}

// src/recovery/planners/total-loss.ts
function planTotalLoss(d) {
  const ability = bumpAbility(d);
  const choice = backupSnapshot(d, d.inventory.etcd[0].host);
  const revisionBump = ability.bump ? bumpFor(d, choice) : ability.revisionBump;
  planRestoreFromSnapshot(d, choice, revisionBump, d.options.strategy);
  return { choice, revisionBump };
}

// src/recovery/plan-types.ts
function deleteNodeArgv(params) {
  return [
    "kubectl",
    `--kubeconfig=${params.kubeconfig}`,
    "delete",
    "node",
    params.nodeName,
    "--ignore-not-found"
  ];
}

// src/recovery/plan.ts
function classify(inventory, state, d, removals) {
  const { stateOf } = d;
  const cpStateOf = new Map(state.controlPlane.map((c) => [c.host, c]));
  const brokenFrom = inventory.brokenEtcd !== void 0 || inventory.brokenControlPlane !== void 0 ? "inventory" : "probe";
  const certsOnly = brokenFrom === "probe" ? inventory.etcd.filter((e) => {
    const s = stateOf.get(e.host);
    return s?.reachable && s.etcdRunning && !s.healthy && !s.etcdCertsPresent;
  }).map((e) => e.host) : [];
  const brokenEtcd = inventory.brokenEtcd ?? inventory.etcd.filter((e) => !stateOf.get(e.host)?.healthy && !certsOnly.includes(e.host)).map((e) => e.host);
  const brokenCp = inventory.brokenControlPlane ?? inventory.controlPlane.filter((h) => !cpStateOf.get(h)?.certsPresent);
  const brokenSet = new Set(brokenEtcd);
  const survivors = inventory.etcd.filter((e) => {
    const s = stateOf.get(e.host);
    const declaredBroken = brokenFrom === "inventory" && brokenSet.has(e.host);
    return !declaredBroken && s?.reachable && s.etcdRunning && s.raftIndex !== void 0 && !s.lost;
  });
  const healthyVoters = inventory.etcd.filter(
    (e) => !brokenSet.has(e.host) && stateOf.get(e.host)?.healthy
  );
  const cases = [];
  let etcdCase;
  if (brokenEtcd.length > 0) {
    if (state.quorum && healthyVoters.length > 0) etcdCase = "member-loss";
    else if (survivors.length > 0) etcdCase = "quorum-loss";
    else etcdCase = "total-loss";
    cases.push(etcdCase);
  }
  if (brokenCp.length > 0 || certsOnly.length > 0) cases.push("cert-loss");
  if (removals.length > 0) cases.push("host-removal");
  if (cases.length === 0) cases.push("healthy");
  const restoresSnapshot = etcdCase === "quorum-loss" || etcdCase === "total-loss";
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
    removals
  };
}
function buildPlan(given, state, backup, options) {
  const { inventory, removals } = withoutRemovedHosts(given, state, options);
  refuseUnknownBrokenHosts(given, inventory.source);
  const d = new PlanDraft(inventory, state, backup, options);
  const c = classify(inventory, state, d, removals);
  const { brokenEtcd, brokenCp, certsOnly, healthyVoters, survivors, etcdCase } = c;
  if (d.kubeadm) {
    for (const h of brokenCp) if (backup?.certArchives[h]) d.archiveHosts.add(h);
  }
  refuseUncertain(inventory, d.stateOf, c, options);
  refuseEmptyQuorum(d.stateOf, c, options);
  refuseUnreachable(
    [.../* @__PURE__ */ new Set([...brokenEtcd, ...brokenCp])],
    d.stateOf,
    new Map(state.controlPlane.map((s) => [s.host, s]))
  );
  refuseUnsafeRestore(inventory, state, d.stateOf, backup, options, c);
  refuseStaticPodMismatch(given, state, d.stateOf, !c.cases.includes("healthy"));
  let anchor = healthyVoters[0]?.host ?? inventory.etcd[0]?.host ?? inventory.controlPlane[0];
  const working = state.quorum && healthyVoters.length > 0;
  const membersLeaving = planLeavingMembers(d, given, removals, {
    working,
    control: healthyVoters[0]?.host,
    restoresSnapshot: c.restoresSnapshot
  });
  let strategy = "none";
  let source = { kind: "none" };
  let revisionBump;
  if (etcdCase === "member-loss") {
    strategy = "member-replace";
    planMemberLoss(d, { brokenEtcd, control: healthyVoters[0].host, membersLeaving });
  } else if (etcdCase === "quorum-loss" || etcdCase === "total-loss") {
    strategy = options.strategy;
    const restored = etcdCase === "quorum-loss" ? planQuorumLoss(d, survivors) : planTotalLoss(d);
    source = restored.choice.source;
    anchor = restored.choice.first;
    revisionBump = restored.revisionBump;
  }
  planCertLoss(d, { certsOnly, brokenCp, brokenEtcd, etcdCase: etcdCase !== void 0 });
  planControlPlaneRestarts(
    d,
    brokenCp,
    c.restoresSnapshot,
    etcdCase === "member-loss" ? brokenEtcd : []
  );
  planNodeDeletions(d, removals, anchor);
  const steps = d.finish(anchor);
  const brokenWhy = Object.fromEntries(
    brokenEtcd.flatMap((h) => {
      const s = d.stateOf.get(h);
      const why = s?.lost ?? s?.unknown ?? s?.errors?.join("; ");
      return why ? [[h, why]] : [];
    })
  );
  return {
    cluster: state.clusterName,
    case: c.cases.join("+"),
    cases: c.cases,
    strategy: etcdCase ? strategy : c.cases.includes("cert-loss") ? "certs-only" : membersLeaving.length > 0 ? "member-remove" : "none",
    source,
    layout: state.layout,
    paths: d.paths,
    members: d.members,
    createdAt: options.now.toISOString(),
    brokenEtcd,
    brokenControlPlane: brokenCp,
    removedHosts: removals.map((r) => r.host),
    brokenFrom: c.brokenFrom,
    ...Object.keys(brokenWhy).length > 0 ? { brokenWhy } : {},
    steps,
    warnings: d.warnings,
    ...revisionBump ? { revisionBump } : {},
    ...inventory.nodeNames ? {
      kubeletNodes: Object.entries(inventory.nodeNames).filter(([h]) => !removals.some((r) => r.host === h)).map(([h, nodeName]) => ({ nodeName, addresses: inventory.nodeAddresses?.[h] ?? [] }))
    } : {},
    expect: d.expect
  };
}

// src/recovery/plan-file.ts
import { createHash as createHash2 } from "node:crypto";
import { isIP } from "node:net";
var PLAN_FILE_FORMAT = "kube-rescue-plan";
var PLAN_FILE_VERSION = 1;
function makePlanFile(parts) {
  return { format: PLAN_FILE_FORMAT, version: PLAN_FILE_VERSION, tool: VERSION, ...parts };
}
function planFileText(file) {
  return `${canonicalJson(file)}
`;
}
function sha256Hex(text) {
  return createHash2("sha256").update(text).digest("hex");
}
function planFileSha256(file) {
  return sha256Hex(planFileText(file));
}
var FILE_KEYS = {
  format: "required",
  version: "required",
  tool: "required",
  inventory: "required",
  state: "required",
  options: "required",
  backup: "optional",
  plan: "required"
};
var PLAN_KEYS = {
  cluster: "required",
  case: "required",
  cases: "required",
  strategy: "required",
  source: "required",
  layout: "required",
  paths: "required",
  members: "required",
  createdAt: "required",
  brokenEtcd: "required",
  brokenControlPlane: "required",
  removedHosts: "optional",
  brokenFrom: "required",
  brokenWhy: "optional",
  steps: "required",
  warnings: "required",
  revisionBump: "optional",
  kubeletNodes: "optional",
  expect: "required"
};
var STEP_KEYS = {
  id: "required",
  node: "required",
  action: "required",
  params: "required",
  reason: "required",
  undo: "required",
  destructive: "required",
  group: "optional",
  lane: "optional"
};
var PARAM_KEYS = {
  "snapshot-save": ["endpoint", "path"],
  "fetch-snapshot": ["from", "to"],
  "stop-etcd": [],
  "move-aside": ["path", "to", "recreate"],
  "member-remove": ["member", "memberId"],
  "member-add": ["member", "peerURL"],
  "write-env": ["set", "templateFrom"],
  "restore-snapshot": [
    "snapshot",
    "dataDir",
    "member",
    "peerURL",
    "initialCluster",
    "initialClusterToken",
    "bumpRevision",
    "markCompacted"
  ],
  "restore-certs": ["from", "moveAside"],
  "kubelet-client": ["nodeName"],
  "start-etcd": [],
  "wait-healthy": ["members", "clientURLs"],
  "restart-control-plane": ["reason"],
  "delete-node": ["nodeName", "host", "kubeconfig"],
  verify: ["expectMembers"],
  "discard-staged": ["path"]
};
var OPTION_KEYS = [
  "strategy",
  "force",
  "now",
  "haveIdentity",
  "preferBackupSnapshot",
  "stagingDir",
  "removeHosts",
  "bumpRevision"
];
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function checkKeys(where, value, shape, what) {
  if (!isObject(value)) throw new InputError(`${where}: ${what} is not a JSON object.`);
  for (const key of Object.keys(value)) {
    if (!(key in shape)) {
      throw new InputError(
        `${where}: ${what} has an unknown field '${key}': this kube-rescue (${VERSION}) writes no such field, so the file was edited or written by another version. Run plan again.`
      );
    }
  }
  for (const [key, need] of Object.entries(shape)) {
    if (need === "required" && !(key in value)) {
      throw new InputError(`${where}: ${what} lacks the field '${key}'. Run plan again.`);
    }
  }
}
function findControlCharacter(value, path) {
  if (typeof value === "string") {
    return /[\p{Cc}]/u.test(value) ? path : void 0;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findControlCharacter(v, `${path}[${i}]`);
      if (found) return found;
    }
    return void 0;
  }
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (/[\p{Cc}]/u.test(k)) return `${path} (a key)`;
      const found = findControlCharacter(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return void 0;
}
var NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,252}$/;
var LABEL = "[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?";
var DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
var HEX = /^[0-9a-f]{1,16}$/;
var PATH = /^\/[A-Za-z0-9_.@+/-]*$/;
var VERSION_TEXT = /^[0-9A-Za-z.+-]{1,64}$/;
var isAddress = (v) => v.length <= 253 && (isIP(v) !== 0 || DNS_NAME.test(v));
function isUrl(v) {
  const m = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[^/:[\]\s]+):([0-9]{1,5})\/?$/.exec(v);
  if (!m) return false;
  const host = m[1].replace(/^\[|\]$/g, "");
  return isAddress(host) && Number(m[2]) >= 1 && Number(m[2]) <= 65535;
}
var isPath = (v) => PATH.test(v) && !v.split("/").includes("..");
function valueChecks(file) {
  const checks = [];
  const add = (value, where, form, ok) => checks.push({ value, where, form, ok });
  const name = (v, where) => add(v, where, "a name of letters, digits, '-', '_' and '.'", (s2) => NAME.test(s2));
  const hostName = (v, where) => add(v, where, "a host name or IP address", (s2) => NAME.test(s2) || isIP(s2) !== 0);
  const url = (v, where) => add(v, where, "a URL like https://10.0.0.1:2379", isUrl);
  const path = (v, where) => add(v, where, "an absolute path without '..' or shell characters", isPath);
  const s = file.state;
  for (const [k, v] of Object.entries(s.paths ?? {})) {
    for (const [i, p] of (Array.isArray(v) ? v : [v]).entries()) {
      path(p, `state.paths.${k}${Array.isArray(v) ? `[${i}]` : ""}`);
    }
  }
  for (const [k, v] of Object.entries(file.plan.paths ?? {})) {
    for (const p of Array.isArray(v) ? v : [v]) path(p, `plan.paths.${k}`);
  }
  for (const [i, e] of (s.etcd ?? []).entries()) {
    const at = `state.etcd[${i}]`;
    hostName(e.host, `${at}.host`);
    name(e.memberName, `${at}.memberName`);
    add(e.address, `${at}.address`, "an IP address or DNS name", isAddress);
    url(e.clientUrl, `${at}.clientUrl`);
    url(e.peerUrl, `${at}.peerUrl`);
    if (e.memberId !== void 0)
      add(e.memberId, `${at}.memberId`, "a hex member id", (x) => HEX.test(x));
    if (e.tools) {
      if (e.tools.server !== void 0)
        add(e.tools.server, `${at}.tools.server`, "a version", (x) => VERSION_TEXT.test(x));
      add(
        e.tools.snapshotToolVersion,
        `${at}.tools.snapshotToolVersion`,
        "a version",
        (x) => VERSION_TEXT.test(x)
      );
      add(
        e.tools.snapshotTool,
        `${at}.tools.snapshotTool`,
        "etcdctl or etcdutl",
        (x) => x === "etcdctl" || x === "etcdutl"
      );
    }
  }
  for (const [i, m] of (s.members ?? []).entries()) {
    const at = `state.members[${i}]`;
    add(m.id, `${at}.id`, "a hex member id", (x) => HEX.test(x));
    if (m.name !== "") name(m.name, `${at}.name`);
    for (const [j, u] of (m.peerURLs ?? []).entries()) url(u, `${at}.peerURLs[${j}]`);
    for (const [j, u] of (m.clientURLs ?? []).entries()) url(u, `${at}.clientURLs[${j}]`);
  }
  for (const [i, c] of (s.controlPlane ?? []).entries())
    hostName(c.host, `state.controlPlane[${i}].host`);
  for (const [i, h] of (s.kubectlOn ?? []).entries()) hostName(h, `state.kubectlOn[${i}]`);
  if (s.serverVersion !== void 0)
    add(s.serverVersion, "state.serverVersion", "a version", (x) => VERSION_TEXT.test(x));
  if (s.clusterId !== void 0)
    add(s.clusterId, "state.clusterId", "a hex cluster id", (x) => HEX.test(x));
  add(s.clusterName, "state.clusterName", "a cluster name", (x) => x === "" || NAME.test(x));
  add(
    s.layout,
    "state.layout",
    "kubespray or kubeadm",
    (x) => x === "kubespray" || x === "kubeadm"
  );
  for (const [i, m] of (file.plan.members ?? []).entries()) {
    hostName(m.host, `plan.members[${i}].host`);
    name(m.memberName, `plan.members[${i}].memberName`);
    url(m.clientURL, `plan.members[${i}].clientURL`);
    url(m.peerURL, `plan.members[${i}].peerURL`);
  }
  for (const [i, step] of (file.plan.steps ?? []).entries()) {
    hostName(step.node, `plan.steps[${i}].node`);
    add(step.id, `plan.steps[${i}].id`, "a step id like 03-member-add-etcd3", (x) => NAME.test(x));
  }
  for (const [i, h] of (file.options.removeHosts ?? []).entries())
    hostName(h, `options.removeHosts[${i}]`);
  if (file.options.stagingDir !== void 0) path(file.options.stagingDir, "options.stagingDir");
  return checks;
}
function shown(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return JSON.stringify(text && text.length > 80 ? `${text.slice(0, 80)}\u2026` : text);
}
function parsePlanFile(text, where) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `${where} is not a plan file: it is not JSON (${err.message}).`
    );
  }
  if (!isObject(data) || data.format !== PLAN_FILE_FORMAT) {
    throw new InputError(
      `${where} is not a kube-rescue plan file (no "format": "${PLAN_FILE_FORMAT}"). Write one with 'kube-rescue plan \u2026 --out FILE'.`
    );
  }
  if (data.version !== PLAN_FILE_VERSION) {
    throw new InputError(
      `${where} is a plan file of format version ${shown(data.version)}; this kube-rescue (${VERSION}) reads version ${PLAN_FILE_VERSION}. Run plan again with the kube-rescue that restores.`
    );
  }
  checkKeys(where, data, FILE_KEYS, "the file");
  checkKeys(where, data.plan, PLAN_KEYS, "the plan");
  const plan2 = data.plan;
  if (!Array.isArray(plan2.steps) || plan2.steps.length === 0) {
    throw new InputError(`${where}: the plan has no steps. Run plan again.`);
  }
  for (const [i, step] of plan2.steps.entries()) {
    checkKeys(where, step, STEP_KEYS, `step ${i + 1}`);
    const s = step;
    const bad = findControlCharacter(s.params, `plan.steps[${i}].params`);
    if (bad) {
      throw new InputError(
        `${where}: ${bad} holds a line break or control character; no value kube-rescue plans has one. The file was edited: run plan again.`
      );
    }
    const action = s.action;
    const allowed = Object.hasOwn(PARAM_KEYS, String(action)) ? PARAM_KEYS[action] : void 0;
    if (!allowed) {
      throw new InputError(
        `${where}: step ${i + 1} (${shown(s.id)}) has the unknown action ${shown(action)}; kube-rescue plans only ${Object.keys(PARAM_KEYS).join(", ")}.`
      );
    }
    if (!isObject(s.params)) throw new InputError(`${where}: step ${i + 1} has no params object.`);
    for (const key of Object.keys(s.params)) {
      if (!allowed.includes(key)) {
        throw new InputError(
          `${where}: step ${i + 1} (${shown(s.id)}, ${action}) has the unknown parameter '${key}'. The file was edited: run plan again.`
        );
      }
    }
  }
  if (!isObject(data.options)) throw new InputError(`${where}: options is not a JSON object.`);
  for (const key of Object.keys(data.options)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new InputError(`${where}: options has an unknown field '${key}'. Run plan again.`);
    }
  }
  if (data.backup !== void 0) {
    checkKeys(where, data.backup, { location: "required", manifestSha256: "required" }, "backup");
    const b = data.backup;
    if (typeof b.location !== "string" || !/^[0-9a-f]{64}$/.test(String(b.manifestSha256))) {
      throw new InputError(`${where}: backup must name a location and a 64-hex manifestSha256.`);
    }
  }
  for (const part of ["inventory", "state"]) {
    if (!isObject(data[part])) throw new InputError(`${where}: ${part} is not a JSON object.`);
  }
  const file = data;
  for (const c of valueChecks(file)) {
    if (typeof c.value !== "string" || !c.ok(c.value)) {
      throw new InputError(
        `${where}: ${c.where} is ${shown(c.value)}, which cannot reach a node: it must be ${c.form}. The file was edited: run plan again.`
      );
    }
  }
  return file;
}
function replan(file, backup, where) {
  let rebuilt;
  try {
    rebuilt = buildPlan(file.inventory, file.state, backup, {
      ...file.options,
      now: new Date(file.options.now)
    });
  } catch (err) {
    throw new InputError(
      `${where}: the plan cannot be rebuilt from what the file records (${err.message}). The file was edited or the backup set changed: run plan again.`,
      { cause: err }
    );
  }
  const want = canonicalJson(rebuilt);
  if (want !== canonicalJson(file.plan)) {
    const mine = rebuilt.steps.map((s) => s.id);
    const theirs = file.plan.steps.map((s) => s.id);
    const differing = canonicalJson(mine) !== canonicalJson(theirs) ? `its steps are ${theirs.join(", ")}; kube-rescue plans ${mine.join(", ")}` : `step ${file.plan.steps.find((s, i) => canonicalJson(s) !== canonicalJson(rebuilt.steps[i]))?.id ?? "fields"} differs`;
    throw new InputError(
      `${where}: the plan in it is not the plan kube-rescue builds from the cluster state it records (${differing}). The file was edited: run plan again.`
    );
  }
  return rebuilt;
}
function inventoryChanges(recorded, now) {
  const strip = (i) => canonicalJson({ ...i, source: void 0 });
  if (strip(recorded) === strip(now)) return [];
  const out = [];
  const fields = [
    "etcd",
    "controlPlane",
    "brokenEtcd",
    "brokenControlPlane",
    "hosts",
    "nodeNames",
    "nodeAddresses"
  ];
  for (const f of fields) {
    if (canonicalJson(recorded[f]) !== canonicalJson(now[f])) {
      out.push(
        `${f}: the plan has ${canonicalJson(recorded[f]) ?? "none"}, the inventory ${canonicalJson(now[f]) ?? "none"}`
      );
    }
  }
  return out;
}
var yesNo = (b) => b ? "yes" : "no";
function clusterChanges(planned, now) {
  const out = [];
  const nowEtcd = new Map(now.etcd.map((e) => [e.host, e]));
  for (const p of planned.etcd) {
    const n = nowEtcd.get(p.host);
    if (!n) {
      out.push(`${p.host}: an etcd host of the plan is not an etcd host of the inventory now`);
      continue;
    }
    const diffs = [];
    const cmp = (what, a, b, show = (v) => String(v ?? "none")) => {
      if (canonicalJson(a) !== canonicalJson(b))
        diffs.push(`${what} was ${show(a)}, is ${show(b)}`);
    };
    cmp("reachable", p.reachable, n.reachable, (v) => yesNo(v));
    cmp("etcd running", p.etcdRunning, n.etcdRunning, (v) => yesNo(v));
    cmp("healthy", p.healthy, n.healthy, (v) => yesNo(v));
    cmp("member id", p.memberId, n.memberId);
    cmp("data dir", p.dataDir, n.dataDir);
    cmp(
      "etcd certificates present",
      p.etcdCertsPresent,
      n.etcdCertsPresent,
      (v) => yesNo(v)
    );
    cmp("member name", p.memberName, n.memberName);
    cmp("address", p.address, n.address);
    cmp("client URL", p.clientUrl, n.clientUrl);
    cmp("peer URL", p.peerUrl, n.peerUrl);
    const tools = (e) => e.tools ? `${e.tools.snapshotTool} ${e.tools.snapshotToolVersion}, etcd ${e.tools.server ?? "?"}${e.tools.bumpRevision ? ", bumps" : ""}` : void 0;
    cmp("etcd tools", tools(p), tools(n));
    if (diffs.length > 0) out.push(`${p.host}: ${diffs.join(", ")}`);
  }
  const nowCp = new Map(now.controlPlane.map((c) => [c.host, c]));
  for (const p of planned.controlPlane) {
    const n = nowCp.get(p.host);
    if (!n) {
      out.push(`${p.host}: a control-plane host of the plan is not one of the inventory now`);
      continue;
    }
    const diffs = [];
    if (p.reachable !== n.reachable)
      diffs.push(`reachable was ${yesNo(p.reachable)}, is ${yesNo(n.reachable)}`);
    if (p.certsPresent !== n.certsPresent) {
      diffs.push(
        `control-plane certificates present was ${yesNo(p.certsPresent)}, is ${yesNo(n.certsPresent)}`
      );
    }
    if (diffs.length > 0) out.push(`${p.host} (control plane): ${diffs.join(", ")}`);
  }
  const memberText = (ms) => ms.map(
    (m) => `${m.name || "(unstarted)"} ${m.id}${m.isLearner ? " learner" : ""} ${[...m.peerURLs].sort().join(" ")}`
  ).sort().join("; ") || "none";
  const cluster = [
    ["member list", memberText(planned.members), memberText(now.members)],
    ["quorum", yesNo(planned.quorum), yesNo(now.quorum)],
    ["cluster id", planned.clusterId ?? "none", now.clusterId ?? "none"],
    ["etcd server version", planned.serverVersion ?? "none", now.serverVersion ?? "none"],
    ["etcd tools version", planned.toolsVersion, now.toolsVersion],
    ["layout", planned.layout, now.layout],
    ["paths", canonicalJson(planned.paths), canonicalJson(now.paths)]
  ];
  for (const [what, a, b] of cluster) {
    if (a !== b) out.push(`cluster: ${what} was ${a}, is ${b}`);
  }
  return out;
}

// src/recovery/verify.ts
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";

// src/recovery/kubelet-csrs.ts
import { isIP as isIP2 } from "node:net";
var KUBELET_SERVING_SIGNER = "kubernetes.io/kubelet-serving";
var KUBELET_CLIENT_SIGNER = "kubernetes.io/kube-apiserver-client-kubelet";
var ALLOWED_USAGES = {
  [KUBELET_SERVING_SIGNER]: {
    required: "server auth",
    optional: ["digital signature", "key encipherment"]
  },
  [KUBELET_CLIENT_SIGNER]: {
    required: "client auth",
    optional: ["digital signature", "key encipherment"]
  }
};
var pending = (c) => !(c.status?.conditions ?? []).some((x) => ["Approved", "Denied", "Failed"].includes(x.type));
function decideKubeletCsrs(csrs, nodes) {
  const out = [];
  for (const c of csrs) {
    if (!pending(c)) continue;
    const signer = c.spec.signerName ?? "";
    const requestor = c.spec.username ?? "";
    const leave = (why) => out.push({ name: c.metadata.name, signer, requestor, approve: false, why });
    const usages = ALLOWED_USAGES[signer];
    if (!usages) {
      leave(`signer ${signer || "(none)"} is not a kubelet's`);
      continue;
    }
    const nodeName = /^system:node:(.+)$/.exec(requestor)?.[1];
    const node = nodes.find((n) => n.nodeName === nodeName);
    if (!nodeName) {
      leave(`requested by ${requestor || "(nobody)"}, not by a node (system:node:<name>)`);
      continue;
    }
    if (!node) {
      leave(`requested by ${requestor}, and ${nodeName} is no node of the inventory`);
      continue;
    }
    if (!(c.spec.groups ?? []).includes("system:nodes")) {
      leave(`its requestor is not in group system:nodes`);
      continue;
    }
    const given = c.spec.usages ?? [];
    const extra = given.filter((u) => u !== usages.required && !usages.optional.includes(u));
    if (!given.includes(usages.required) || extra.length > 0) {
      leave(
        `usages ${JSON.stringify(given)}: a ${signer} certificate has ${usages.required}${usages.optional.length ? ` (and optionally ${usages.optional.join(", ")})` : ""}, nothing else`
      );
      continue;
    }
    let req;
    try {
      req = parseCsrPem(Buffer.from(c.spec.request ?? "", "base64").toString("utf8"));
    } catch (err) {
      leave(`its request cannot be read: ${err.message}`);
      continue;
    }
    const cn = `system:node:${nodeName}`;
    const s = req.subject;
    if (s.commonName.length !== 1 || s.commonName[0] !== cn || s.organization.length !== 1 || s.organization[0] !== "system:nodes" || s.other.length > 0) {
      leave(
        `its subject is not exactly O=system:nodes, CN=${cn} (CN ${JSON.stringify(s.commonName)}, O ${JSON.stringify(s.organization)}${s.other.length ? `, also ${s.other.join(", ")}` : ""})`
      );
      continue;
    }
    if (req.otherNames.length > 0) {
      leave(`it asks for names a kubelet never asks for: ${req.otherNames.join(", ")}`);
      continue;
    }
    if (signer === KUBELET_CLIENT_SIGNER) {
      if (req.dnsNames.length + req.ipAddresses.length > 0) {
        leave(
          `a client certificate with subject alternative names (${[...req.dnsNames, ...req.ipAddresses].join(", ")})`
        );
        continue;
      }
    } else {
      const foreignDns = req.dnsNames.filter((d) => d !== nodeName);
      const own = new Set(node.addresses.map(canonicalIp));
      const foreignIps = req.ipAddresses.filter((ip) => !own.has(ip));
      if (req.dnsNames.length + req.ipAddresses.length === 0) {
        leave("a serving certificate that names no host (no DNS or IP SAN)");
        continue;
      }
      if (foreignDns.length + foreignIps.length > 0) {
        leave(
          `it names more than node ${nodeName}: ${[...foreignDns, ...foreignIps].join(", ")} (the node is ${[nodeName, ...node.addresses].join(", ")})`
        );
        continue;
      }
    }
    out.push({
      name: c.metadata.name,
      signer,
      requestor,
      approve: true,
      why: `node ${nodeName} asks for its own ${signer === KUBELET_SERVING_SIGNER ? `serving certificate (${[...req.dnsNames, ...req.ipAddresses].join(", ")})` : "client certificate"}`
    });
  }
  return out;
}
function tlv(buf, at) {
  if (at + 2 > buf.length) throw new Error("truncated DER");
  const tag = buf[at];
  let len = buf[at + 1];
  let p = at + 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0 || n > 4 || p + n > buf.length) throw new Error("bad DER length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i];
    p += n;
  }
  if (p + len > buf.length) throw new Error("truncated DER");
  return { tag, value: buf.subarray(p, p + len), end: p + len };
}
function children(value) {
  const out = [];
  for (let at = 0; at < value.length; ) {
    const t = tlv(value, at);
    out.push(t);
    at = t.end;
  }
  return out;
}
function oid(value) {
  const parts = [Math.floor(value[0] / 40), value[0] % 40];
  let n = 0;
  for (const b of value.subarray(1)) {
    n = n * 128 + (b & 127);
    if (!(b & 128)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join(".");
}
var OID_CN = "2.5.4.3";
var OID_O = "2.5.4.10";
var OID_EXTENSION_REQUEST = "1.2.840.113549.1.9.14";
var OID_SAN = "2.5.29.17";
function ipText(b) {
  if (b.length === 4) return [...b].join(".");
  if (b.length === 16) {
    return Array.from({ length: 8 }, (_, i) => b.readUInt16BE(i * 2).toString(16)).join(":");
  }
  return `(an address of ${b.length} bytes)`;
}
function canonicalIp(address) {
  if (isIP2(address) !== 6) return address;
  const [head, tail] = address.toLowerCase().split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === void 0 ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.map((g) => Number.parseInt(g, 16).toString(16)).join(":");
}
function parseCsrPem(pem) {
  const m = /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]+?)-----END (?:NEW )?CERTIFICATE REQUEST-----/.exec(
    pem
  );
  if (!m) throw new Error("not a PEM CERTIFICATE REQUEST");
  const der = Buffer.from(m[1].replace(/\s+/g, ""), "base64");
  const outer = tlv(der, 0);
  if (outer.tag !== 48) throw new Error("not a DER SEQUENCE");
  const info = children(outer.value)[0];
  if (info?.tag !== 48) throw new Error("no CertificationRequestInfo");
  const [, subject, , attributes] = children(info.value);
  if (subject?.tag !== 48) throw new Error("no subject");
  const parsed = {
    subject: { commonName: [], organization: [], other: [] },
    dnsNames: [],
    ipAddresses: [],
    otherNames: []
  };
  for (const rdn of children(subject.value)) {
    for (const atv of children(rdn.value)) {
      const [type, value] = children(atv.value);
      const id = oid(type.value);
      const text = value.value.toString("utf8");
      if (id === OID_CN) parsed.subject.commonName.push(text);
      else if (id === OID_O) parsed.subject.organization.push(text);
      else parsed.subject.other.push(`${id}=${text}`);
    }
  }
  if (attributes && attributes.tag === 160) {
    for (const attr of children(attributes.value)) {
      const [type, values] = children(attr.value);
      if (oid(type.value) !== OID_EXTENSION_REQUEST) continue;
      for (const exts of children(values.value)) {
        for (const ext of children(exts.value)) {
          const parts = children(ext.value);
          if (oid(parts[0].value) !== OID_SAN) continue;
          const names = tlv(parts.at(-1).value, 0);
          for (const gn of children(names.value)) {
            if (gn.tag === 130) parsed.dnsNames.push(gn.value.toString("ascii"));
            else if (gn.tag === 135) parsed.ipAddresses.push(ipText(gn.value));
            else parsed.otherNames.push(`a name of kind [${gn.tag & 31}]`);
          }
        }
      }
    }
  }
  return parsed;
}
async function approveKubeletCsrs(t, kubectl, nodes) {
  const list = await t.exec([...kubectl, "get", "csr", "-o", "json"], { timeoutMs: 3e4 });
  const items = JSON.parse(list.stdout).items ?? [];
  const decisions = decideKubeletCsrs(items, nodes);
  const approve = decisions.filter((d) => d.approve);
  if (approve.length > 0) {
    const r = await t.exec([...kubectl, "certificate", "approve", ...approve.map((d) => d.name)], {
      allowFailure: true,
      timeoutMs: 3e4
    });
    if (r.code !== 0 && !/already|not found/i.test(r.stderr)) {
      throw new Error(
        `kubectl certificate approve ${approve.map((d) => d.name).join(" ")} failed (exit ${r.code}): ${r.stderr.trim().slice(-300)}`
      );
    }
  }
  return { approved: approve, leftAlone: decisions.filter((d) => !d.approve) };
}

// src/recovery/snapshot-on-node.ts
import { posix } from "node:path";
var q = (s) => shellCommand([s]);
var NAME2 = "kube-rescue-verify";
async function freePorts(t) {
  const res = await t.script("ss -Hltn 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u", {
    allowFailure: true,
    timeoutMs: 15e3
  });
  const used = new Set(res.stdout.split("\n").filter(Boolean).map(Number));
  const free = [];
  for (let p = 42379; p < 42479 && free.length < 2; p++) if (!used.has(p)) free.push(p);
  if (free.length < 2) {
    throw new OperationError(
      `Node ${t.node}: no two free ports in 42379-42478 for the throw-away etcd of the keyspace check.`
    );
  }
  return [free[0], free[1]];
}
async function openSnapshotOnNode(t, layout, snapshot, opts = {}) {
  if (layout.name !== "kubespray") {
    throw new OperationError(
      `Node ${t.node}: the keyspace check on the node runs the host's etcd binary, which the ${layout.name} layout does not have; it is implemented for the Kubespray layout only.`
    );
  }
  const commands = await layout.toolCommands(t);
  const made = await t.script(`mktemp -d "\${TMPDIR:-/var/tmp}/${NAME2}.XXXXXX"`, {
    timeoutMs: 2e4
  });
  const dir = made.stdout.trim();
  if (!dir.startsWith("/") || !posix.basename(dir).startsWith(`${NAME2}.`)) {
    throw new OperationError(`Node ${t.node}: mktemp -d printed '${dir}', not a directory path.`);
  }
  const unit = `${NAME2}-${posix.basename(dir).slice(NAME2.length + 1).toLowerCase()}`;
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await t.script(
      `systemctl stop ${q(`${unit}.service`)} 2>/dev/null; systemctl reset-failed ${q(`${unit}.service`)} 2>/dev/null; rm -rf -- ${q(dir)}`,
      { allowFailure: true, timeoutMs: 12e4 }
    );
  };
  const logTail = async () => (await t.exec(["journalctl", "--no-pager", "-n", "8", "-u", `${unit}.service`], {
    allowFailure: true,
    timeoutMs: 15e3
  })).stdout.trim();
  try {
    const [client, peer] = await freePorts(t);
    const clientURL = `http://127.0.0.1:${client}`;
    const peerURL = `http://127.0.0.1:${peer}`;
    const ctl = new EtcdCtl(t, { endpoints: [clientURL], commands });
    const tools = await ctl.etcdTools();
    const dataDir = posix.join(dir, "data");
    await ctl.snapshotRestore({
      snapshot,
      dataDir,
      name: NAME2,
      initialCluster: `${NAME2}=${peerURL}`,
      initialClusterToken: NAME2,
      initialAdvertisePeerUrls: [peerURL]
    });
    const etcdBinary = tools.paths?.etcd;
    if (!etcdBinary?.startsWith("/")) {
      throw new OperationError(
        `Node ${t.node}: no etcd binary on the PATH (found '${etcdBinary ?? ""}') to serve the restored snapshot for the keyspace check.`
      );
    }
    await t.exec(
      [
        "systemd-run",
        `--unit=${unit}`,
        "--quiet",
        "--collect",
        etcdBinary,
        `--name=${NAME2}`,
        `--data-dir=${dataDir}`,
        `--listen-client-urls=${clientURL}`,
        `--advertise-client-urls=${clientURL}`,
        `--listen-peer-urls=${peerURL}`,
        `--initial-advertise-peer-urls=${peerURL}`,
        `--initial-cluster=${NAME2}=${peerURL}`
      ],
      { timeoutMs: 3e4 }
    );
    const deadline = Date.now() + (opts.timeoutMs ?? 12e4);
    let last = "";
    for (; ; ) {
      const health = await ctl.endpointHealth().catch((err) => {
        last = err.message;
        return [];
      });
      if (health.length > 0 && health.every((h) => h.healthy)) break;
      if (health.length > 0) last = health.map((h) => h.error ?? "unhealthy").join("; ");
      if (Date.now() > deadline) {
        throw new OperationError(
          `Node ${t.node}: the throw-away etcd on the restored snapshot was not healthy within ${(opts.timeoutMs ?? 12e4) / 1e3} s (${last}); its log ends: ${await logTail()}`
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const { revision } = await ctl.keyCount();
    const at = { revision: 0 };
    const pairs = pagedPairs(
      (from, limit, rev) => ctl.getPage(from, limit, rev || void 0).catch(async (err) => {
        err.message += `
The throw-away etcd's log ends: ${await logTail()}`;
        throw err;
      }),
      { revision, pageSize: 5e3 },
      `the throw-away etcd on node ${t.node}`,
      at
    );
    return { revision, pairs, [Symbol.asyncDispose]: dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

// src/recovery/verify.ts
var PAGE_KEYS = 5e3;
var PAGE_BYTES = 8 * 1024 * 1024;
var RANGES_AT_ONCE = 3;
var RANGE_KEYS = 1e4;
var passed = (name, detail, expected, actual) => ({ name, status: "passed", detail, expected, actual });
var failed = (name, detail, expected, actual) => ({ name, status: "failed", detail, expected, actual });
var skipped = (name, detail) => ({ name, status: "skipped", detail });
async function check(name, work) {
  try {
    return await work();
  } catch (err) {
    return failed(name, err.message);
  }
}
async function timedCheck(debug, name, work) {
  const t0 = Date.now();
  const result = await check(name, work);
  debug?.(`verify: ${name} ${result.status} in ${Date.now() - t0} ms`);
  return result;
}
async function verifyRecovery(deps) {
  const { plan: plan2, cluster, observed } = deps;
  const timed = (name, work) => timedCheck(deps.debug, name, work);
  const etcdTouched = plan2.cases.some((c) => c !== "cert-loss");
  const etcdGroup = plan2.removedHosts?.length ? `the inventory's [etcd] without ${plan2.removedHosts.join(", ")}` : "the inventory's [etcd]";
  const healthy = timed("members healthy", async () => {
    const health = await cluster.endpointHealth();
    const sick = health.filter((h) => !h.healthy);
    return sick.length === 0 ? passed("members healthy", `${health.length} endpoints healthy`) : failed(
      "members healthy",
      sick.map((h) => `${h.endpoint}: ${h.error ?? "unhealthy"}`).join("; ")
    );
  });
  const count = timed("member count", async () => {
    const members = await cluster.memberList();
    const names = members.map((m) => m.name).sort();
    const want = [...plan2.expect.members].sort();
    const same = names.length === want.length && names.every((n, i) => n === want[i]);
    return same ? passed(
      "member count",
      `${names.length} members, as in ${etcdGroup}`,
      want.join(","),
      names.join(",")
    ) : failed(
      "member count",
      `the cluster's members differ from ${etcdGroup}`,
      want.join(","),
      names.join(",")
    );
  });
  const minRevision = plan2.expect.minRevision ?? observed.snapshot?.revision;
  const revision = timed("revision", async () => {
    if (minRevision === void 0) {
      return skipped("revision", "no snapshot was restored, so no revision to compare with");
    }
    const { statuses } = await cluster.endpointStatus();
    const revision2 = Math.max(...statuses.map((s) => s.revision));
    return revision2 >= minRevision ? passed("revision", "not behind the snapshot", `\u2265 ${minRevision}`, String(revision2)) : failed(
      "revision",
      "the cluster is behind the snapshot it was restored from",
      `\u2265 ${minRevision}`,
      String(revision2)
    );
  });
  let tell;
  const comparedAt = new Promise((resolve) => {
    tell = resolve;
  });
  let hashes;
  const hashKVAt = (at) => {
    hashes ??= cluster.hashKV(at);
    return hashes;
  };
  const keyspace = timed("keyspace", async () => {
    if (!etcdTouched || plan2.source.kind === "none") {
      return skipped(
        "keyspace",
        "no snapshot was restored: the keyspace is the running cluster\u2019s own"
      );
    }
    const restore = comparedRestore(plan2);
    const bump = restore?.params.bumpRevision ?? 0;
    if (restore) {
      const content = await snapshotContentCheck(deps, restore, bump, tell, hashKVAt);
      if (content) return content.check;
    }
    if (plan2.expect.fingerprint) return fullKeyspaceCheck(cluster, plan2.expect.fingerprint, bump);
    if (plan2.expect.hashKV) return hashKVCheck(cluster, plan2.expect.hashKV, bump);
    return skipped(
      "keyspace",
      observed.snapshot ? `the staged snapshot from survivor ${observed.snapshot.node} is gone, and a survivor has no key hash to compare with; revision checked instead` : "the staged snapshot is gone, and the backup manifest has no key hash or fingerprint"
    );
  });
  void keyspace.finally(() => tell(void 0));
  const agree = comparedAt.then(
    (at) => timed("members agree", async () => {
      if (at === void 0 || cluster.options.endpoints.length < 2) {
        return skipped(
          "members agree",
          at === void 0 ? "no keyspace compared with a restored snapshot" : "one member: nothing to compare"
        );
      }
      const hashes2 = await hashKVAt(at);
      const compactions = new Set(hashes2.map((h) => h.compactRevision));
      if (compactions.size > 1) {
        return skipped(
          "members agree",
          `members compacted at different revisions (${[...compactions].join(", ")}): their HashKV cannot compare`
        );
      }
      const byHash = /* @__PURE__ */ new Map();
      for (const h of hashes2) byHash.set(h.hash, [...byHash.get(h.hash) ?? [], h.endpoint]);
      const seen = [...byHash].map(([hash, eps]) => `${eps.join(", ")}: ${hash}`).join("; ");
      return byHash.size === 1 ? passed(
        "members agree",
        `every member's HashKV at revision ${at} is the same (${hashes2.length} members)`
      ) : failed(
        "members agree",
        `members hold different data at revision ${at}; the keyspace check read only one of them`,
        "one HashKV on every member",
        seen
      );
    })
  );
  const certificates = timed("certificates", async () => {
    if (observed.restoredFiles.length === 0) {
      return skipped("certificates", "no archive was restored in this run");
    }
    const wrong = await compareFiles(observed.restoredFiles, deps.transportFor);
    return wrong.length === 0 ? passed(
      "certificates",
      `${observed.restoredFiles.length} restored entries in place with their saved modes and owners`
    ) : failed(
      "certificates",
      wrong.slice(0, 10).join("; ") + (wrong.length > 10 ? `; and ${wrong.length - 10} more` : "")
    );
  });
  const [etcdChecks, apiChecks] = await Promise.all([
    Promise.all([healthy, count, revision, keyspace, agree, certificates]),
    kubernetesChecks(deps)
  ]);
  const checks = [...etcdChecks, ...apiChecks];
  return { ok: checks.every((c) => c.status !== "failed"), checks };
}
async function compareFiles(files, transportFor) {
  const wrong = [];
  const byNode = /* @__PURE__ */ new Map();
  for (const f of files) byNode.set(f.node, [...byNode.get(f.node) ?? [], f]);
  for (const [node, list] of byNode) {
    const t = await transportFor(node);
    const res = await t.exec(["stat", "-c", "%a %u %g %F", "--", ...list.map((f) => f.path)], {
      allowFailure: true,
      timeoutMs: 3e4
    });
    const lines = res.stdout.split("\n").filter(Boolean);
    if (lines.length !== list.length) {
      wrong.push(
        `${node}: ${list.length - lines.length} restored paths missing (${res.stderr.trim().split("\n")[0]})`
      );
      continue;
    }
    list.forEach((f, i) => {
      const [mode, uid, gid] = lines[i].split(" ");
      if (f.type === "symlink") return;
      if (Number.parseInt(mode, 8) !== f.mode || Number(uid) !== f.uid || Number(gid) !== f.gid) {
        wrong.push(
          `${node}:${f.path} is ${mode} ${uid}:${gid}, saved as ${f.mode.toString(8)} ${f.uid}:${f.gid}`
        );
      }
    });
  }
  return wrong;
}
async function hasKubectlAdmin(t) {
  const has = await t.script(
    `command -v kubectl >/dev/null && [ -r ${ADMIN_KUBECONFIG} ] && echo yes`,
    { allowFailure: true, timeoutMs: 15e3 }
  );
  return has.stdout.trim() === "yes";
}
async function kubernetesChecks(deps) {
  const cp = deps.plan.steps.find((s) => s.action === "restart-control-plane")?.node;
  const host = cp ?? deps.plan.steps.find((s) => s.action === "verify").node;
  const t = await deps.transportFor(host);
  const kubeconfig = ADMIN_KUBECONFIG;
  if (!await hasKubectlAdmin(t)) {
    const why = `no kubectl with ${kubeconfig} on ${host}: no Kubernetes API to ask here`;
    return [skipped("API ready", why), skipped("kubelet CSRs", why), skipped("nodes Ready", why)];
  }
  const kubectl = ["kubectl", `--kubeconfig=${kubeconfig}`];
  const t0 = Date.now();
  const ready = await timedCheck(deps.debug, "API ready", async () => {
    const deadline = Date.now() + 18e4;
    let last = "";
    for (; ; ) {
      const r = await t.exec([...kubectl, "get", "--raw=/readyz"], {
        allowFailure: true,
        timeoutMs: 3e4
      });
      if (r.code === 0 && r.stdout.trim() === "ok")
        return passed("API ready", "/readyz answered ok");
      last = (r.stdout + r.stderr).trim().slice(-300);
      const failing = (r.stdout + r.stderr).match(/\[-\][^\n\\]*/g)?.join(", ");
      deps.debug?.(
        `verify: /readyz not ok after ${Date.now() - t0} ms: ${failing ?? last.slice(-160)}`
      );
      if (Date.now() > deadline)
        return failed("API ready", `/readyz did not answer ok within 180 s: ${last}`);
      await new Promise((r2) => setTimeout(r2, 2e3));
    }
  });
  const kubeletNodes = deps.plan.kubeletNodes;
  const approved = /* @__PURE__ */ new Map();
  const leftAlone = /* @__PURE__ */ new Map();
  let csrError;
  const approveRound = async () => {
    if (!kubeletNodes || csrError) return;
    try {
      const round = await approveKubeletCsrs(t, kubectl, kubeletNodes);
      for (const d of round.approved) approved.set(d.name, d);
      for (const d of round.leftAlone) leftAlone.set(d.name, d);
    } catch (err) {
      csrError = err.message;
    }
  };
  if (ready.status === "passed") await approveRound();
  const nodes = await timedCheck(deps.debug, "nodes Ready", async () => {
    const deadline = Date.now() + 18e4;
    for (; ; ) {
      const r = await t.exec([...kubectl, "get", "nodes", "-o", "json"], { timeoutMs: 3e4 });
      const items = JSON.parse(r.stdout).items;
      const notReady = items.filter(
        (n) => !n.status.conditions.some((c) => c.type === "Ready" && c.status === "True")
      );
      if (notReady.length > 0) {
        deps.debug?.(
          `verify: not Ready after ${Date.now() - t0} ms: ${notReady.map((n) => n.metadata.name).join(", ")}`
        );
        await approveRound();
      }
      if (notReady.length === 0) return passed("nodes Ready", `${items.length} nodes Ready`);
      if (Date.now() > deadline) {
        return failed(
          "nodes Ready",
          `not Ready after 180 s: ${notReady.map(notReadyDetail).join("; ")}`
        );
      }
      await new Promise((r2) => setTimeout(r2, 3e3));
    }
  });
  if (ready.status === "passed") await approveRound();
  const say = (d) => `${d.name} (${d.requestor || "no requestor"}, ${d.signer}): ${d.why}`;
  const csrs = !kubeletNodes ? skipped(
    "kubelet CSRs",
    "the plan names no Kubernetes nodes (a plan file from before kube-rescue approved kubelet CSRs): none approved"
  ) : ready.status !== "passed" ? skipped("kubelet CSRs", "the API is not ready: no CSR looked at") : csrError ? failed("kubelet CSRs", csrError) : passed(
    "kubelet CSRs",
    [
      approved.size > 0 ? `approved ${[...approved.values()].map(say).join("; ")}` : "no pending kubelet CSR of a node of the inventory",
      ...leftAlone.size > 0 ? [
        `left alone ${[...leftAlone.values()].filter((d) => !approved.has(d.name)).map(say).join("; ")}`
      ] : []
    ].join(". "),
    void 0,
    [...approved.keys()].join(",") || void 0
  );
  return [ready, csrs, nodes];
}
function notReadyDetail(n) {
  const c = n.status.conditions.find((x) => x.type === "Ready");
  if (!c) return `${n.metadata.name} (no Ready condition)`;
  const said = [c.reason, c.message?.replace(/\s+/g, " ").slice(0, 200)].filter(Boolean).join(": ");
  return `${n.metadata.name} (Ready ${c.status}${said ? `, ${said}` : ""}${c.lastHeartbeatTime ? `, last heartbeat ${c.lastHeartbeatTime}` : ""})`;
}
async function fullKeyspaceCheck(cluster, fp, bump) {
  const now = await fingerprintViaEtcdCtl(cluster, { revision: fp.revision + bump });
  return now.count === fp.count && now.sha256 === fp.sha256 ? passed(
    "keyspace",
    `${now.count} keys, same sha256 as the snapshot`,
    `${fp.count} / ${fp.sha256.slice(0, 12)}`,
    `${now.count} / ${now.sha256.slice(0, 12)}`
  ) : failed(
    "keyspace",
    "the restored keyspace differs from the snapshot (keys lost, or written since the restore)",
    `${fp.count} keys / ${fp.sha256.slice(0, 12)}`,
    `${now.count} keys / ${now.sha256.slice(0, 12)} at revision ${now.revision}`
  );
}
async function hashKVCheck(cluster, expected, bump) {
  const { count } = await cluster.keyCount(expected.revision + bump);
  const counted = `${expected.count} keys`;
  if (count !== expected.count) {
    return failed(
      "keyspace",
      "the restored keyspace has a different number of keys than the snapshot",
      counted,
      `${count} keys at revision ${expected.revision + bump}`
    );
  }
  if (bump > 0) {
    return passed(
      "keyspace",
      `${count} keys at revision ${expected.revision + bump}; etcd's key hash is not comparable after a revision bump (it marks the history up to the new revision compacted) \u2014 back up with --fingerprint full to compare every key`,
      counted,
      `${count} keys`
    );
  }
  const hashes = await cluster.hashKV(expected.revision);
  const verdicts = hashes.map((h) => ({ h, c: compareHashKV(expected, { ...h, count }) }));
  const different = verdicts.filter((v) => v.c.result === "different");
  const want = `${counted}, HashKV ${expected.hash}`;
  if (different.length > 0) {
    return failed(
      "keyspace",
      `etcd's key hash at revision ${expected.revision} differs from the backup's on ${different.map((v) => v.h.endpoint).join(", ")}`,
      want,
      different.map((v) => `${v.h.endpoint}: ${v.h.hash}`).join("; ")
    );
  }
  const incomparable = verdicts.filter((v) => v.c.result === "incomparable");
  return passed(
    "keyspace",
    incomparable.length === 0 ? `${count} keys; every member's HashKV at revision ${expected.revision} equals the backup's` : `${count} keys; HashKV not compared on ${incomparable.map((v) => `${v.h.endpoint} (${v.c.detail})`).join(", ")}`,
    want,
    `${count} keys, HashKV ${[...new Set(hashes.map((h) => h.hash))].join("/")}`
  );
}
async function snapshotContentCheck(deps, restore, bump, tell, hashKVAt) {
  var _stack2 = [];
  try {
    const remote = await deps.observed.stagedPath?.(restore.node, restore.params.snapshot) ?? restore.params.snapshot;
    const t = await deps.transportFor(restore.node);
    const there = async () => (await t.exec(["test", "-r", remote], { allowFailure: true, timeoutMs: 15e3 })).code === 0;
    const source = `the snapshot restored on ${restore.node} (${remote}${deps.keyspaceOnNode ? ", read on that node" : ""})`;
    if (deps.keyspaceOnNode) {
      var _stack = [];
      try {
        if (!await there()) return void 0;
        const snap2 = __using(_stack, await openSnapshotOnNode(t, deps.layout, remote), true);
        tell(snap2.revision + bump);
        return await compareWithSnapshot(deps, snap2.pairs, snap2.revision + bump, bump, source);
      } catch (_) {
        var _error = _, _hasError = true;
      } finally {
        var _promise = __callDispose(_stack, _error, _hasError);
        _promise && await _promise;
      }
    }
    const early = deps.observed.prefetched;
    const mine = early?.node === restore.node && early.planned === restore.params.snapshot;
    if (mine) deps.observed.prefetched = void 0;
    const copy = mine ? await early.copy.catch((err) => {
      deps.debug?.(`verify: keyspace: the early copy failed (${String(err)}); copying now`);
      return void 0;
    }) : void 0;
    if (!copy && !await there()) return void 0;
    const local = __using(_stack2, copy ?? await localSnapshotCopy(t, remote, restore.node, deps.debug), true);
    const { snap } = local;
    const at = snap.revision + bump;
    tell(at);
    const byHash = await fileHashKVCheck(deps, snap, at, bump, source, hashKVAt);
    if ("check" in byHash) return byHash;
    deps.debug?.(`verify: keyspace: ${byHash.why}; comparing key by key`);
    const ranges = snap.ranges(RANGE_KEYS, PAGE_BYTES, { inRoundsOf: RANGES_AT_ONCE });
    return await compareWithSnapshot(deps, snap, at, bump, source, ranges, byHash.why);
  } catch (_2) {
    var _error2 = _2, _hasError2 = true;
  } finally {
    var _promise2 = __callDispose(_stack2, _error2, _hasError2);
    _promise2 && await _promise2;
  }
}
async function fileHashKVCheck(deps, snap, revision, bump, source, hashKVAt) {
  let hashes;
  try {
    hashes = await hashKVAt(revision);
  } catch (err) {
    return { why: `the members' HashKV was not answered (${err.message})` };
  }
  if (hashes.length === 0) return { why: `no member answered its HashKV at revision ${revision}` };
  const t0 = Date.now();
  const bumpedTo = bump > 0 ? revision : void 0;
  const fileHash = (compactRevision) => snap.restoredHashKV({ revision, compactRevision, bumpedTo });
  const off = hashes.filter((h) => h.hash !== fileHash(h.compactRevision));
  deps.debug?.(`verify: keyspace: HashKV of the file computed in ${Date.now() - t0} ms`);
  if (off.length > 0) {
    return {
      why: `etcd's HashKV at revision ${revision} differs from the one computed from the file on ${off.map((h) => `${h.endpoint} (${h.hash}, the file's ${fileHash(h.compactRevision)})`).join(", ")}`
    };
  }
  const count = snap.keys().length;
  const want = `${count} keys / HashKV ${[...new Set(hashes.map((h) => fileHash(h.compactRevision)))].join("/")}`;
  const got = `HashKV ${[...new Set(hashes.map((h) => h.hash))].join("/")} on ${hashes.length} members at revision ${revision}`;
  const fp = deps.plan.expect.fingerprint;
  if (fp) {
    const file = await fingerprintOfPairs(snap.pairs(), () => snap.revision);
    const notTheFile = fileAgainstManifest(
      fp,
      file,
      source,
      `${file.count} keys / ${file.sha256.slice(0, 12)}`
    );
    if (notTheFile) return { check: notTheFile, revision };
  }
  return {
    check: passed(
      "keyspace",
      `every key and value (${count} keys) at revision ${revision} equals ${source}, on each of the ${hashes.length} member${hashes.length === 1 ? "" : "s"}: its HashKV is the one computed here from the file (keys, values and their revisions)${bump ? `, revision bumped by ${bump}` : ""}${fp ? "; the file matches the manifest fingerprint" : ""}`,
      want,
      got
    ),
    revision
  };
}
function fileAgainstManifest(fp, file, source, fileSaid) {
  if (!fp || fp.count === file.count && fp.sha256 === file.sha256) return void 0;
  return failed(
    "keyspace",
    `the cluster equals ${source}, but that file is not the keyspace the backup manifest fingerprinted`,
    `${fp.count} keys / ${fp.sha256.slice(0, 12)} (manifest)`,
    fileSaid
  );
}
function comparedRestore(plan2) {
  return plan2.steps.find(
    (st) => st.action === "restore-snapshot"
  );
}
async function localSnapshotCopy(t, remote, node, debug, markedCompactedBump) {
  const dir = await mkdtemp(join(tmpdir(), "kube-rescue-verify-"));
  const atExit = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", atExit);
  const remove = async () => {
    process.removeListener("exit", atExit);
    await rm(dir, { recursive: true, force: true });
  };
  let snap;
  try {
    const local = join(dir, "snapshot.db");
    const t0 = Date.now();
    await pipeline(t.readFile(remote), privateFileStream(local));
    debug?.(`verify: keyspace: ${remote} copied from ${node} in ${Date.now() - t0} ms`);
    snap = await SnapshotKeyspace.open(local, { withDigests: true });
    snap.keys();
    if (markedCompactedBump) {
      const at = snap.revision + markedCompactedBump;
      snap.restoredHashKV({ revision: at, compactRevision: at, bumpedTo: at });
    }
    const opened = snap;
    return {
      snap: opened,
      async [Symbol.asyncDispose]() {
        try {
          await opened[Symbol.asyncDispose]();
        } finally {
          await remove();
        }
      }
    };
  } catch (err) {
    await snap?.[Symbol.asyncDispose]().catch(() => void 0);
    await remove();
    throw err;
  }
}
async function compareWithSnapshot(deps, expected, revision, bump, source, ranges, keyByKeyBecause) {
  const { cluster, plan: plan2 } = deps;
  const at_ = (check2) => ({ check: check2, revision });
  const read = (from, limit, rev) => cluster.getPage(from, limit, rev || void 0);
  const via = `etcd via node ${cluster.node}`;
  const actual = ranges ? rangedPairs(
    read,
    ranges,
    { revision, pageSize: RANGE_KEYS, concurrency: RANGES_AT_ONCE },
    via
  ) : pagedPairs(read, { revision, pageSize: PAGE_KEYS }, via, { revision: 0 });
  const cmp = "digestOf" in expected ? await compareWithDigests(expected, actual) : await compareKeyspaces(expected, actual);
  const want = `${cmp.expected.count} keys${cmp.expected.sha256 ? ` / ${cmp.expected.sha256.slice(0, 12)}` : ""}`;
  const got = `${cmp.actual.count} keys / ${cmp.actual.sha256.slice(0, 12)} at revision ${revision}`;
  if (cmp.differences > 0) {
    return at_(
      failed(
        "keyspace",
        `${cmp.differences} key${cmp.differences === 1 ? "" : "s"} of the restored cluster differ from ${source}, e.g. ${cmp.examples.join("; ")}`,
        want,
        got
      )
    );
  }
  const fp = plan2.expect.fingerprint;
  const notTheFile = fileAgainstManifest(fp, cmp.expected, source, want);
  if (notTheFile) return at_(notTheFile);
  return at_(
    passed(
      "keyspace",
      `every key and value (${cmp.actual.count} keys) at revision ${revision} equals ${source}${bump ? `, revision bumped by ${bump}` : ""}${fp ? "; the file matches the manifest fingerprint" : ""}${keyByKeyBecause ? `; compared key by key: ${keyByKeyBecause}` : ""}`,
      want,
      got
    )
  );
}

// src/commands/plan.ts
function clusterNameOf(inventory) {
  for (const h of inventory.hosts.values()) {
    const v = h.vars.cluster_name;
    if (typeof v === "string" && v) return v;
  }
  return "cluster.local";
}
var NODE_GROUPS = ["k8s_cluster", "k8s-cluster", "kube_node", "kube-node"];
function kubernetesNodeNames(inventory) {
  const hosts = /* @__PURE__ */ new Set([
    ...inventory.controlPlane(),
    ...NODE_GROUPS.flatMap((g) => inventory.groups.get(g) ?? [])
  ]);
  return Object.fromEntries(
    [...hosts].map((h) => {
      const override = inventory.hosts.get(h)?.vars.kube_override_hostname;
      return [h, typeof override === "string" && override ? override : h];
    })
  );
}
function kubernetesNodeAddresses(inventory) {
  return Object.fromEntries(
    Object.keys(kubernetesNodeNames(inventory)).map((h) => {
      const vars = inventory.hosts.get(h)?.vars ?? {};
      const given = [vars.access_ip, vars.ip, vars.ansible_host].filter(
        (v) => typeof v === "string" && isIP3(v) !== 0
      );
      return [h, [...new Set(given)]];
    })
  );
}
function planInventoryOf(inventory) {
  const cpGroup = [...inventory.groups.keys()].find((g) => g.startsWith("broken_kube"));
  return {
    hosts: [...inventory.hosts.keys()],
    nodeNames: kubernetesNodeNames(inventory),
    nodeAddresses: kubernetesNodeAddresses(inventory),
    source: inventory.source,
    etcd: inventory.etcdMembers().map((m) => ({
      host: m.host,
      memberName: m.memberName,
      address: m.address
    })),
    controlPlane: inventory.controlPlane(),
    brokenEtcd: inventory.groups.has("broken_etcd") ? inventory.brokenEtcd() : void 0,
    brokenControlPlane: cpGroup ? inventory.brokenControlPlane() : void 0
  };
}
async function preparePlan(opts, ctx) {
  const inventory = await loadInventory(opts.inventory);
  if (inventory.etcdMembers().length === 0) {
    throw new InputError(
      `${opts.inventory} has no hosts in [etcd]: recovery needs the etcd members of the cluster.`
    );
  }
  const planInventory = planInventoryOf(inventory);
  const removeHosts = [...new Set(opts.removeHosts ?? [])];
  checkRemovableHosts(planInventory, removeHosts);
  const signed = opts.backup || opts.trustedSigners ? await ctx.progress.phase(
    "Check the backup signature",
    () => checkSignature(opts.backup, { trustedSigners: opts.trustedSigners, s3: opts.s3 })
  ) : void 0;
  if (signed) reportSignature(signed.check, ctx);
  const backup = opts.backup ? await ctx.progress.phase(
    `Read backup set ${opts.backup}`,
    () => BackupSource.open(opts.backup, opts.identityFiles, opts.s3)
  ) : void 0;
  requireSignedManifest(signed, backup, { trustedSigners: opts.trustedSigners });
  const transports = opts.transportFor ? { transportFor: opts.transportFor, close: async () => {
  } } : openNodeTransports(inventory, opts.access);
  try {
    const health = await ctx.progress.phase(
      "Probe the cluster",
      () => probeCluster(inventory, transports.transportFor, opts.access, {
        progress: ctx.progress,
        goneHosts: removeHosts,
        ...opts.probeTimeoutMs !== void 0 ? { timeoutMs: opts.probeTimeoutMs } : {}
      })
    );
    const kubectlOn = removeHosts.length > 0 ? await ctx.progress.phase(
      "Look for kubectl on the control plane",
      () => controlPlaneWithKubectl(inventory, health, removeHosts, transports.transportFor)
    ) : [];
    const state = { ...health, clusterName: clusterNameOf(inventory), kubectlOn };
    const options = {
      strategy: opts.strategy,
      force: opts.force,
      now: opts.now ?? /* @__PURE__ */ new Date(),
      haveIdentity: opts.identityFiles.length > 0,
      preferBackupSnapshot: opts.preferBackupSnapshot,
      removeHosts,
      ...opts.bumpRevision !== void 0 ? { bumpRevision: opts.bumpRevision } : {}
    };
    const plan2 = buildPlan(planInventory, state, backup?.summary(), options);
    const planFile = makePlanFile({
      inventory: planInventory,
      state,
      options: { ...options, now: options.now.toISOString() },
      ...backup ? { backup: { location: backup.location, manifestSha256: backup.manifestSha256 } } : {},
      plan: plan2
    });
    const objects = await ctx.progress.phase(
      "Check the backup objects the plan reads",
      () => checkPlanObjects(plan2, backup)
    );
    const preflight = signed ? { signature: signed.check, signatureText: describeSignature(signed.check), objects } : void 0;
    for (const o of objects) {
      ctx.progress.info(
        `${o.name}: present, ${o.bytes} bytes as the manifest says${o.encrypted ? ", the identity given opens it" : ""}.`
      );
    }
    return {
      plan: plan2,
      health,
      planFile,
      planSha256: planFileSha256(planFile),
      inventory,
      backup,
      preflight,
      ...transports
    };
  } catch (err) {
    await transports.close();
    throw err;
  }
}
function reportSignature(check2, ctx) {
  const line = `Backup signature: ${describeSignature(check2)}.`;
  if (check2.status === "invalid") ctx.progress.warn(line);
  else ctx.progress.info(line);
}
async function controlPlaneWithKubectl(inventory, health, removeHosts, transportFor) {
  const hosts = inventory.controlPlane().filter(
    (h) => !removeHosts.includes(h) && health.controlPlane.find((c) => c.host === h)?.reachable
  );
  const found = await Promise.all(
    hosts.map(async (h) => {
      try {
        return await hasKubectlAdmin(await transportFor(h)) ? [h] : [];
      } catch {
        return [];
      }
    })
  );
  return found.flat();
}
async function writePlanFile(path, file) {
  try {
    await writeFileDurably(path, planFileText(file));
  } catch (err) {
    throw new OperationError(`Cannot write the plan file ${path}: ${err.message}.`, {
      cause: err
    });
  }
}
async function plan(opts, ctx) {
  const prepared = await preparePlan(opts, ctx);
  await prepared.close();
  if (opts.out) {
    await writePlanFile(opts.out, prepared.planFile);
    ctx.progress.info(`Plan file ${opts.out} written, sha256 ${prepared.planSha256}.`);
  }
  return {
    plan: prepared.plan,
    health: prepared.health,
    planSha256: prepared.planSha256,
    ...opts.out ? { planFilePath: opts.out } : {},
    ...prepared.preflight ? { preflight: prepared.preflight } : {}
  };
}

export {
  BackupSource,
  openNodeTransports,
  KUBEADM_KUBELET_CLIENT,
  readKubeletClient,
  judgeKubeletClient,
  issueKubeletClient,
  stamp,
  keptCopyOf,
  deleteNodeArgv,
  buildPlan,
  sha256Hex,
  planFileSha256,
  parsePlanFile,
  replan,
  inventoryChanges,
  clusterChanges,
  verifyRecovery,
  comparedRestore,
  localSnapshotCopy,
  clusterNameOf,
  kubernetesNodeNames,
  kubernetesNodeAddresses,
  planInventoryOf,
  preparePlan,
  reportSignature,
  writePlanFile,
  plan
};
//# sourceMappingURL=chunk-QBYBDS7O.js.map
