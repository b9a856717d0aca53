#!/usr/bin/env node
import {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
} from "./chunk-F7SXY2ID.js";
import "./chunk-V46ZLIDJ.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-LAA6A62G.js";
import "./chunk-I2WN2EPD.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
};
//# sourceMappingURL=kind-provider-ONGBNJ3N.js.map
