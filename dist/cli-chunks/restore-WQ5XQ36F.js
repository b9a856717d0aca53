#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-UZV7YRAW.js";
import "./chunk-3Q74BEXQ.js";
import "./chunk-RK6PTZ7A.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-4JQHHG4D.js";
import "./chunk-GKFRM55Z.js";
import "./chunk-2WKKKMXO.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-XFVD5LNR.js";
import "./chunk-OMYEDDFA.js";
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
//# sourceMappingURL=restore-WQ5XQ36F.js.map
