#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-EYIF4JLG.js";
import "./chunk-5DRZJHOG.js";
import "./chunk-ZVPZQCTE.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-FKJKVTBB.js";
import "./chunk-JUW7WW4C.js";
import "./chunk-5U3NRCCG.js";
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
//# sourceMappingURL=restore-O2BRNKGF.js.map
