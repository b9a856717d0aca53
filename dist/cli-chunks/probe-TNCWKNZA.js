#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-6VVOZNGU.js";
import "./chunk-PV5Q7ZND.js";
import "./chunk-RHPEHTUU.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-TNCWKNZA.js.map
