#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-JUW7WW4C.js";
import "./chunk-5U3NRCCG.js";
import "./chunk-RHPEHTUU.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-HEK3RGRB.js.map
