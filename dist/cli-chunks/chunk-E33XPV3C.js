#!/usr/bin/env node
import {
  defaultToolCommands,
  manifestEtcdImage,
  parseEnvLines
} from "./chunk-U6HZZ6QY.js";
import {
  shellCommand
} from "./chunk-ZZ57F2FG.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/etcd/static-pod.ts
import { posix } from "node:path";
var CRI_NAMESPACE = "k8s.io";
var CONTROL_PLANE_CONTAINERS = "^(kube-apiserver|kube-controller-manager|kube-scheduler)$";
var q = (s) => shellCommand([s]);
function etcdImageToolCommands(image, paths) {
  const dataParent = posix.dirname(paths.dataDir);
  if (dataParent === "/") {
    throw new InputError(
      `etcd's data dir ${paths.dataDir} sits at the root: kube-rescue mounts its parent into the etcd tools' container and will not mount /. Pass a data dir below a directory of its own.`
    );
  }
  const mount = (dir, options) => `--mount ${q(`type=bind,src=${dir},dst=${dir},options=${options}`)}`;
  const fixed = [
    // Not recursive: /var/lib holds containerd's and the kubelet's mounts, none of them ours.
    mount(dataParent, "bind:rw"),
    mount("/var/tmp", "rbind:rw")
  ].join(" ");
  const cert = q(paths.etcdCertDir);
  const script = (tool) => [
    `t=\${TMPDIR:-/var/tmp}`,
    `set -- "$0" "kube-rescue-etcd-$(date +%s%N)-$$" ${tool} "$@"`,
    `if [ "$t" != /var/tmp ]; then set -- --mount "type=bind,src=$t,dst=$t,options=rbind:rw" "$@"; fi`,
    `if [ -d ${cert} ]; then set -- ${mount(paths.etcdCertDir, "rbind:ro")} "$@"; fi`,
    `o=$(umask 077 && mktemp "$t/kube-rescue-out.XXXXXX") || { echo "kube-rescue: cannot make a temp file in $t for the output of ${tool}" >&2; exit 125; }`,
    `trap 'rm -f "$o"' EXIT`,
    `trap 'exit 143' TERM`,
    `trap 'exit 130' INT`,
    `trap 'exit 129' HUP`,
    `ctr -n ${CRI_NAMESPACE} run --rm --net-host --env ETCDCTL_API=3 ${fixed} "$@" >"$o"`,
    `rc=$?`,
    `cat "$o" || { echo "kube-rescue: cannot read back the output of ${tool} from $o" >&2; exit 125; }`,
    `exit "$rc"`
  ].join("\n");
  const prefix = (tool) => ["sh", "-c", script(tool), image];
  return { etcd: prefix("etcd"), etcdctl: prefix("etcdctl"), etcdutl: prefix("etcdutl") };
}
var found = /* @__PURE__ */ new WeakMap();
async function staticPodToolCommands(transport, paths) {
  const key = JSON.stringify(paths);
  const known = found.get(transport)?.get(key);
  if (known) return known;
  const script = [
    "command -v ctr >/dev/null 2>&1 && echo ctr=yes",
    "command -v etcdctl >/dev/null 2>&1 && echo etcdctl=yes",
    'for f in "$@"; do if [ -r "$f" ]; then echo "manifest=$f"; cat "$f"; exit 0; fi; done',
    `command -v ctr >/dev/null 2>&1 && ctr -n ${CRI_NAMESPACE} images ls -q 2>/dev/null | sed -n 's/^/image=/p'`,
    "exit 0"
  ].join("\n");
  const res = await transport.exec(
    ["sh", "-c", script, "sh", paths.etcdManifest, paths.parkedEtcdManifest],
    { allowFailure: true, timeoutMs: 2e4 }
  );
  const out = res.stdout;
  const hasCtr = /^ctr=yes$/m.test(out);
  const manifestPath = /^manifest=(.*)$/m.exec(out)?.[1];
  let tools;
  if (hasCtr) {
    if (manifestPath) {
      const image = manifestEtcdImage(out.slice(out.indexOf("\n", out.indexOf("manifest="))));
      if (!image) {
        throw new InputError(
          `Node ${transport.node}: ${manifestPath} names no etcd image (no 'image: \u2026/etcd:\u2026' line): this is not a kubeadm etcd manifest kube-rescue can run the tools of.`
        );
      }
      tools = {
        commands: etcdImageToolCommands(image, paths),
        from: `image ${image} of ${manifestPath}`
      };
    } else {
      const images = [...out.matchAll(/^image=(.*)$/gm)].map((m) => m[1]).filter((i) => manifestEtcdImage(`image: ${i}`) === i);
      if (images.length === 1) {
        tools = {
          commands: etcdImageToolCommands(images[0], paths),
          from: `image ${images[0]} in containerd (no etcd manifest at ${paths.etcdManifest})`
        };
      }
    }
  }
  if (!tools && /^etcdctl=yes$/m.test(out)) {
    tools = { commands: defaultToolCommands, from: "the etcd tools on the PATH of the node" };
  }
  if (!tools) {
    throw new OperationError(
      `Node ${transport.node}: no etcd tools to run: ${hasCtr ? `no etcd manifest at ${paths.etcdManifest} or ${paths.parkedEtcdManifest} names the etcd image, and containerd (ctr -n ${CRI_NAMESPACE} images ls) holds no single etcd image` : `no ctr (containerd's client) to run the etcd image's etcdctl`}, and no etcdctl on the PATH. Restore the node's archive (--backup) or install etcd's client tools on ${transport.node}.`
    );
  }
  let perNode = found.get(transport);
  if (!perNode) {
    perNode = /* @__PURE__ */ new Map();
    found.set(transport, perNode);
  }
  perNode.set(key, tools);
  return tools;
}
async function etcdContainerState(transport) {
  const res = await transport.exec(
    ["crictl", "ps", "-q", "--name", "^etcd$", "--state", "Running"],
    { allowFailure: true, timeoutMs: 4e4 }
  );
  if (res.code === 127 || res.code !== 0 && /not found|No such file/i.test(res.stderr)) {
    throw new InputError(
      `Node ${transport.node}: crictl is not installed (exit ${res.code}): kube-rescue stops and starts a kubeadm etcd through the kubelet and confirms it with crictl. Install cri-tools on ${transport.node}.`
    );
  }
  if (res.code !== 0) {
    throw new OperationError(
      `Node ${transport.node}: crictl ps failed (exit ${res.code}): ${res.stderr.trim().slice(-300)}. Check containerd (systemctl status containerd) on ${transport.node}.`
    );
  }
  return res.stdout.trim() ? "running" : "gone";
}
async function waitForEtcdContainer(transport, want, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    if (await etcdContainerState(transport) === want) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 1e3));
  }
}
function etcdContainerTimeout(transport, want, timeoutMs, why, evidence) {
  return new OperationError(
    `Node ${transport.node}: the etcd container was ${want === "gone" ? "still running" : "still not running"} ${Math.round(timeoutMs / 1e3)} s after ${why} (crictl ps --name '^etcd$')${evidence ? `; ${evidence}` : ""}. Look at the kubelet (journalctl -u kubelet) and crictl ps -a on ${transport.node} before retrying.`
  );
}
function kubeletMessage(line) {
  return line.replace(/^[IWEF]\d{4} [\d:.]+\s+\d+ [^\]]*\] /, "").replace(/\\"/g, '"').replace(/\s*podUID="[^"]*"/, "").replace(/\s+/g, " ").trim();
}
async function kubeletEtcdEvidence(transport, since) {
  const res = await transport.script(
    [
      `journalctl -u kubelet --no-pager -o cat --since @${since} 2>/dev/null | grep -E 'etcd' | tail -n 40 | sed 's/^/kubelet: /'`,
      `crictl ps -a --name '^etcd$' 2>/dev/null | sed -n '2,3p' | sed 's/^/crictl: /'`,
      "exit 0"
    ].join("\n"),
    { allowFailure: true, timeoutMs: 3e4 }
  );
  const lines = res.stdout.split("\n").filter(Boolean);
  const kubelet = [
    ...new Set(
      lines.filter((l) => l.startsWith("kubelet: ")).map((l) => kubeletMessage(l.slice(9)))
    )
  ].slice(-2);
  const crictl = lines.filter((l) => l.startsWith("crictl: ")).map((l) => l.slice(8).replace(/\s+/g, " ").trim());
  const said = [...kubelet.map((l) => `kubelet: ${l}`), ...crictl.map((l) => `crictl: ${l}`)].map(
    (l) => l.length > 300 ? `${l.slice(0, 300)}\u2026` : l
  );
  return said.length ? `the node says: ${said.join(" | ")}` : "";
}
async function hasKubeletService(t) {
  const has = await t.exec(["systemctl", "cat", "kubelet.service"], {
    allowFailure: true,
    timeoutMs: 12e4
  });
  return has.code === 0;
}
async function restartKubelet(transport) {
  const res = await transport.exec(["systemctl", "restart", "kubelet"], {
    allowFailure: true,
    timeoutMs: 12e4
  });
  if (res.code === 0) return "restarted";
  return `systemctl restart kubelet failed (exit ${res.code}: ${res.stderr.trim().slice(-200) || "no message"})`;
}
async function moveManifest(transport, from, to, kubeletStopped = false) {
  const [f, t] = [q(from), q(to)];
  const move = kubeletStopped ? `systemctl stop kubelet; mv -- ${f} ${t}; rc=$?; systemctl start kubelet; [ $rc -eq 0 ] && echo moved` : `mv -- ${f} ${t} && echo moved`;
  const [at, out] = (await transport.script(
    `date +%s; if [ -e ${f} ]; then if [ -e ${t} ]; then echo both; else ${move}; fi; elif [ -e ${t} ]; then echo already; else echo none; fi`,
    { timeoutMs: kubeletStopped ? 24e4 : 3e4 }
  )).stdout.trim().split("\n");
  if (out === "both") {
    throw new OperationError(
      `Node ${transport.node}: both ${from} and ${to} exist; refusing to overwrite either. Keep the one etcd should run with, move the other away by hand, and run restore again.`
    );
  }
  return { out, at: Number(at) };
}
var ETCD_DRAIN_GRACE_MS = 3e3;
async function stopStaticPodEtcd(transport, paths, timeoutMs, drainGraceMs = ETCD_DRAIN_GRACE_MS) {
  const { etcdManifest: m, parkedEtcdManifest: p } = paths;
  const deadline = Date.now() + timeoutMs;
  const { out, at } = await moveManifest(transport, m, p);
  const said = {
    moved: `${m} moved to ${p}`,
    already: `${m} was parked at ${p} already`,
    none: `no etcd manifest on the node (${m})`
  }[out];
  if (await waitForEtcdContainer(transport, "gone", Math.min(drainGraceMs, timeoutMs))) {
    return `${said}; crictl shows no etcd container`;
  }
  const stopped = await transport.script(
    `ids=$(crictl ps -q --name '^etcd$' --state Running) || exit $?
[ -z "$ids" ] || crictl stop --timeout 0 $ids >/dev/null`,
    { allowFailure: true, timeoutMs: 6e4 }
  );
  const how = stopped.code === 0 ? `etcd was still draining its clients ${Math.round(drainGraceMs / 1e3)} s after, and crictl stopped it` : `etcd was still running ${Math.round(drainGraceMs / 1e3)} s after, and crictl stop failed (exit ${stopped.code}: ${stopped.stderr.trim().slice(-200) || "no message"})`;
  if (await waitForEtcdContainer(transport, "gone", Math.max(0, deadline - Date.now()))) {
    return `${said}; ${how}; crictl shows no etcd container`;
  }
  const evidence = await kubeletEtcdEvidence(transport, at);
  throw etcdContainerTimeout(transport, "gone", timeoutMs, `moving ${m} out (${how})`, evidence);
}
async function startStaticPodEtcd(transport, paths, timeoutMs) {
  const { etcdManifest: m, parkedEtcdManifest: p } = paths;
  const deadline = Date.now() + timeoutMs;
  const kubelet = await hasKubeletService(transport);
  const { out, at } = await moveManifest(transport, p, m, kubelet);
  if (out === "none") {
    throw new OperationError(
      `Node ${transport.node}: no etcd manifest to start etcd with: neither ${p} nor ${m} exists. Restore the node's archive from a backup (--backup) and run again.`
    );
  }
  const why = `putting ${m} in place`;
  const done = out === "moved" ? `${p} moved back to ${m}; crictl shows etcd Running` : `${m} was in place; crictl shows etcd Running`;
  let kubeletDid;
  let told;
  if (out === "moved" && kubelet) {
    kubeletDid = "the kubelet stopped for the move and started after it";
    told = true;
  } else {
    if (await etcdContainerState(transport) === "running") return done;
    const restart = kubelet ? await restartKubelet(transport) : "none";
    told = restart === "restarted";
    kubeletDid = told ? "the kubelet restarted, to start it from the returned manifest" : restart === "none" ? "no kubelet.service to restart" : restart;
  }
  if (await waitForEtcdContainer(transport, "running", Math.max(0, deadline - Date.now()))) {
    return told ? `${done}: ${kubeletDid}` : done;
  }
  throw etcdContainerTimeout(
    transport,
    "running",
    timeoutMs,
    `${why} (${kubeletDid})`,
    await kubeletEtcdEvidence(transport, at)
  );
}
async function etcdLostLogPanic(transport, panic) {
  const ps = await transport.exec(["crictl", "ps", "-a", "--name", "^etcd$", "-o", "json"], {
    allowFailure: true,
    timeoutMs: 2e4
  });
  if (ps.code !== 0) return void 0;
  let containers;
  try {
    containers = JSON.parse(ps.stdout).containers ?? [];
  } catch {
    return void 0;
  }
  const byAge = [...containers].sort(
    (a, b) => BigInt(b.createdAt) > BigInt(a.createdAt) ? 1 : -1
  );
  const newest = byAge[0];
  if (!newest) return void 0;
  const current = await transport.exec(["crictl", "logs", newest.id], {
    allowFailure: true,
    timeoutMs: 2e4
  });
  if (/"msg":"starting local member"/.test(`${current.stdout}
${current.stderr}`)) {
    return `its etcd container ${newest.id.slice(0, 13)} began the member without a WAL (its log says "starting local member", not "restarting local member") and does not answer: it holds no data of its own, and has not joined a cluster that could give it some`;
  }
  const earlier = byAge.filter(
    (c) => c.podSandboxId === newest.podSandboxId && c.state === "CONTAINER_EXITED"
  );
  for (const c of earlier.slice(0, 2)) {
    const logs = await transport.exec(["crictl", "logs", "--tail", "60", c.id], {
      allowFailure: true,
      timeoutMs: 2e4
    });
    const m = panic.exec(`${logs.stdout}
${logs.stderr}`);
    if (m) {
      return `its etcd container ${c.id.slice(0, 13)} (attempt ${c.metadata?.attempt ?? "?"} of the pod that runs now) exited saying "${m[0].slice(0, 200)}": etcd says so only where the member's data is gone, and the kubelet keeps restarting it`;
    }
  }
  return void 0;
}

