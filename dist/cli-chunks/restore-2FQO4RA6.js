#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-67XDYKWF.js";
import "./chunk-747ICQZ6.js";
import "./chunk-ZL6JSZJW.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-CIKGWJFR.js";
import "./chunk-6VVOZNGU.js";
import "./chunk-PV5Q7ZND.js";
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
//# sourceMappingURL=restore-2FQO4RA6.js.map
