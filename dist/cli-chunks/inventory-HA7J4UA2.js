#!/usr/bin/env node
import {
  inventoryRecover
} from "./chunk-NUYBRMBR.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-BCQJ3TK4.js";
export {
  inventoryRecover
};
//# sourceMappingURL=inventory-HA7J4UA2.js.map
