#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-P7Q6JCFW.js";
import "./chunk-QWEHCISL.js";
import "./chunk-ADJLGYEZ.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-JLVZYWNP.js.map
