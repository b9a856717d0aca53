#!/usr/bin/env node
import {
  OperationError
} from "./chunk-BCQJ3TK4.js";

// harness/kubernetes-tools.ts
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, join } from "node:path";
var KUBERNETES_VERSION = "v1.37.2";
var KUBEADM_ETCD_MODULE = "etcd-3.6";
var KUBEADM_TOOL_MODULES = ["kubernetes", "cri-tools", KUBEADM_ETCD_MODULE];
var BUILD_KUBEADM_TOOLS = `bash scripts/build-tools.sh ${KUBEADM_TOOL_MODULES.join(" ")}`;
function toolsRoot(env) {
  const root = env.KUBE_RESCUE_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "kube-rescue");
  return join(root, "tools");
}
var toolBinDir = (module, env) => join(toolsRoot(env), module, "bin");
var isExecutable = (path) => access(path, constants.X_OK).then(
  () => true,
  () => false
);
async function builtKubernetesTools(env = process.env) {
  const k8s = toolBinDir("kubernetes", env);
  const cri = toolBinDir("cri-tools", env);
  const etcd = toolBinDir(KUBEADM_ETCD_MODULE, env);
  const tools = {
    version: KUBERNETES_VERSION,
    kubeadm: join(k8s, "kubeadm"),
    kubelet: join(k8s, "kubelet"),
    kubectl: join(k8s, "kubectl"),
    kubeApiserver: join(k8s, "kube-apiserver"),
    kubeControllerManager: join(k8s, "kube-controller-manager"),
    kubeScheduler: join(k8s, "kube-scheduler"),
    pause: join(k8s, "pause"),
    crictl: join(cri, "crictl"),
    etcd: join(etcd, "etcd"),
    etcdctl: join(etcd, "etcdctl"),
    etcdutl: join(etcd, "etcdutl")
  };
  const moduleOf = (path) => path.startsWith(k8s) ? "kubernetes" : path.startsWith(cri) ? "cri-tools" : KUBEADM_ETCD_MODULE;
  const missing = /* @__PURE__ */ new Map();
  for (const [key, path] of Object.entries(tools)) {
    if (key === "version" || await isExecutable(path)) continue;
    const m = moduleOf(path);
    missing.set(m, [...missing.get(m) ?? [], basename(path)]);
  }
  if (missing.size > 0) {
    const what = [...missing].map(([m, bins]) => `${m} (${bins.join(", ")})`).join("; ");
    throw new OperationError(
      `The kubeadm provider needs Kubernetes ${KUBERNETES_VERSION}, crictl and etcd 3.6 built from the Go modules under tools/; this machine lacks ${what} in ${toolsRoot(env)}. Build them with: bash scripts/build-tools.sh ${[...missing.keys()].join(" ")}  (Kubernetes takes ~20-40 min the first time on 2 cores, seconds once cached; scripts/setup.sh builds only the etcd modules unless KUBE_RESCUE_TOOLS="kubernetes cri-tools" is set).`
    );
  }
  return tools;
}

export {
  KUBERNETES_VERSION,
  KUBEADM_ETCD_MODULE,
  KUBEADM_TOOL_MODULES,
  BUILD_KUBEADM_TOOLS,
  builtKubernetesTools
};
//# sourceMappingURL=chunk-OA4YAPLV.js.map
