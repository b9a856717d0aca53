#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-BPMG7PTT.js";
import "./chunk-NPVDFN4R.js";
import "./chunk-ADJLGYEZ.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-LLMLF3XR.js.map
