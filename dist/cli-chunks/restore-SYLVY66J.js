#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-7PNXNDIK.js";
import "./chunk-XAY4NQCE.js";
import "./chunk-I7VT5LYC.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-VK72MI5K.js";
import "./chunk-FHMWDVPM.js";
import "./chunk-G66OEFGY.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YETGTU6N.js";
import "./chunk-Y7ZFZ4BH.js";
import "./chunk-4TMVWKPH.js";
import "./chunk-EPZMRTZC.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-YWZSMGJR.js";
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
//# sourceMappingURL=restore-SYLVY66J.js.map
