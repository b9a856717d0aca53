#!/usr/bin/env node
import {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
} from "./chunk-FGCEPGDY.js";
import "./chunk-4Q4TQWOV.js";
import "./chunk-BCQJ3TK4.js";
export {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
};
//# sourceMappingURL=kind-provider-5RCRVEZL.js.map
