#!/usr/bin/env node
import {
  CommandTransport,
  startChildProcess
} from "./chunk-TOAWPYOC.js";

// src/nodes/local.ts
var LocalTransport = class extends CommandTransport {
  kind = "local";
  constructor(node = "localhost") {
    super(node);
  }
  start(argv, env) {
    return startChildProcess(argv[0], argv.slice(1), { ...process.env, ...env });
  }
  async close() {
  }
};

export {
  LocalTransport
};
//# sourceMappingURL=chunk-AI3HM6CK.js.map
