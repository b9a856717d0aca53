#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-ZCBGVXRR.js";
import "./chunk-4AZM5LYW.js";
import "./chunk-IBK753UR.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-R2F3H5MP.js";
import "./chunk-Z7P7Y4O4.js";
import "./chunk-2O6TVZNR.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-73MSZYWQ.js";
import "./chunk-OMYEDDFA.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-NHM3KGLY.js";
import "./chunk-KQL5RJTP.js";
import "./chunk-I2WN2EPD.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-BCQJ3TK4.js";
export {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
};
//# sourceMappingURL=restore-WTDLXOVE.js.map
