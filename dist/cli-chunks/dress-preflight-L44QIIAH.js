#!/usr/bin/env node
import {
  checkNodeArchive,
  readArchiveHeaders
} from "./chunk-AVFVC57H.js";
import {
  buildPlan,
  clusterNameOf,
  planInventoryOf
} from "./chunk-QBYBDS7O.js";
import "./chunk-KQACRCKW.js";
import "./chunk-R6PYWJMK.js";
import {
  kubeadmLayout,
  kubesprayLayout
} from "./chunk-E33XPV3C.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YEEMT7QD.js";
import "./chunk-BKMBJ7X7.js";
import {
  checkPlanObjects,
  objectsNeeded
} from "./chunk-TNMCLJB6.js";
import "./chunk-K5JV7D7L.js";
import "./chunk-LAA6A62G.js";
import "./chunk-EZU5HCA3.js";
import "./chunk-U3FYCLYN.js";
import "./chunk-U6HZZ6QY.js";
import "./chunk-AI3HM6CK.js";
import "./chunk-TOAWPYOC.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import {
  InputError,
  KubeRescueError
} from "./chunk-BCQJ3TK4.js";

// harness/dress-preflight.ts
import { createHash } from "node:crypto";

// harness/replica-state.ts
var memberIdOf = (i) => (4096 + i).toString(16);
function base(clusterName, etcdVersion, layout) {
  const paths = layout === "kubeadm" ? kubeadmLayout() : kubesprayLayout();
  return {
    clusterName,
    layout,
    paths: {
      etcdCertDir: paths.etcdCertDir,
      dataDir: paths.dataDir,
      kubernetesCertDirs: paths.kubernetesCertDirs,
      manifestsDir: paths.manifestsDir,
      ...paths.envFile ? { envFile: paths.envFile } : {},
      ...paths.etcdManifest ? { etcdManifest: paths.etcdManifest } : {}
    },
    // The replica runs the backup's etcd minor (or the flag's) with the tools of that minor.
    toolsVersion: `${etcdVersion}.0`,
    toolsBumpRevision: etcdVersion !== "3.4"
  };
}
var staticPodFacts = (layout) => layout === "kubeadm" ? {
  staticPod: {
    crictl: true,
    ctr: true,
    kubeletStaticPodPath: kubeadmLayout().manifestsDir
  }
} : {};
function failedReplicaState(inventory, failure, clusterName, etcdVersion, layout = "kubespray") {
  const members = inventory.etcdMembers();
  const certsLost = (h) => layout === "kubeadm" && failure.brokenControlPlane.includes(h);
  const gone = (h) => failure.removeHosts.includes(h);
  const blank = (h) => failure.brokenEtcd.includes(h);
  const running = members.filter((m) => !gone(m.host) && !blank(m.host));
  const quorum = running.length > members.length / 2;
  const etcd = members.map((m, i) => {
    const common = { host: m.host, memberName: m.memberName, address: m.address };
    if (gone(m.host) || blank(m.host)) {
      return {
        ...common,
        ...gone(m.host) ? {} : staticPodFacts(layout),
        reachable: !gone(m.host),
        etcdRunning: false,
        healthy: false,
        etcdCertsPresent: false,
        lost: gone(m.host) ? "stopped for good (--remove-host)" : "re-provisioned blank at the same address"
      };
    }
    return {
      ...common,
      reachable: true,
      etcdRunning: true,
      healthy: quorum,
      ...quorum ? { memberId: memberIdOf(i) } : {},
      raftIndex: 1,
      revision: 1,
      ...staticPodFacts(layout),
      etcdCertsPresent: !certsLost(m.host)
    };
  });
  return {
    ...base(clusterName, etcdVersion, layout),
    ...quorum ? { serverVersion: `${etcdVersion}.0` } : {},
    members: quorum ? members.map((m, i) => ({
      id: memberIdOf(i),
      name: m.memberName,
      peerURLs: [`https://${m.address}:2380`]
    })) : [],
    quorum,
    etcd,
    controlPlane: inventory.controlPlane().map((host) => ({
      host,
      reachable: !gone(host),
      certsPresent: !gone(host) && !blank(host) && !failure.brokenControlPlane.includes(host)
    }))
  };
}
function emptiedReplicaState(inventory, clusterName, etcdVersion, layout = "kubespray") {
  return {
    ...base(clusterName, etcdVersion, layout),
    members: [],
    quorum: false,
    etcd: inventory.etcdMembers().map((m) => ({
      host: m.host,
      memberName: m.memberName,
      address: m.address,
      reachable: true,
      etcdRunning: false,
      healthy: false,
      ...staticPodFacts(layout),
      etcdCertsPresent: true,
      lost: "etcd stopped and its data dir emptied to take the backup"
    })),
    controlPlane: inventory.controlPlane().map((host) => ({ host, reachable: true, certsPresent: true }))
  };
}
function replicaBackupStandIn(inventory, clusterName, etcdVersion) {
  return {
    location: "the replica's own backup",
    clusterName,
    etcdVersion: `${etcdVersion}.0`,
    snapshotObject: "etcd.db.gz.age",
    revision: 1,
    totalKey: 1,
    encrypted: true,
    certArchives: Object.fromEntries(
      inventory.controlPlane().map((h) => [h, `${h}-pki.tar.gz.age`])
    )
  };
}

