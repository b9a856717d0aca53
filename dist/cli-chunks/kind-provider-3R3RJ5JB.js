#!/usr/bin/env node
import {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
} from "./chunk-6LBDIUJR.js";
import "./chunk-RH6OFGSW.js";
import "./chunk-BCQJ3TK4.js";
export {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
};
//# sourceMappingURL=kind-provider-3R3RJ5JB.js.map
