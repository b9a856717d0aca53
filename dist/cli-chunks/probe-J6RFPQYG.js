#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-SWUHWQVU.js";
import "./chunk-H4YFHZZK.js";
import "./chunk-RHPEHTUU.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-J6RFPQYG.js.map
