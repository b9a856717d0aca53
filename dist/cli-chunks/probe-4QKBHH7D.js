#!/usr/bin/env node
import {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-KSIEQD75.js";
import "./chunk-AD4P5CF3.js";
import "./chunk-HLUJJTZB.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-4QKBHH7D.js.map
