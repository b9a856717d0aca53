#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-M6VCYZRT.js";
import "./chunk-FRLA6WJG.js";
import "./chunk-HZJQVDAU.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-AP7PPV5M.js.map
