#!/usr/bin/env node
import {
  CONTROL_PLANE_GROUPS,
  detectFormat,
  loadInventory,
  parseInventory,
  parseInventoryDocument,
  readExtraVars,
  recoveryRewrite,
  writeInventoryDocument
} from "./chunk-ZSEXTH5J.js";
import "./chunk-BCQJ3TK4.js";
export {
  CONTROL_PLANE_GROUPS,
  detectFormat,
  loadInventory,
  parseInventory,
  parseInventoryDocument,
  readExtraVars,
  recoveryRewrite,
  writeInventoryDocument
};
//# sourceMappingURL=inventory-GIOK2EAD.js.map
