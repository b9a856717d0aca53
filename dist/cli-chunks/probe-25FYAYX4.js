#!/usr/bin/env node
import {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-IWEHCL3Q.js";
import "./chunk-HZI3P3SN.js";
import "./chunk-6SA5W2XH.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-25FYAYX4.js.map
