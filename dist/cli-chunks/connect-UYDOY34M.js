#!/usr/bin/env node
import {
  NodePool,
  connectNode,
  parseJumpHost
} from "./chunk-YETGTU6N.js";
import "./chunk-Y7ZFZ4BH.js";
import "./chunk-BXQQPNA2.js";
import "./chunk-MZON7NW7.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  NodePool,
  connectNode,
  parseJumpHost
};
//# sourceMappingURL=connect-UYDOY34M.js.map
