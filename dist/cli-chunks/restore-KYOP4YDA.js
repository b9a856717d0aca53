#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-RGUTRHN6.js";
import "./chunk-RF4NPMMB.js";
import "./chunk-IG4AZIBO.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-VYAEKV2T.js";
import "./chunk-GKFRM55Z.js";
import "./chunk-2WKKKMXO.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-CWA6NPQ4.js";
import "./chunk-TXF6RFLZ.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-ADJLGYEZ.js";
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
//# sourceMappingURL=restore-KYOP4YDA.js.map
