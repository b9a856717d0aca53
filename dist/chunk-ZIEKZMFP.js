import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);

// src/errors.ts
var KubeRescueError = class extends Error {
  exitCode;
  constructor(message, exitCode, options) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
};
var InputError = class extends KubeRescueError {
  constructor(message, options) {
    super(message, 2, options);
  }
};
var OperationError = class extends KubeRescueError {
  constructor(message, options) {
    super(message, 1, options);
  }
};

export {
  KubeRescueError,
  InputError,
  OperationError
};
//# sourceMappingURL=chunk-ZIEKZMFP.js.map
