#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-7L2LZAVD.js";
import "./chunk-NP25PTBP.js";
import "./chunk-IBDC2STI.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-CIKGWJFR.js";
import "./chunk-YXSIKBLO.js";
import "./chunk-V3L7CHYX.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YEEMT7QD.js";
import "./chunk-BKMBJ7X7.js";
import "./chunk-KIIWDACN.js";
import "./chunk-R6SP76RS.js";
import "./chunk-LAA6A62G.js";
import "./chunk-EZU5HCA3.js";
import "./chunk-U3FYCLYN.js";
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
//# sourceMappingURL=restore-ZEICT6R5.js.map
