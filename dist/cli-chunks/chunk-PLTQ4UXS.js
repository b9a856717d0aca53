#!/usr/bin/env node
var __knownSymbol = (name, symbol) => (symbol = Symbol[name]) ? symbol : /* @__PURE__ */ Symbol.for("Symbol." + name);
var __typeError = (msg) => {
  throw TypeError(msg);
};
var __using = (stack, value, async) => {
  if (value != null) {
    if (typeof value !== "object" && typeof value !== "function") __typeError("Object expected");
    var dispose, inner;
    if (async) dispose = value[__knownSymbol("asyncDispose")];
    if (dispose === void 0) {
      dispose = value[__knownSymbol("dispose")];
      if (async) inner = dispose;
    }
    if (typeof dispose !== "function") __typeError("Object not disposable");
    if (inner) dispose = function() {
      try {
        inner.call(this);
      } catch (e) {
        return Promise.reject(e);
      }
    };
    stack.push([async, dispose, value]);
  } else if (async) {
    stack.push([async]);
  }
  return value;
};
var __callDispose = (stack, error, hasError) => {
  var E = typeof SuppressedError === "function" ? SuppressedError : function(e, s, m, _) {
    return _ = Error(m), _.name = "SuppressedError", _.error = e, _.suppressed = s, _;
  };
  var fail = (e) => error = hasError ? new E(e, error, "An error was suppressed during disposal") : (hasError = true, e);
  var next = (it) => {
    while (it = stack.pop()) {
      try {
        var result = it[1] && it[1].call(it[2]);
        if (it[0]) return Promise.resolve(result).then(next, (e) => (fail(e), next()));
      } catch (e) {
        fail(e);
      }
    }
    if (hasError) throw error;
  };
  return next();
};

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
function exitCodeOf(err) {
  return err instanceof KubeRescueError ? err.exitCode : 1;
}

// src/stores/set-name.ts
var SET_NAME = /^([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
var CLUSTER = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;
function checkClusterName(cluster, where = "--cluster-name") {
  if (!CLUSTER.test(cluster) || cluster.length > 100) {
    throw new InputError(
      `${where} '${cluster}': use lower-case letters, digits, '.' and '-' (starting and ending with a letter or digit), at most 100 characters.`
    );
  }
  return cluster;
}
function formatSetName(cluster, at) {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  return `${checkClusterName(cluster)}-${stamp}`;
}
function parseSetName(name) {
  const m = SET_NAME.exec(name);
  if (!m) return null;
  const [, cluster, y, mo, d, h, mi, s] = m;
  const created = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
  if (Number.isNaN(created.getTime()) || formatSetName(cluster, created) !== name) return null;
  return { name, cluster, created };
}
function compareSetNames(a, b) {
  const pa = parseSetName(a);
  const pb = parseSetName(b);
  if (pa && pb) return pa.created.getTime() - pb.created.getTime() || a.localeCompare(b);
  if (pa) return -1;
  if (pb) return 1;
  return a.localeCompare(b);
}
function checkObjectName(object) {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(object) || object.includes("..")) {
    throw new InputError(`'${object}' is not a valid object name inside a backup set.`);
  }
  return object;
}

// src/stores/s3-location.ts
function parseS3Url(url) {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) {
    throw new InputError(
      `'${url}' is not an S3 location. Expected s3://bucket or s3://bucket/prefix (bucket: 3-63 lower-case letters, digits, '.', '-').`
    );
  }
  return { bucket: m[1], prefix: (m[2] ?? "").replace(/^\/+|\/+$/g, "") };
}

export {
  __using,
  __callDispose,
  KubeRescueError,
  InputError,
  OperationError,
  exitCodeOf,
  checkClusterName,
  formatSetName,
  parseSetName,
  compareSetNames,
  checkObjectName,
  parseS3Url
};
//# sourceMappingURL=chunk-PLTQ4UXS.js.map
