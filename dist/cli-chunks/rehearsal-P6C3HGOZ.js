#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-35KN66JK.js";
import "./chunk-7PNXNDIK.js";
import "./chunk-NUYBRMBR.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-XAY4NQCE.js";
import "./chunk-I7VT5LYC.js";
import "./chunk-7EN6IVKY.js";
import "./chunk-SZ56V3WW.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-VK72MI5K.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import "./chunk-FHMWDVPM.js";
import "./chunk-G66OEFGY.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YETGTU6N.js";
import "./chunk-Y7ZFZ4BH.js";
import "./chunk-4TMVWKPH.js";
import "./chunk-EPZMRTZC.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-YWZSMGJR.js";
import "./chunk-BXQQPNA2.js";
import "./chunk-MZON7NW7.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-BCQJ3TK4.js";
export {
  REHEARSAL_PROVIDERS,
  SCENARIOS,
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
};
//# sourceMappingURL=rehearsal-P6C3HGOZ.js.map
