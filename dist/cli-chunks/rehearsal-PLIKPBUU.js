#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-CYRBFHBL.js";
import "./chunk-WDGX7PLL.js";
import "./chunk-NUYBRMBR.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-KIZLLJCA.js";
import "./chunk-PRGYMECF.js";
import "./chunk-UDH55ROM.js";
import "./chunk-4LJVZTQV.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-AFO6ZSFY.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import "./chunk-ISKQTJW5.js";
import "./chunk-CHUR4YU4.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YEEMT7QD.js";
import "./chunk-BKMBJ7X7.js";
import "./chunk-HUHB3S3X.js";
import "./chunk-K5JV7D7L.js";
import "./chunk-LAA6A62G.js";
import "./chunk-EZU5HCA3.js";
import "./chunk-U3FYCLYN.js";
import "./chunk-CY66NM5I.js";
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
//# sourceMappingURL=rehearsal-PLIKPBUU.js.map
