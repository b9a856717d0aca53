#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-ISKQTJW5.js";
import "./chunk-CHUR4YU4.js";
import "./chunk-CY66NM5I.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-JB67QQA2.js.map
