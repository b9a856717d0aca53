#!/usr/bin/env node
import {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
} from "./chunk-7EN6IVKY.js";
import "./chunk-V46ZLIDJ.js";
import "./chunk-Y7ZFZ4BH.js";
import "./chunk-LAA6A62G.js";
import "./chunk-MZON7NW7.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-BCQJ3TK4.js";
export {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
};
//# sourceMappingURL=kind-provider-O4K2RARR.js.map
