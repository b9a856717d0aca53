#!/usr/bin/env node
import {
  NodePool,
  connectNode,
  parseJumpHost
} from "./chunk-WMW2GMJB.js";
import "./chunk-WVLE52TS.js";
import "./chunk-4HAON6FQ.js";
import "./chunk-BQFR37KL.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  NodePool,
  connectNode,
  parseJumpHost
};
//# sourceMappingURL=connect-2BX3D7DS.js.map
