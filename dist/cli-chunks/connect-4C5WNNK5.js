#!/usr/bin/env node
import {
  NodePool,
  connectNode,
  parseJumpHost
} from "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-KQL5RJTP.js";
import "./chunk-I2WN2EPD.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  NodePool,
  connectNode,
  parseJumpHost
};
//# sourceMappingURL=connect-4C5WNNK5.js.map
