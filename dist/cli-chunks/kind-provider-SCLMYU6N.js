#!/usr/bin/env node
import {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
} from "./chunk-4QSCLAKV.js";
import "./chunk-V46ZLIDJ.js";
import "./chunk-VOQQFXH7.js";
import "./chunk-BCQJ3TK4.js";
export {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
};
//# sourceMappingURL=kind-provider-SCLMYU6N.js.map
