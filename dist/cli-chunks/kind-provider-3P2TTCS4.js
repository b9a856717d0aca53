#!/usr/bin/env node
import {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
} from "./chunk-UDH55ROM.js";
import "./chunk-V46ZLIDJ.js";
import "./chunk-BKMBJ7X7.js";
import "./chunk-LAA6A62G.js";
import "./chunk-TOAWPYOC.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
};
//# sourceMappingURL=kind-provider-3P2TTCS4.js.map
