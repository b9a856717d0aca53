#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-6O2SBI2F.js";
import "./chunk-VOKSWHCA.js";
import "./chunk-QHF5SQMD.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-GUI6ZI5M.js";
import "./chunk-IWEHCL3Q.js";
import "./chunk-HZI3P3SN.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-7BUDZKHG.js";
import "./chunk-TXF6RFLZ.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-6SA5W2XH.js";
import "./chunk-KQL5RJTP.js";
import "./chunk-I2WN2EPD.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-FN7GF6KH.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-BCQJ3TK4.js";
export {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
};
//# sourceMappingURL=restore-4CVUNKBK.js.map
