#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-IOQ3FJAC.js";
import "./chunk-I2DTORVI.js";
import "./chunk-Y75Y57FE.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-AJYSO2QX.js";
import "./chunk-S46DE52S.js";
import "./chunk-YYE7SK4D.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YETGTU6N.js";
import "./chunk-Y7ZFZ4BH.js";
import "./chunk-ESR2SQRQ.js";
import "./chunk-OMYEDDFA.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-VAK67CC7.js";
import "./chunk-BXQQPNA2.js";
import "./chunk-MZON7NW7.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-BCQJ3TK4.js";
export {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
};
//# sourceMappingURL=restore-AJNG3TSA.js.map