// harness/dress-preflight.ts
function requireArchives(inventory, failure, backup) {
  const cp = inventory.controlPlane();
  const archives = backup.manifest.objects.filter((o) => o.kind === "node-files");
  const problems = [];
  const seen = /* @__PURE__ */ new Map();
  for (const o of archives) {
    const node = o.node ?? "";
    if (!cp.includes(node)) {
      problems.push(
        `${o.name} is the archive of '${node}', which is not in the inventory's [kube_control_plane] (${cp.join(", ")})`
      );
    } else if (!o.name.startsWith(`${node}-`)) {
      problems.push(
        `${o.name} is listed as the archive of '${node}', but its name is another host's (backup names a node's archive <node>-pki.tar\u2026)`
      );
    } else if (seen.has(node)) {
      problems.push(`${seen.get(node)} and ${o.name} are both listed as the archive of '${node}'`);
    }
    seen.set(node, o.name);
  }
  const held = [...seen.keys()];
  const needed = failure.brokenControlPlane.filter((h) => !failure.removeHosts.includes(h));
  const missing = needed.filter((h) => !seen.has(h));
  if (missing.length > 0) {
    problems.push(
      `the failure loses the control-plane certificates of ${missing.join(", ")}, and the set has no archive of ${missing.length === 1 ? "that host" : "those hosts"} (it holds archives of ${held.join(", ") || "no host: taken with --etcd-only?"}); the plan restores them from there`
    );
  }
  if (problems.length > 0) {
    throw new InputError(
      `The backup ${backup.location} cannot be rehearsed with ${inventory.source}:
${problems.map((p) => `- ${p}`).join("\n")}
Nothing was started. Rehearse with a set taken without --etcd-only from this cluster, or state a failure its archives cover.`
    );
  }
}
function planned(what, build) {
  try {
    return build();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(
      `${what} is refused, so the rehearsal would stop there after the replica started: ${err.message.replace(/\s+$/, "")}
Nothing was started.`,
      { cause: err }
    );
  }
}
async function checkStoredBytes(backup, name) {
  const object = backup.manifest.objects.find((o) => o.name === name);
  if (!object) return `${name}: not in the manifest`;
  const { store, setName } = backup.storeAccess();
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of await store.read(setName, name)) {
    const b = chunk;
    bytes += b.length;
    hash.update(b);
  }
  const sha256 = hash.digest("hex");
  if (bytes !== object.bytes || sha256 !== object.sha256) {
    return `${name}: the store holds ${bytes} bytes with sha256 ${sha256}, the manifest lists ${object.bytes} bytes with sha256 ${object.sha256} (changed or damaged since the backup)`;
  }
  return void 0;
}
async function dressPreflight(input) {
  const { inventory, failure, etcdVersion, backup } = input;
  const layoutName = input.layout ?? "kubespray";
  const clusterName = clusterNameOf(inventory);
  const options = {
    strategy: input.strategy,
    force: false,
    now: input.now ?? /* @__PURE__ */ new Date(),
    haveIdentity: true,
    removeHosts: failure.removeHosts
  };
  if (backup) requireArchives(inventory, failure, backup);
  const summary = backup ? backup.summary() : replicaBackupStandIn(inventory, clusterName, etcdVersion);
  const planInventory = planInventoryOf(inventory);
  const bringUp = backup ? planned(
    `Bringing the replica to the state of ${backup.location}`,
    () => buildPlan(
      { ...planInventory, brokenEtcd: void 0, brokenControlPlane: void 0 },
      emptiedReplicaState(inventory, clusterName, etcdVersion, layoutName),
      summary,
      { ...options, removeHosts: [] }
    )
  ) : void 0;
  const production = planned(
    "The plan production would get for this failure",
    () => buildPlan(
      {
        ...planInventory,
        brokenEtcd: failure.brokenEtcd,
        brokenControlPlane: failure.brokenControlPlane
      },
      failedReplicaState(inventory, failure, clusterName, etcdVersion, layoutName),
      summary,
      options
    )
  );
  if (!backup) return { production, objects: [] };
  const objects = [.../* @__PURE__ */ new Set([...objectsNeeded(bringUp), ...objectsNeeded(production)])];
  const readsAll = { ...production, steps: [...bringUp.steps, ...production.steps] };
  await checkPlanObjects(readsAll, backup);
  const problems = [];
  for (const name of objects) {
    const problem = await checkStoredBytes(backup, name);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) {
    throw new InputError(
      `The backup ${backup.location} is not what its manifest lists:
${problems.map((p) => `- ${p}`).join("\n")}
Nothing was started. Check the set with 'kube-rescue verify', or rehearse with another set ('kube-rescue list').`
    );
  }
  const layout = layoutName === "kubeadm" ? kubeadmLayout() : kubesprayLayout();
  const cp = inventory.controlPlane();
  for (const o of backup.manifest.objects) {
    if (o.kind !== "node-files" || !o.node || !cp.includes(o.node)) continue;
    const where = `${backup.location}/${o.name}`;
    try {
      const headers = await backup.streamTo(o.name, (plain) => readArchiveHeaders(plain, where));
      checkNodeArchive(backup, layout, o.node, headers, where);
    } catch (err) {
      if (!(err instanceof KubeRescueError)) throw err;
      throw new InputError(`${err.message.replace(/\s+$/, "")}
Nothing was started.`, {
        cause: err
      });
    }
  }
  return { production, bringUp, objects };
}
export {
  dressPreflight,
  requireArchives
};
//# sourceMappingURL=dress-preflight-L44QIIAH.js.map
