#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-2AK4VYV6.js";
import "./chunk-BAUJBEHF.js";
import "./chunk-NUYBRMBR.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-AVFVC57H.js";
import "./chunk-QBYBDS7O.js";
import "./chunk-UDH55ROM.js";
import "./chunk-DA5H22X5.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-KQACRCKW.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import "./chunk-R6PYWJMK.js";
import "./chunk-E33XPV3C.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YEEMT7QD.js";
import "./chunk-BKMBJ7X7.js";
import "./chunk-TNMCLJB6.js";
import "./chunk-K5JV7D7L.js";
import "./chunk-LAA6A62G.js";
import "./chunk-EZU5HCA3.js";
import "./chunk-U3FYCLYN.js";
import "./chunk-U6HZZ6QY.js";
import "./chunk-AI3HM6CK.js";
import "./chunk-TOAWPYOC.js";
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
//# sourceMappingURL=rehearsal-DQQ36IOR.js.map
