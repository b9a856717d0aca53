#!/usr/bin/env node
import {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-EJGHFFRD.js";
import "./chunk-27JVQ7QD.js";
import "./chunk-HLUJJTZB.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-QXCZYQZ6.js.map
