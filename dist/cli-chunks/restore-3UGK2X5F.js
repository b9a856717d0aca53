#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-ALO3NRLQ.js";
import "./chunk-K3LWDHSK.js";
import "./chunk-4SNDQVN3.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-CMJO2HD3.js";
import "./chunk-OLIMJNZJ.js";
import "./chunk-F6ZXVXFW.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-WMW2GMJB.js";
import "./chunk-WVLE52TS.js";
import "./chunk-TJ3272OI.js";
import "./chunk-ZMWLBIGG.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-F5G46BDY.js";
import "./chunk-4HAON6FQ.js";
import "./chunk-BQFR37KL.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-FN7GF6KH.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-BCQJ3TK4.js";
export {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
};
//# sourceMappingURL=restore-3UGK2X5F.js.map
