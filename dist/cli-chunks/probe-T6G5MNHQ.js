#!/usr/bin/env node
import {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-ODCQJ4SK.js";
import "./chunk-TGJ34QJN.js";
import "./chunk-RBXMYCVE.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  KUBELET_CONFIG,
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-T6G5MNHQ.js.map
