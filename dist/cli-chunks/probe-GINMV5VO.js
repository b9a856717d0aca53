#!/usr/bin/env node
import {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-VMU2RJ3M.js";
import "./chunk-ZWIVNZ6J.js";
import "./chunk-6SA5W2XH.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-GINMV5VO.js.map
