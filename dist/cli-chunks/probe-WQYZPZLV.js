#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-6QIBAZXZ.js";
import "./chunk-GJLJMXSP.js";
import "./chunk-RHPEHTUU.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-WQYZPZLV.js.map
