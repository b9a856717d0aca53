#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-EBD6GMYM.js";
import "./chunk-IM4KUUJX.js";
import "./chunk-ADJLGYEZ.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-7QVTWSXK.js.map
