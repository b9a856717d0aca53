#!/usr/bin/env node
import {
  JOURNAL_SUFFIX,
  defaultJournalPath,
  restore
} from "./chunk-WDGX7PLL.js";
import "./chunk-KIZLLJCA.js";
import "./chunk-PRGYMECF.js";
import "./chunk-OY3NMAG5.js";
import "./chunk-AFO6ZSFY.js";
import "./chunk-ISKQTJW5.js";
import "./chunk-CHUR4YU4.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YEEMT7QD.js";
import "./chunk-BKMBJ7X7.js";
import "./chunk-HUHB3S3X.js";
import "./chunk-K5JV7D7L.js";
import "./chunk-LAA6A62G.js";
import "./chunk-EZU5HCA3.js";
import "./chunk-U3FYCLYN.js";
import "./chunk-CY66NM5I.js";
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
//# sourceMappingURL=restore-UUJEJ33Q.js.map
