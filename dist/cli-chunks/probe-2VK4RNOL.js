#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-YXSIKBLO.js";
import "./chunk-V3L7CHYX.js";
import "./chunk-RHPEHTUU.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-2VK4RNOL.js.map
