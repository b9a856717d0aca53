import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  BUILD_KUBEADM_TOOLS,
  KUBEADM_ETCD_MODULE,
  KUBEADM_TOOL_MODULES,
  KUBERNETES_VERSION,
  builtKubernetesTools
} from "./chunk-AXQSCSDS.js";
import "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";
export {
  BUILD_KUBEADM_TOOLS,
  KUBEADM_ETCD_MODULE,
  KUBEADM_TOOL_MODULES,
  KUBERNETES_VERSION,
  builtKubernetesTools
};
//# sourceMappingURL=kubernetes-tools-ZXO5BID2.js.map
