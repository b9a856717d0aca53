#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-GKFRM55Z.js";
import "./chunk-2WKKKMXO.js";
import "./chunk-ADJLGYEZ.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-3IMUXWNY.js.map
