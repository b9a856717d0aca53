#!/usr/bin/env node
import {
  NodePool,
  connectNode,
  parseJumpHost
} from "./chunk-YEEMT7QD.js";
import "./chunk-BKMBJ7X7.js";
import "./chunk-AI3HM6CK.js";
import "./chunk-TOAWPYOC.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  NodePool,
  connectNode,
  parseJumpHost
};
//# sourceMappingURL=connect-FUILXC4C.js.map
