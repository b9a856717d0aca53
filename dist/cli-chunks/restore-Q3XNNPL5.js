#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-MO7YGMZ2.js";
import "./chunk-2S2DCOV2.js";
import "./chunk-XCMLO6M3.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-FKJKVTBB.js";
import "./chunk-6QIBAZXZ.js";
import "./chunk-GJLJMXSP.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YEEMT7QD.js";
import "./chunk-BKMBJ7X7.js";
import "./chunk-5OLJAUTC.js";
import "./chunk-EPZMRTZC.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-RHPEHTUU.js";
import "./chunk-AI3HM6CK.js";
import "./chunk-TOAWPYOC.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-BCQJ3TK4.js";
export {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
};
//# sourceMappingURL=restore-Q3XNNPL5.js.map
