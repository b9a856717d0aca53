#!/usr/bin/env node
import {
  BUILD_KUBEADM_TOOLS,
  KUBEADM_ETCD_MODULE,
  KUBEADM_TOOL_MODULES,
  KUBERNETES_VERSION,
  builtKubernetesTools
} from "./chunk-OA4YAPLV.js";
import "./chunk-BCQJ3TK4.js";
export {
  BUILD_KUBEADM_TOOLS,
  KUBEADM_ETCD_MODULE,
  KUBEADM_TOOL_MODULES,
  KUBERNETES_VERSION,
  builtKubernetesTools
};
//# sourceMappingURL=kubernetes-tools-WOJIUV2W.js.map
