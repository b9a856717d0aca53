#!/usr/bin/env node
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-R6PYWJMK.js";
import "./chunk-E33XPV3C.js";
import "./chunk-U6HZZ6QY.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-TCXNJHVV.js.map
