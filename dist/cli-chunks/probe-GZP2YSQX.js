#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-Z7P7Y4O4.js";
import "./chunk-2O6TVZNR.js";
import "./chunk-NHM3KGLY.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-GZP2YSQX.js.map
