#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-QGUIR6YD.js";
import "./chunk-FRLA6WJG.js";
import "./chunk-HZJQVDAU.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-VOGKFDTL.js.map