// src/etcd/layout.ts
import { posix as posix2 } from "node:path";
var layoutNames = ["kubespray", "kubeadm"];
var kubeconfigs = [
  "admin.conf",
  "super-admin.conf",
  "controller-manager.conf",
  "scheduler.conf",
  "kubelet.conf"
];
var KUBELET_CONFIG = "/var/lib/kubelet/config.yaml";
var KUBEADM_KUBELET_FILES = [KUBELET_CONFIG, "/var/lib/kubelet/kubeadm-flags.env"];
async function waitForEtcdProcess(transport, running, timeoutMs, why) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const res = await transport.exec(["pgrep", "-x", "etcd"], {
      allowFailure: true,
      timeoutMs: 1e4
    });
    if (res.code === 0 === running) return;
    if (res.code > 1) {
      throw new OperationError(
        `Node ${transport.node}: pgrep failed (exit ${res.code}): ${res.stderr.trim()}. Install procps on the node.`
      );
    }
    if (Date.now() > deadline) {
      throw new OperationError(
        `Node ${transport.node}: etcd was ${running ? "still not running" : "still running"} ${timeoutMs / 1e3} s after ${why}. Look at the node (journalctl -u etcd, crictl ps) before retrying.`
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
var KUBESPRAY_ETCD_UNIT = "/etc/systemd/system/etcd.service";
var ADMIN_KUBECONFIG = "/etc/kubernetes/admin.conf";
function kubesprayLayout(overrides = {}) {
  const paths = {
    etcdCertDir: "/etc/ssl/etcd/ssl",
    dataDir: "/var/lib/etcd",
    kubernetesCertDirs: ["/etc/kubernetes/ssl", "/etc/kubernetes/pki"],
    manifestsDir: "/etc/kubernetes/manifests",
    envFile: "/etc/etcd.env",
    ...overrides
  };
  const pair = (base) => ({
    cert: posix2.join(paths.etcdCertDir, `${base}.pem`),
    key: posix2.join(paths.etcdCertDir, `${base}-key.pem`)
  });
  return {
    name: "kubespray",
    ...paths,
    clientTls: (host) => ({
      cacert: posix2.join(paths.etcdCertDir, "ca.pem"),
      ...pair(`admin-${host}`)
    }),
    memberCert: (host) => pair(`member-${host}`),
    backupPaths: () => [
      { path: paths.etcdCertDir, required: true },
      ...paths.envFile ? [{ path: paths.envFile, required: true }] : [],
      // Kubespray's own etcd unit: a re-provisioned node has only the distribution's.
      { path: KUBESPRAY_ETCD_UNIT, required: false },
      // /etc/kubernetes/pki is a symlink to ssl on Kubespray: archive the real dir once.
      ...paths.kubernetesCertDirs.map((d, i) => ({ path: d, required: i === 0 })),
      { path: paths.manifestsDir, required: false },
      ...kubeconfigs.map((c) => ({ path: posix2.join("/etc/kubernetes", c), required: false }))
    ],
    async stopEtcd(transport, options = {}) {
      await transport.exec(["systemctl", "stop", "etcd"], {
        timeoutMs: options.timeoutMs ?? 12e4
      });
      await waitForEtcdProcess(
        transport,
        false,
        options.timeoutMs ?? 6e4,
        "systemctl stop etcd"
      );
      return "etcd stopped (systemctl stop etcd); no etcd process left";
    },
    async startEtcd(transport, options = {}) {
      await transport.exec(["systemctl", "start", "etcd"], {
        timeoutMs: options.timeoutMs ?? 12e4
      });
      await waitForEtcdProcess(
        transport,
        true,
        options.timeoutMs ?? 6e4,
        "systemctl start etcd"
      );
      return "etcd started (systemctl start etcd)";
    },
    // Kubespray installs etcd, etcdctl (and etcdutl from 3.5) on the host.
    toolCommands: async () => defaultToolCommands
  };
}
function kubeadmLayout(overrides = {}) {
  const paths = {
    etcdCertDir: "/etc/kubernetes/pki/etcd",
    dataDir: "/var/lib/etcd",
    kubernetesCertDirs: ["/etc/kubernetes/pki"],
    manifestsDir: "/etc/kubernetes/manifests",
    etcdManifest: "/etc/kubernetes/manifests/etcd.yaml",
    ...overrides
  };
  const manifest = paths.etcdManifest ?? posix2.join(paths.manifestsDir, "etcd.yaml");
  const parked = posix2.join(posix2.dirname(paths.manifestsDir), "etcd.yaml.kube-rescue-stopped");
  const file = (f) => posix2.join(paths.etcdCertDir, f);
  const staticPod = { ...paths, etcdManifest: manifest, parkedEtcdManifest: parked };
  return {
    name: "kubeadm",
    ...paths,
    etcdManifest: manifest,
    parkedEtcdManifest: parked,
    clientTls: () => ({
      cacert: file("ca.crt"),
      cert: file("healthcheck-client.crt"),
      key: file("healthcheck-client.key")
    }),
    memberCert: () => ({ cert: file("server.crt"), key: file("server.key") }),
    backupPaths: () => [
      { path: paths.kubernetesCertDirs[0], required: true },
      { path: paths.manifestsDir, required: true },
      ...kubeconfigs.map((c) => ({ path: posix2.join("/etc/kubernetes", c), required: false })),
      // What kubeadm writes for the kubelet: without them a re-provisioned node's kubelet does
      // not start, and no static pod runs. Not its pki dir: the client certificate is made anew
      // after a restore (recovery/kubelet-client.ts), the serving one by the kubelet.
      ...KUBEADM_KUBELET_FILES.map((path) => ({ path, required: false }))
    ],
    stopEtcd: (transport, options = {}) => stopStaticPodEtcd(transport, staticPod, options.timeoutMs ?? 12e4),
    startEtcd: (transport, options = {}) => startStaticPodEtcd(transport, staticPod, options.timeoutMs ?? 12e4),
    toolCommands: async (transport) => (await staticPodToolCommands(transport, staticPod)).commands
  };
}
function layoutByName(name, overrides = {}) {
  if (name === "kubespray") return kubesprayLayout(overrides);
  if (name === "kubeadm") return kubeadmLayout(overrides);
  throw new InputError(
    `Unknown cluster layout "${name}": expected one of ${layoutNames.join(", ")} (or auto to detect it on the node).`
  );
}
async function detectLayout(transport, overrides = {}) {
  const env = overrides.envFile ?? "/etc/etcd.env";
  const manifest = overrides.etcdManifest ?? "/etc/kubernetes/manifests/etcd.yaml";
  const script = `if [ -r ${shellCommand([env])} ]; then echo kubespray; cat ${shellCommand([env])}; elif [ -e ${shellCommand([manifest])} ]; then echo kubeadm; else echo none; fi`;
  const res = await transport.script(script, { timeoutMs: 2e4 });
  const [kind, ...rest] = res.stdout.split("\n");
  if (kind === "kubespray") {
    const vars = parseEnvLines(rest.join("\n"));
    const fromEnv = {};
    if (vars.ETCD_DATA_DIR) fromEnv.dataDir = vars.ETCD_DATA_DIR;
    if (vars.ETCD_TRUSTED_CA_FILE) fromEnv.etcdCertDir = posix2.dirname(vars.ETCD_TRUSTED_CA_FILE);
    return kubesprayLayout({ ...fromEnv, ...overrides });
  }
  if (kind === "kubeadm") return kubeadmLayout(overrides);
  throw new OperationError(
    `Node ${transport.node}: cannot tell how etcd is deployed: found neither ${env} (Kubespray host etcd) nor ${manifest} (kubeadm static pod). Pass --layout kubespray|kubeadm, or check that this is an etcd/control-plane node.`
  );
}

export {
  CONTROL_PLANE_CONTAINERS,
  hasKubeletService,
  etcdLostLogPanic,
  KUBELET_CONFIG,
  KUBESPRAY_ETCD_UNIT,
  ADMIN_KUBECONFIG,
  kubesprayLayout,
  kubeadmLayout,
  layoutByName,
  detectLayout
};
//# sourceMappingURL=chunk-E33XPV3C.js.map
