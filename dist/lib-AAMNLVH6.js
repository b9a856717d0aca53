import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  require_src,
  require_src2
} from "./chunk-KRLZ36GZ.js";
import {
  __commonJS,
  __require
} from "./chunk-DNO6I5HZ.js";

// node_modules/etcd3/lib/errors.js
var require_errors = __commonJS({
  "node_modules/etcd3/lib/errors.js"(exports) {
    "use strict";
    var _a;
    var _b;
    var _c;
    var _d;
    var _e;
    var _f;
    var _g;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.castGrpcError = exports.castGrpcErrorMessage = exports.STMConflictError = exports.NotCampaigningError = exports.EtcdWatchStreamEnded = exports.EtcdPermissionDeniedError = exports.EtcdInvalidAuthTokenError = exports.EtcdAuthenticationFailedError = exports.EtcdLockFailedError = exports.EtcdUserNotFoundError = exports.EtcdRoleNotFoundError = exports.EtcdRoleNotGrantedError = exports.EtcdUserExistsError = exports.EtcdRoleExistsError = exports.EtcdLeaseInvalidError = exports.EtcdError = exports.GRPCUnauthenticatedError = exports.GRPCUnavailableError = exports.GRPCDataLossError = exports.GRPCOutOfRangeError = exports.GRPCNotImplementedError = exports.GRPCAbortedError = exports.GRPCFailedPreconditionError = exports.GRPCResourceExhastedError = exports.GRPCAlreadyExistsError = exports.GRPCNotFoundError = exports.GRPCDeadlineExceededError = exports.GRPCInvalidArgumentError = exports.GRPCUnknownError = exports.GRPCCancelledError = exports.GRPCInternalError = exports.GRPCProtocolError = exports.GRPCGenericError = exports.isRecoverableError = exports.RecoverableError = exports.ClientClosedError = exports.ClientRuntimeError = void 0;
    var ClientRuntimeError = class extends Error {
      constructor(message) {
        super(`${message} Please report this error at https://github.com/microsoft/etcd3`);
      }
    };
    exports.ClientRuntimeError = ClientRuntimeError;
    var ClientClosedError = class extends Error {
      constructor(namespace) {
        super(`Tried to call a ${namespace} method on etcd3, but the client was already closed`);
      }
    };
    exports.ClientClosedError = ClientClosedError;
    exports.RecoverableError = /* @__PURE__ */ Symbol("RecoverableError");
    var isRecoverableError = (error) => exports.RecoverableError in error;
    exports.isRecoverableError = isRecoverableError;
    var GRPCGenericError = class extends Error {
    };
    exports.GRPCGenericError = GRPCGenericError;
    var GRPCProtocolError = class extends GRPCGenericError {
    };
    exports.GRPCProtocolError = GRPCProtocolError;
    var GRPCInternalError = class extends GRPCGenericError {
      constructor() {
        super(...arguments);
        this[_a] = true;
      }
    };
    exports.GRPCInternalError = GRPCInternalError;
    _a = exports.RecoverableError;
    var GRPCCancelledError = class extends GRPCGenericError {
      constructor() {
        super(...arguments);
        this[_b] = true;
      }
    };
    exports.GRPCCancelledError = GRPCCancelledError;
    _b = exports.RecoverableError;
    var GRPCUnknownError = class extends GRPCGenericError {
      constructor() {
        super(...arguments);
        this[_c] = true;
      }
    };
    exports.GRPCUnknownError = GRPCUnknownError;
    _c = exports.RecoverableError;
    var GRPCInvalidArgumentError = class extends GRPCGenericError {
    };
    exports.GRPCInvalidArgumentError = GRPCInvalidArgumentError;
    var GRPCDeadlineExceededError = class extends GRPCGenericError {
      constructor() {
        super(...arguments);
        this[_d] = true;
      }
    };
    exports.GRPCDeadlineExceededError = GRPCDeadlineExceededError;
    _d = exports.RecoverableError;
    var GRPCNotFoundError = class extends GRPCGenericError {
    };
    exports.GRPCNotFoundError = GRPCNotFoundError;
    var GRPCAlreadyExistsError = class extends GRPCGenericError {
    };
    exports.GRPCAlreadyExistsError = GRPCAlreadyExistsError;
    var GRPCResourceExhastedError = class extends GRPCGenericError {
      constructor() {
        super(...arguments);
        this[_e] = true;
      }
    };
    exports.GRPCResourceExhastedError = GRPCResourceExhastedError;
    _e = exports.RecoverableError;
    var GRPCFailedPreconditionError = class extends GRPCGenericError {
    };
    exports.GRPCFailedPreconditionError = GRPCFailedPreconditionError;
    var GRPCAbortedError = class extends GRPCGenericError {
      constructor() {
        super(...arguments);
        this[_f] = true;
      }
    };
    exports.GRPCAbortedError = GRPCAbortedError;
    _f = exports.RecoverableError;
    var GRPCNotImplementedError = class extends GRPCGenericError {
    };
    exports.GRPCNotImplementedError = GRPCNotImplementedError;
    var GRPCOutOfRangeError = class extends GRPCGenericError {
    };
    exports.GRPCOutOfRangeError = GRPCOutOfRangeError;
    var GRPCDataLossError = class extends GRPCGenericError {
    };
    exports.GRPCDataLossError = GRPCDataLossError;
    var GRPCUnavailableError = class extends GRPCGenericError {
      constructor() {
        super(...arguments);
        this[_g] = true;
      }
    };
    exports.GRPCUnavailableError = GRPCUnavailableError;
    _g = exports.RecoverableError;
    var GRPCUnauthenticatedError = class extends GRPCGenericError {
    };
    exports.GRPCUnauthenticatedError = GRPCUnauthenticatedError;
    var EtcdError = class extends Error {
    };
    exports.EtcdError = EtcdError;
    var EtcdLeaseInvalidError = class extends Error {
      constructor(leaseID) {
        super(`Lease ${leaseID} is expired or revoked`);
      }
    };
    exports.EtcdLeaseInvalidError = EtcdLeaseInvalidError;
    var EtcdRoleExistsError = class extends Error {
    };
    exports.EtcdRoleExistsError = EtcdRoleExistsError;
    var EtcdUserExistsError = class extends Error {
    };
    exports.EtcdUserExistsError = EtcdUserExistsError;
    var EtcdRoleNotGrantedError = class extends Error {
    };
    exports.EtcdRoleNotGrantedError = EtcdRoleNotGrantedError;
    var EtcdRoleNotFoundError = class extends Error {
    };
    exports.EtcdRoleNotFoundError = EtcdRoleNotFoundError;
    var EtcdUserNotFoundError = class extends Error {
    };
    exports.EtcdUserNotFoundError = EtcdUserNotFoundError;
    var EtcdLockFailedError = class extends Error {
    };
    exports.EtcdLockFailedError = EtcdLockFailedError;
    var EtcdAuthenticationFailedError = class extends Error {
    };
    exports.EtcdAuthenticationFailedError = EtcdAuthenticationFailedError;
    var EtcdInvalidAuthTokenError = class extends Error {
    };
    exports.EtcdInvalidAuthTokenError = EtcdInvalidAuthTokenError;
    var EtcdPermissionDeniedError = class extends Error {
    };
    exports.EtcdPermissionDeniedError = EtcdPermissionDeniedError;
    var EtcdWatchStreamEnded = class extends Error {
      constructor() {
        super("The etcd watch stream was unexpectedly ended");
      }
    };
    exports.EtcdWatchStreamEnded = EtcdWatchStreamEnded;
    var NotCampaigningError = class extends Error {
    };
    exports.NotCampaigningError = NotCampaigningError;
    var STMConflictError = class extends Error {
      constructor() {
        super("A conflict occurred executing the software transaction");
      }
    };
    exports.STMConflictError = STMConflictError;
    var grpcMessageToError = /* @__PURE__ */ new Map([
      ["etcdserver: role name already exists", EtcdRoleExistsError],
      ["etcdserver: user name already exists", EtcdUserExistsError],
      ["etcdserver: role is not granted to the user", EtcdRoleNotGrantedError],
      ["etcdserver: role name not found", EtcdRoleNotFoundError],
      ["etcdserver: user name not found", EtcdUserNotFoundError],
      ["etcdserver: authentication failed, invalid user ID or password", EtcdAuthenticationFailedError],
      ["etcdserver: permission denied", EtcdPermissionDeniedError],
      ["etcdserver: invalid auth token", EtcdInvalidAuthTokenError],
      ["etcdserver: requested lease not found", EtcdLeaseInvalidError]
    ]);
    var grpcCodeToError = /* @__PURE__ */ new Map([
      [1, GRPCCancelledError],
      [2, GRPCUnknownError],
      [3, GRPCInvalidArgumentError],
      [4, GRPCDeadlineExceededError],
      [5, GRPCNotFoundError],
      [6, GRPCAlreadyExistsError],
      [7, EtcdPermissionDeniedError],
      [8, GRPCResourceExhastedError],
      [9, GRPCFailedPreconditionError],
      [10, GRPCAbortedError],
      [11, GRPCOutOfRangeError],
      [12, GRPCNotImplementedError],
      [13, GRPCInternalError],
      [14, GRPCUnavailableError],
      [15, GRPCDataLossError],
      [16, GRPCUnauthenticatedError]
    ]);
    function getMatchingGrpcError(message) {
      for (const [key, value] of grpcMessageToError) {
        if (message.includes(key)) {
          return value;
        }
      }
      return void 0;
    }
    function rewriteErrorName(str, ctor) {
      return str.replace(/^Error:/, `${ctor.name}:`);
    }
    function castGrpcErrorMessage(message) {
      const ctor = getMatchingGrpcError(message) || EtcdError;
      return new ctor(message);
    }
    exports.castGrpcErrorMessage = castGrpcErrorMessage;
    function castGrpcError(err) {
      if (err.constructor !== Error) {
        return err;
      }
      let ctor = getMatchingGrpcError(err.message);
      if (!ctor && "code" in err && typeof err.code === "number") {
        ctor = grpcCodeToError.get(err.code);
      }
      if (!ctor) {
        ctor = err.message.includes("etcdserver:") ? EtcdError : GRPCGenericError;
      }
      const castError = new ctor(rewriteErrorName(err.message, ctor));
      castError.stack = rewriteErrorName(String(err.stack), ctor);
      return castError;
    }
    exports.castGrpcError = castGrpcError;
  }
});

// node_modules/etcd3/lib/util.js
var require_util = __commonJS({
  "node_modules/etcd3/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getDeferred = exports.resolveCallOptions = exports.PromiseWrap = exports.debounce = exports.onceEvent = exports.forOwn = exports.delay = exports.sample = exports.minBy = exports.NSApplicator = exports.endRangeForPrefix = exports.toBuffer = exports.emptyKey = exports.zeroKey = void 0;
    var errors_1 = require_errors();
    exports.zeroKey = Buffer.from([0]);
    exports.emptyKey = Buffer.from([]);
    function toBuffer(input) {
      if (input instanceof Buffer) {
        return input;
      }
      if (typeof input === "number") {
        input = String(input);
      }
      return Buffer.from(input);
    }
    exports.toBuffer = toBuffer;
    function endRangeForPrefix(prefix) {
      const start = toBuffer(prefix);
      let end = Buffer.from(start);
      for (let i = end.length - 1; i >= 0; i--) {
        if (end[i] < 255) {
          end[i]++;
          end = end.slice(0, i + 1);
          return end;
        }
      }
      return exports.zeroKey;
    }
    exports.endRangeForPrefix = endRangeForPrefix;
    var NSApplicator = class {
      constructor(prefix) {
        this.prefix = prefix;
      }
      /**
       * Applies the namespace prefix to the buffer, if it exists.
       */
      applyKey(buf) {
        if (this.prefix.length === 0 || !buf) {
          return buf;
        }
        return Buffer.concat([this.prefix, buf]);
      }
      /**
       * Applies the namespace prefix to a range end. Due to how etcd handle 'zero'
       * ranges, we need special logic here.
       */
      applyRangeEnd(buf) {
        if (this.prefix.length === 0 || !buf) {
          return buf;
        }
        if (buf.equals(exports.zeroKey)) {
          if (!this.endRange) {
            this.endRange = endRangeForPrefix(this.prefix);
          }
          return this.endRange;
        }
        return Buffer.concat([this.prefix, buf]);
      }
      /**
       * Shortcut function to apply the namespace to a GRPC CRUD request. It returns
       * a new request, it does not modify the original.
       */
      applyToRequest(req) {
        if (this.prefix.length === 0) {
          return req;
        }
        return Object.assign({}, req, {
          key: this.applyKey(req.key),
          range_end: this.applyRangeEnd(req.range_end)
        });
      }
      /**
       * Removes a namespace prefix from the provided buffer. Throws if the buffer
       * doesn't have the prefix.
       */
      unprefix(buf) {
        if (this.prefix.length === 0) {
          return buf;
        }
        if (!buf.slice(0, this.prefix.length).equals(this.prefix)) {
          throw new errors_1.ClientRuntimeError(`Cannot slice non-existent prefix ${this.prefix} from ${buf}!`);
        }
        return buf.slice(this.prefix.length);
      }
    };
    exports.NSApplicator = NSApplicator;
    NSApplicator.default = new NSApplicator(exports.emptyKey);
    function minBy(items, prop) {
      let min = prop(items[0]);
      let output = [items[0]];
      for (let i = 1; i < items.length; i++) {
        const thisMin = prop(items[i]);
        if (thisMin < min) {
          min = thisMin;
          output = [items[i]];
        } else if (thisMin === min) {
          output.push(items[i]);
        }
      }
      return output;
    }
    exports.minBy = minBy;
    function sample(items) {
      return items[Math.floor(Math.random() * items.length)];
    }
    exports.sample = sample;
    function delay(duration) {
      return new Promise((resolve) => setTimeout(resolve, duration));
    }
    exports.delay = delay;
    function forOwn(obj, iterator) {
      const keys = Object.keys(obj);
      for (const key of keys) {
        iterator(obj[key], key);
      }
    }
    exports.forOwn = forOwn;
    function onceEvent(emitter, ...events) {
      return new Promise((resolve, reject) => {
        const teardown = [];
        const handler = (data, event) => {
          teardown.forEach((t) => t());
          if (event === "error") {
            reject(data);
          } else {
            resolve(data);
          }
        };
        events.forEach((event) => {
          const fn = (data) => handler(data, event);
          teardown.push(() => emitter.removeListener(event, fn));
          emitter.once(event, fn);
        });
      });
    }
    exports.onceEvent = onceEvent;
    function debounce(duration, fn) {
      let timeout;
      const wrapper = () => {
        wrapper.cancel();
        timeout = setTimeout(fn, duration);
      };
      wrapper.cancel = () => {
        if (timeout) {
          clearTimeout(timeout);
          timeout = void 0;
        }
      };
      return wrapper;
    }
    exports.debounce = debounce;
    var PromiseWrap = class {
      /**
       * then implements Promiselike.then()
       */
      then(onFulfilled, onRejected) {
        return this.createPromise().then(onFulfilled, onRejected);
      }
      /**
       * catch implements Promiselike.catch()
       */
      catch(onRejected) {
        return this.createPromise().catch(onRejected);
      }
    };
    exports.PromiseWrap = PromiseWrap;
    var resolveCallOptions = (callOptions, defaultOptions, context) => {
      if (defaultOptions === void 0) {
        return callOptions;
      }
      if (typeof defaultOptions === "function") {
        defaultOptions = defaultOptions(context);
      }
      return callOptions ? { ...defaultOptions, ...callOptions } : defaultOptions;
    };
    exports.resolveCallOptions = resolveCallOptions;
    var getDeferred = () => {
      let resolve;
      let reject;
      const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    };
    exports.getDeferred = getDeferred;
  }
});

// node_modules/etcd3/lib/range.js
var require_range = __commonJS({
  "node_modules/etcd3/lib/range.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Range = void 0;
    var util_1 = require_util();
    function compare(a, b) {
      if (a.length === 0) {
        return b.length === 0 ? 0 : 1;
      }
      if (b.length === 0) {
        return -1;
      }
      return a.compare(b);
    }
    function rangableIsPrefix(r) {
      return r.hasOwnProperty("prefix");
    }
    var Range = class _Range {
      /**
       * Prefix returns a Range that maps to all keys
       * prefixed with the provided string.
       */
      static prefix(prefix) {
        if (prefix.length === 0) {
          return new _Range(util_1.zeroKey, util_1.zeroKey);
        }
        return new _Range(prefix, (0, util_1.endRangeForPrefix)((0, util_1.toBuffer)(prefix)));
      }
      /**
       * Converts a rangable into a qualified Range.
       */
      static from(v) {
        if (typeof v === "string" || v instanceof Buffer) {
          return new _Range((0, util_1.toBuffer)(v));
        }
        if (v instanceof _Range) {
          return v;
        }
        if (rangableIsPrefix(v)) {
          return _Range.prefix(v.prefix);
        }
        return new _Range(v.start, v.end);
      }
      constructor(start, end = util_1.emptyKey) {
        this.start = (0, util_1.toBuffer)(start);
        this.end = (0, util_1.toBuffer)(end);
      }
      /**
       * Returns whether the byte range includes the provided value.
       */
      includes(value) {
        value = (0, util_1.toBuffer)(value);
        return compare(this.start, value) <= 0 && compare(this.end, value) > 0;
      }
      /**
       * Compares the other range to this one, returning:
       *  -1 if this range comes before the other one
       *  1 if this range comes after the other one
       *  0 if they overlap
       */
      compare(other) {
        const ivbCmpBegin = compare(this.start, other.start);
        const ivbCmpEnd = compare(this.start, other.end);
        const iveCmpBegin = compare(this.end, other.start);
        if (ivbCmpBegin < 0 && iveCmpBegin <= 0) {
          return -1;
        }
        if (ivbCmpEnd >= 0) {
          return 1;
        }
        return 0;
      }
    };
    exports.Range = Range;
  }
});

// node_modules/etcd3/lib/auth.js
var require_auth = __commonJS({
  "node_modules/etcd3/lib/auth.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = exports.Role = void 0;
    var range_1 = require_range();
    var util_1 = require_util();
    function getRange(req) {
      if (req.hasOwnProperty("key")) {
        return new range_1.Range((0, util_1.toBuffer)(req.key));
      }
      return req.range;
    }
    var Role = class {
      constructor(client, name) {
        this.client = client;
        this.name = name;
      }
      /**
       * Creates the role in etcd.
       */
      create(options) {
        return this.client.roleAdd({ name: this.name }, options).then(() => this);
      }
      /**
       * Deletes the role from etcd.
       */
      delete(options) {
        return this.client.roleDelete({ role: this.name }, options).then(() => this);
      }
      /**
       * Removes a permission from the role in etcd.
       */
      revoke(req, options) {
        if (req instanceof Array) {
          return Promise.all(req.map((r) => this.grant(r, options))).then(() => this);
        }
        const range = getRange(req);
        return this.client.roleRevokePermission({
          role: this.name,
          key: range.start,
          range_end: range.end
        }).then(() => this);
      }
      /**
       * Grants one or more permissions to this role.
       */
      grant(req, options) {
        if (req instanceof Array) {
          return Promise.all(req.map((r) => this.grant(r))).then(() => this);
        }
        const range = getRange(req);
        return this.client.roleGrantPermission({
          name: this.name,
          perm: {
            permType: req.permission,
            key: range.start,
            range_end: range.end
          }
        }, options).then(() => this);
      }
      /**
       * Returns a list of permissions the role has.
       */
      permissions(options) {
        return this.client.roleGet({ role: this.name }, options).then((response) => {
          return response.perm.map((perm) => ({
            permission: perm.permType,
            range: new range_1.Range(perm.key, perm.range_end)
          }));
        });
      }
      /**
       * Grants a user access to the role.
       */
      addUser(user, options) {
        if (user instanceof User) {
          user = user.name;
        }
        return this.client.userGrantRole({ user, role: this.name }, options).then(() => this);
      }
      /**
       * Removes a user's access to the role.
       */
      removeUser(user, options) {
        if (user instanceof User) {
          user = user.name;
        }
        return this.client.userRevokeRole({ name: user, role: this.name }, options).then(() => this);
      }
    };
    exports.Role = Role;
    var User = class {
      constructor(client, name) {
        this.client = client;
        this.name = name;
      }
      /**
       * Creates the user, with the provided password.
       */
      create(password, options) {
        return this.client.userAdd({ name: this.name, password }, options).then(() => this);
      }
      /**
       * Changes the user's password.
       */
      setPassword(password, options) {
        return this.client.userChangePassword({ name: this.name, password }, options).then(() => this);
      }
      /**
       * Deletes the user from etcd.
       */
      delete(options) {
        return this.client.userDelete({ name: this.name }, options).then(() => this);
      }
      /**
       * Returns a list of roles this user has.
       */
      roles(options) {
        return this.client.userGet({ name: this.name }, options).then((res) => {
          return res.roles.map((role) => new Role(this.client, role));
        });
      }
      /**
       * Adds the user to a role.
       */
      addRole(role, options) {
        if (role instanceof Role) {
          role = role.name;
        }
        return this.client.userGrantRole({ user: this.name, role }, options).then(() => this);
      }
      /**
       * Removes the user's access to a role.
       */
      removeRole(role, options) {
        if (role instanceof Role) {
          role = role.name;
        }
        return this.client.userRevokeRole({ name: this.name, role }, options).then(() => this);
      }
    };
    exports.User = User;
  }
});

// node_modules/cockatiel/dist/backoff/ConstantBackoff.js
var require_ConstantBackoff = __commonJS({
  "node_modules/cockatiel/dist/backoff/ConstantBackoff.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ConstantBackoff = void 0;
    var ConstantBackoff = class {
      /**
       * Backoff that returns a constant interval.
       */
      constructor(interval) {
        this.interval = interval;
      }
      /**
       * @inheritdoc
       */
      next() {
        return instance(this.interval);
      }
    };
    exports.ConstantBackoff = ConstantBackoff;
    var instance = (interval) => ({
      duration: interval,
      next() {
        return this;
      }
    });
  }
});

// node_modules/cockatiel/dist/backoff/DelegateBackoff.js
var require_DelegateBackoff = __commonJS({
  "node_modules/cockatiel/dist/backoff/DelegateBackoff.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DelegateBackoff = void 0;
    var DelegateBackoff = class {
      /**
       * Backoff that delegates to a user-provided function. The function takes
       * the backoff context, and can optionally take (and return) a state value
       * that will be passed into subsequent backoff requests.
       */
      constructor(fn) {
        this.fn = fn;
      }
      /**
       * @inheritdoc
       */
      next(context) {
        return instance(this.fn).next(context);
      }
    };
    exports.DelegateBackoff = DelegateBackoff;
    var instance = (fn, state, current = 0) => ({
      duration: current,
      next(context) {
        const result = fn(context, state);
        return typeof result === "number" ? instance(fn, state, result) : instance(fn, result.state, result.delay);
      }
    });
  }
});

// node_modules/cockatiel/dist/backoff/ExponentialBackoffGenerators.js
var require_ExponentialBackoffGenerators = __commonJS({
  "node_modules/cockatiel/dist/backoff/ExponentialBackoffGenerators.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.decorrelatedJitterGenerator = exports.halfJitterGenerator = exports.fullJitterGenerator = exports.noJitterGenerator = void 0;
    var noJitterGenerator = (attempts = 0, options) => [
      Math.min(options.maxDelay, options.initialDelay * 2 ** attempts),
      attempts + 1
    ];
    exports.noJitterGenerator = noJitterGenerator;
    var fullJitterGenerator = (state, options) => {
      const [delay, next] = (0, exports.noJitterGenerator)(state, options);
      return [Math.floor(Math.random() * delay), next];
    };
    exports.fullJitterGenerator = fullJitterGenerator;
    var halfJitterGenerator = (attempts, options) => {
      const [delay, next] = (0, exports.noJitterGenerator)(attempts, options);
      return [Math.floor((delay + Math.random() * delay) / 2), next];
    };
    exports.halfJitterGenerator = halfJitterGenerator;
    var pFactor = 4;
    var rpScalingFactor = 1 / 1.4;
    var decorrelatedJitterGenerator = (state, options) => {
      const [attempt, prev] = state || [0, 0];
      const t = attempt + Math.random();
      const next = Math.pow(options.exponent, t) * Math.tanh(Math.sqrt(pFactor * t));
      const formulaIntrinsicValue = isFinite(next) ? Math.max(0, next - prev) : Infinity;
      return [
        Math.min(formulaIntrinsicValue * rpScalingFactor * options.initialDelay, options.maxDelay),
        [attempt + 1, next]
      ];
    };
    exports.decorrelatedJitterGenerator = decorrelatedJitterGenerator;
  }
});

// node_modules/cockatiel/dist/backoff/ExponentialBackoff.js
var require_ExponentialBackoff = __commonJS({
  "node_modules/cockatiel/dist/backoff/ExponentialBackoff.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ExponentialBackoff = void 0;
    var ExponentialBackoffGenerators_1 = require_ExponentialBackoffGenerators();
    var defaultOptions = {
      generator: ExponentialBackoffGenerators_1.decorrelatedJitterGenerator,
      maxDelay: 3e4,
      exponent: 2,
      initialDelay: 128
    };
    var ExponentialBackoff = class {
      /**
       * An implementation of exponential backoff.
       */
      constructor(options) {
        this.options = options ? { ...defaultOptions, ...options } : defaultOptions;
      }
      next() {
        return instance(this.options).next(void 0);
      }
    };
    exports.ExponentialBackoff = ExponentialBackoff;
    var instance = (options, state, delay = 0, attempt = -1) => ({
      duration: delay,
      next() {
        const [nextDelay, nextState] = options.generator(state, options);
        return instance(options, nextState, nextDelay, attempt + 1);
      }
    });
  }
});

// node_modules/cockatiel/dist/backoff/IterableBackoff.js
var require_IterableBackoff = __commonJS({
  "node_modules/cockatiel/dist/backoff/IterableBackoff.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.IterableBackoff = void 0;
    var IterableBackoff = class {
      /**
       * Backoff that returns a number from an iterable.
       */
      constructor(durations) {
        this.durations = durations;
      }
      /**
       * @inheritdoc
       */
      next(_context) {
        return instance(this.durations, 0);
      }
    };
    exports.IterableBackoff = IterableBackoff;
    var instance = (durations, index) => ({
      duration: durations[index],
      next() {
        return index === durations.length - 1 ? this : instance(durations, index + 1);
      }
    });
  }
});

// node_modules/cockatiel/dist/backoff/Backoff.js
var require_Backoff = __commonJS({
  "node_modules/cockatiel/dist/backoff/Backoff.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_ConstantBackoff(), exports);
    __exportStar(require_DelegateBackoff(), exports);
    __exportStar(require_ExponentialBackoff(), exports);
    __exportStar(require_ExponentialBackoffGenerators(), exports);
    __exportStar(require_IterableBackoff(), exports);
  }
});

// node_modules/cockatiel/dist/breaker/ConsecutiveBreaker.js
var require_ConsecutiveBreaker = __commonJS({
  "node_modules/cockatiel/dist/breaker/ConsecutiveBreaker.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ConsecutiveBreaker = void 0;
    var ConsecutiveBreaker = class {
      /**
       * ConsecutiveBreaker breaks if more than `threshold` exceptions are received
       * over a time period.
       */
      constructor(threshold) {
        this.threshold = threshold;
        this.state = 0;
      }
      /**
       * @inheritdoc
       */
      success() {
        this.state = 0;
      }
      /**
       * @inheritdoc
       */
      failure() {
        return ++this.state >= this.threshold;
      }
    };
    exports.ConsecutiveBreaker = ConsecutiveBreaker;
  }
});

// node_modules/cockatiel/dist/errors/TaskCancelledError.js
var require_TaskCancelledError = __commonJS({
  "node_modules/cockatiel/dist/errors/TaskCancelledError.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TaskCancelledError = void 0;
    var TaskCancelledError = class extends Error {
      /**
       * Error thrown when a task is cancelled.
       */
      constructor(message = "Operation cancelled") {
        super(message);
        this.message = message;
        this.isTaskCancelledError = true;
      }
    };
    exports.TaskCancelledError = TaskCancelledError;
  }
});

// node_modules/cockatiel/dist/common/Event.js
var require_Event = __commonJS({
  "node_modules/cockatiel/dist/common/Event.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MemorizingEventEmitter = exports.EventEmitter = exports.onAbort = exports.Event = exports.noopDisposable = void 0;
    var TaskCancelledError_1 = require_TaskCancelledError();
    exports.noopDisposable = { dispose: () => void 0 };
    var Event;
    (function(Event2) {
      Event2.once = (event, listener) => {
        let syncDispose = false;
        let disposable;
        disposable = event((value) => {
          listener(value);
          if (disposable) {
            disposable.dispose();
          } else {
            syncDispose = true;
          }
        });
        if (syncDispose) {
          disposable.dispose();
          return exports.noopDisposable;
        }
        return disposable;
      };
      Event2.toPromise = (event, signal) => {
        if (!signal) {
          return new Promise((resolve) => Event2.once(event, resolve));
        }
        if (signal.aborted) {
          return Promise.reject(new TaskCancelledError_1.TaskCancelledError());
        }
        const toDispose = [];
        return new Promise((resolve, reject) => {
          const abortEvt = (0, exports.onAbort)(signal);
          toDispose.push(abortEvt);
          toDispose.push(abortEvt.event(() => {
            reject(new TaskCancelledError_1.TaskCancelledError());
          }));
          toDispose.push(Event2.once(event, (data) => {
            resolve(data);
          }));
        }).finally(() => {
          for (const d of toDispose) {
            d.dispose();
          }
        });
      };
    })(Event || (exports.Event = Event = {}));
    var onAbort = (signal) => {
      const evt = new OneShotEvent();
      if (signal.aborted) {
        evt.emit();
        return { event: evt.addListener, dispose: () => {
        } };
      }
      const dispose = () => signal.removeEventListener("abort", l);
      const l = () => {
        evt.emit();
        dispose();
      };
      signal.addEventListener("abort", l);
      return { event: evt.addListener, dispose };
    };
    exports.onAbort = onAbort;
    var EventEmitter = class {
      constructor() {
        this.addListener = (listener) => this.addListenerInner(listener);
      }
      /**
       * Gets the number of event listeners.
       */
      get size() {
        if (!this.listeners) {
          return 0;
        } else if (typeof this.listeners === "function") {
          return 1;
        } else {
          return this.listeners.length;
        }
      }
      /**
       * Emits event data.
       */
      emit(value) {
        if (!this.listeners) {
        } else if (typeof this.listeners === "function") {
          this.listeners(value);
        } else {
          for (const listener of this.listeners) {
            listener(value);
          }
        }
      }
      addListenerInner(listener) {
        if (!this.listeners) {
          this.listeners = listener;
        } else if (typeof this.listeners === "function") {
          this.listeners = [this.listeners, listener];
        } else {
          this.listeners.push(listener);
        }
        return { dispose: () => this.removeListener(listener) };
      }
      removeListener(listener) {
        if (!this.listeners) {
          return;
        }
        if (typeof this.listeners === "function") {
          if (this.listeners === listener) {
            this.listeners = void 0;
          }
          return;
        }
        const index = this.listeners.indexOf(listener);
        if (index === -1) {
          return;
        }
        if (this.listeners.length === 2) {
          this.listeners = index === 0 ? this.listeners[1] : this.listeners[0];
        } else {
          this.listeners = this.listeners.slice(0, index).concat(this.listeners.slice(index + 1));
        }
      }
    };
    exports.EventEmitter = EventEmitter;
    var MemorizingEventEmitter = class extends EventEmitter {
      constructor() {
        super(...arguments);
        this.addListener = (listener) => {
          const disposable = this.addListenerInner(listener);
          if (this.lastValue) {
            listener(this.lastValue.value);
          }
          return disposable;
        };
      }
      /**
       * Gets whether this emitter has yet emitted any event.
       */
      get hasEmitted() {
        return !!this.lastValue;
      }
      /**
       * @inheritdoc
       */
      emit(value) {
        this.lastValue = { value };
        super.emit(value);
      }
    };
    exports.MemorizingEventEmitter = MemorizingEventEmitter;
    var OneShotEvent = class extends EventEmitter {
      constructor() {
        super(...arguments);
        this.addListener = (listener) => {
          if (this.lastValue) {
            listener(this.lastValue.value);
            return exports.noopDisposable;
          } else {
            return this.addListenerInner(listener);
          }
        };
      }
      /**
       * @inheritdoc
       */
      emit(value) {
        this.lastValue = { value };
        super.emit(value);
        this.listeners = void 0;
      }
    };
  }
});

// node_modules/cockatiel/dist/common/abort.js
var require_abort = __commonJS({
  "node_modules/cockatiel/dist/common/abort.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.deriveAbortController = exports.abortedSignal = exports.neverAbortedSignal = void 0;
    var Event_1 = require_Event();
    exports.neverAbortedSignal = new AbortController().signal;
    var cancelledSrc = new AbortController();
    cancelledSrc.abort();
    exports.abortedSignal = cancelledSrc.signal;
    var noop = () => {
    };
    var deriveAbortController = (signal) => {
      const ctrl = new AbortController();
      let dispose = noop;
      if (!signal) {
        return { ctrl, dispose };
      }
      if (signal.aborted) {
        ctrl.abort();
      } else {
        const abortEvt = (0, Event_1.onAbort)(signal);
        abortEvt.event(() => ctrl.abort());
        dispose = abortEvt.dispose;
      }
      return { ctrl, dispose };
    };
    exports.deriveAbortController = deriveAbortController;
  }
});

// node_modules/cockatiel/dist/common/Executor.js
var require_Executor = __commonJS({
  "node_modules/cockatiel/dist/common/Executor.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ExecuteWrapper = exports.returnOrThrow = void 0;
    var Event_1 = require_Event();
    var returnOrThrow = (failure) => {
      if ("error" in failure) {
        throw failure.error;
      }
      if ("success" in failure) {
        return failure.success;
      }
      return failure.value;
    };
    exports.returnOrThrow = returnOrThrow;
    var makeStopwatch = () => {
      if (typeof performance !== "undefined") {
        const start = performance.now();
        return () => performance.now() - start;
      } else {
        const start = process.hrtime.bigint();
        return () => Number(process.hrtime.bigint() - start) / 1e6;
      }
    };
    var ExecuteWrapper = class _ExecuteWrapper {
      constructor(errorFilter = () => false, resultFilter = () => false) {
        this.errorFilter = errorFilter;
        this.resultFilter = resultFilter;
        this.successEmitter = new Event_1.EventEmitter();
        this.failureEmitter = new Event_1.EventEmitter();
        this.onSuccess = this.successEmitter.addListener;
        this.onFailure = this.failureEmitter.addListener;
      }
      clone() {
        return new _ExecuteWrapper(this.errorFilter, this.resultFilter);
      }
      async invoke(fn, ...args) {
        const stopwatch = this.successEmitter.size || this.failureEmitter.size ? makeStopwatch() : null;
        try {
          const value = await fn(...args);
          if (!this.resultFilter(value)) {
            if (stopwatch) {
              this.successEmitter.emit({ duration: stopwatch() });
            }
            return { success: value };
          }
          if (stopwatch) {
            this.failureEmitter.emit({ duration: stopwatch(), handled: true, reason: { value } });
          }
          return { value };
        } catch (rawError) {
          const error = rawError;
          const handled = this.errorFilter(error);
          if (stopwatch) {
            this.failureEmitter.emit({ duration: stopwatch(), handled, reason: { error } });
          }
          if (!handled) {
            throw error;
          }
          return { error };
        }
      }
    };
    exports.ExecuteWrapper = ExecuteWrapper;
  }
});

// node_modules/cockatiel/dist/errors/BrokenCircuitError.js
var require_BrokenCircuitError = __commonJS({
  "node_modules/cockatiel/dist/errors/BrokenCircuitError.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BrokenCircuitError = void 0;
    var BrokenCircuitError = class extends Error {
      /**
       * Exception thrown from {@link CircuitBreakerPolicy.execute} when the
       * circuit breaker is open.
       */
      constructor(message = "Execution prevented because the circuit breaker is open") {
        super(message);
        this.isBrokenCircuitError = true;
      }
    };
    exports.BrokenCircuitError = BrokenCircuitError;
  }
});

// node_modules/cockatiel/dist/errors/BulkheadRejectedError.js
var require_BulkheadRejectedError = __commonJS({
  "node_modules/cockatiel/dist/errors/BulkheadRejectedError.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BulkheadRejectedError = void 0;
    var BulkheadRejectedError = class extends Error {
      constructor(executionSlots, queueSlots) {
        super(`Bulkhead capacity exceeded (0/${executionSlots} execution slots, 0/${queueSlots} available)`);
        this.isBulkheadRejectedError = true;
      }
    };
    exports.BulkheadRejectedError = BulkheadRejectedError;
  }
});

// node_modules/cockatiel/dist/errors/HydratingCircuitError.js
var require_HydratingCircuitError = __commonJS({
  "node_modules/cockatiel/dist/errors/HydratingCircuitError.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HydratingCircuitError = void 0;
    var HydratingCircuitError = class extends Error {
      /**
       * Exception thrown from {@link CircuitBreakerPolicy.execute} when the
       * circuit breaker is open.
       */
      constructor(message = "Execution prevented because the circuit breaker is open") {
        super(message);
        this.isHydratingCircuitError = true;
      }
    };
    exports.HydratingCircuitError = HydratingCircuitError;
  }
});

// node_modules/cockatiel/dist/errors/IsolatedCircuitError.js
var require_IsolatedCircuitError = __commonJS({
  "node_modules/cockatiel/dist/errors/IsolatedCircuitError.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.IsolatedCircuitError = void 0;
    var BrokenCircuitError_1 = require_BrokenCircuitError();
    var IsolatedCircuitError = class extends BrokenCircuitError_1.BrokenCircuitError {
      /**
       * Exception thrown from {@link CircuitBreakerPolicy.execute} when the
       * circuit breaker is open.
       */
      constructor() {
        super(`Execution prevented because the circuit breaker is open`);
        this.isIsolatedCircuitError = true;
      }
    };
    exports.IsolatedCircuitError = IsolatedCircuitError;
  }
});

// node_modules/cockatiel/dist/errors/Errors.js
var require_Errors = __commonJS({
  "node_modules/cockatiel/dist/errors/Errors.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isHydratingCircuitError = exports.isTaskCancelledError = exports.isIsolatedCircuitError = exports.isBulkheadRejectedError = exports.isBrokenCircuitError = void 0;
    __exportStar(require_BrokenCircuitError(), exports);
    __exportStar(require_BulkheadRejectedError(), exports);
    __exportStar(require_HydratingCircuitError(), exports);
    __exportStar(require_IsolatedCircuitError(), exports);
    __exportStar(require_TaskCancelledError(), exports);
    var isBrokenCircuitError = (e) => !!e && e instanceof Error && "isBrokenCircuitError" in e;
    exports.isBrokenCircuitError = isBrokenCircuitError;
    var isBulkheadRejectedError = (e) => !!e && e instanceof Error && "isBulkheadRejectedError" in e;
    exports.isBulkheadRejectedError = isBulkheadRejectedError;
    var isIsolatedCircuitError = (e) => !!e && e instanceof Error && "isBulkheadRejectedError" in e;
    exports.isIsolatedCircuitError = isIsolatedCircuitError;
    var isTaskCancelledError = (e) => !!e && e instanceof Error && "isBulkheadRejectedError" in e;
    exports.isTaskCancelledError = isTaskCancelledError;
    var isHydratingCircuitError = (e) => !!e && e instanceof Error && "isHydratingCircuitError" in e;
    exports.isHydratingCircuitError = isHydratingCircuitError;
  }
});

// node_modules/cockatiel/dist/CircuitBreakerPolicy.js
var require_CircuitBreakerPolicy = __commonJS({
  "node_modules/cockatiel/dist/CircuitBreakerPolicy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CircuitBreakerPolicy = exports.CircuitState = void 0;
    var Backoff_1 = require_Backoff();
    var abort_1 = require_abort();
    var Event_1 = require_Event();
    var Executor_1 = require_Executor();
    var Errors_1 = require_Errors();
    var IsolatedCircuitError_1 = require_IsolatedCircuitError();
    var CircuitState;
    (function(CircuitState2) {
      CircuitState2[CircuitState2["Closed"] = 0] = "Closed";
      CircuitState2[CircuitState2["Open"] = 1] = "Open";
      CircuitState2[CircuitState2["HalfOpen"] = 2] = "HalfOpen";
      CircuitState2[CircuitState2["Isolated"] = 3] = "Isolated";
    })(CircuitState || (exports.CircuitState = CircuitState = {}));
    var CircuitBreakerPolicy = class {
      /**
       * Gets the current circuit breaker state.
       */
      get state() {
        return this.innerState.value;
      }
      /**
       * Gets the last reason the circuit breaker failed.
       */
      get lastFailure() {
        return this.innerLastFailure;
      }
      constructor(options, executor) {
        this.options = options;
        this.executor = executor;
        this.breakEmitter = new Event_1.EventEmitter();
        this.resetEmitter = new Event_1.EventEmitter();
        this.halfOpenEmitter = new Event_1.EventEmitter();
        this.stateChangeEmitter = new Event_1.EventEmitter();
        this.innerState = { value: CircuitState.Closed };
        this.onBreak = this.breakEmitter.addListener;
        this.onReset = this.resetEmitter.addListener;
        this.onHalfOpen = this.halfOpenEmitter.addListener;
        this.onStateChange = this.stateChangeEmitter.addListener;
        this.onSuccess = this.executor.onSuccess;
        this.onFailure = this.executor.onFailure;
        this.halfOpenAfterBackoffFactory = typeof options.halfOpenAfter === "number" ? new Backoff_1.ConstantBackoff(options.halfOpenAfter) : options.halfOpenAfter;
        if (options.initialState) {
          const initialState = options.initialState;
          this.innerState = initialState.ownState;
          this.options.breaker.state = initialState.breakerState;
          if (this.innerState.value === CircuitState.Open || this.innerState.value === CircuitState.HalfOpen) {
            this.innerLastFailure = { error: new Errors_1.HydratingCircuitError() };
            let backoff = this.halfOpenAfterBackoffFactory.next({
              attempt: 1,
              result: this.innerLastFailure,
              signal: abort_1.neverAbortedSignal
            });
            for (let i = 2; i <= this.innerState.attemptNo; i++) {
              backoff = backoff.next({
                attempt: i,
                result: this.innerLastFailure,
                signal: abort_1.neverAbortedSignal
              });
            }
            this.innerState.backoff = backoff;
          }
        }
      }
      /**
       * Manually holds open the circuit breaker.
       * @returns A handle that keeps the breaker open until `.dispose()` is called.
       */
      isolate() {
        if (this.innerState.value !== CircuitState.Isolated) {
          this.innerState = { value: CircuitState.Isolated, counters: 0 };
          this.breakEmitter.emit({ isolated: true });
          this.stateChangeEmitter.emit(CircuitState.Isolated);
        }
        this.innerState.counters++;
        let disposed = false;
        return {
          dispose: () => {
            if (disposed) {
              return;
            }
            disposed = true;
            if (this.innerState.value === CircuitState.Isolated && !--this.innerState.counters) {
              this.innerState = { value: CircuitState.Closed };
              this.resetEmitter.emit();
              this.stateChangeEmitter.emit(CircuitState.Closed);
            }
          }
        };
      }
      /**
       * Executes the given function.
       * @param fn Function to run
       * @throws a {@link BrokenCircuitError} if the circuit is open
       * @throws a {@link IsolatedCircuitError} if the circuit is held
       * open via {@link CircuitBreakerPolicy.isolate}
       * @returns a Promise that resolves or rejects with the function results.
       */
      async execute(fn, signal = abort_1.neverAbortedSignal) {
        const state = this.innerState;
        switch (state.value) {
          case CircuitState.Closed:
            const result = await this.executor.invoke(fn, { signal });
            if ("success" in result) {
              this.options.breaker.success(state.value);
            } else {
              this.innerLastFailure = result;
              if (this.options.breaker.failure(state.value)) {
                this.open(result, signal);
              }
            }
            return (0, Executor_1.returnOrThrow)(result);
          case CircuitState.HalfOpen:
            await state.test.catch(() => void 0);
            if (this.state === CircuitState.Closed && signal.aborted) {
              throw new Errors_1.TaskCancelledError();
            }
            return this.execute(fn);
          case CircuitState.Open:
            if (Date.now() - state.openedAt < state.backoff.duration) {
              throw new Errors_1.BrokenCircuitError();
            }
            const test = this.halfOpen(fn, signal);
            this.innerState = {
              value: CircuitState.HalfOpen,
              test,
              backoff: state.backoff,
              attemptNo: state.attemptNo + 1
            };
            this.stateChangeEmitter.emit(CircuitState.HalfOpen);
            return test;
          case CircuitState.Isolated:
            throw new IsolatedCircuitError_1.IsolatedCircuitError();
          default:
            throw new Error(`Unexpected circuit state ${state}`);
        }
      }
      /**
       * Captures circuit breaker state that can later be used to recreate the
       * breaker by passing `state` to the `circuitBreaker` function. This is
       * useful in cases like serverless functions where you may want to keep
       * the breaker state across multiple executions.
       */
      toJSON() {
        const state = this.innerState;
        let ownState;
        if (state.value === CircuitState.HalfOpen) {
          ownState = {
            value: CircuitState.Open,
            openedAt: 0,
            attemptNo: state.attemptNo
          };
        } else if (state.value === CircuitState.Open) {
          ownState = {
            value: CircuitState.Open,
            openedAt: state.openedAt,
            attemptNo: state.attemptNo
          };
        } else {
          ownState = state;
        }
        return { ownState, breakerState: this.options.breaker.state };
      }
      async halfOpen(fn, signal) {
        this.halfOpenEmitter.emit();
        try {
          const result = await this.executor.invoke(fn, { signal });
          if ("success" in result) {
            this.options.breaker.success(CircuitState.HalfOpen);
            this.close();
          } else {
            this.innerLastFailure = result;
            this.options.breaker.failure(CircuitState.HalfOpen);
            this.open(result, signal);
          }
          return (0, Executor_1.returnOrThrow)(result);
        } catch (err) {
          this.close();
          throw err;
        }
      }
      open(reason, signal) {
        if (this.state === CircuitState.Isolated || this.state === CircuitState.Open) {
          return;
        }
        const attemptNo = this.innerState.value === CircuitState.HalfOpen ? this.innerState.attemptNo : 1;
        const context = { attempt: attemptNo, result: reason, signal };
        const backoff = this.innerState.value === CircuitState.HalfOpen ? this.innerState.backoff.next(context) : this.halfOpenAfterBackoffFactory.next(context);
        this.innerState = { value: CircuitState.Open, openedAt: Date.now(), backoff, attemptNo };
        this.breakEmitter.emit(reason);
        this.stateChangeEmitter.emit(CircuitState.Open);
      }
      close() {
        if (this.state === CircuitState.HalfOpen) {
          this.innerState = { value: CircuitState.Closed };
          this.resetEmitter.emit();
          this.stateChangeEmitter.emit(CircuitState.Closed);
        }
      }
    };
    exports.CircuitBreakerPolicy = CircuitBreakerPolicy;
  }
});

// node_modules/cockatiel/dist/breaker/CountBreaker.js
var require_CountBreaker = __commonJS({
  "node_modules/cockatiel/dist/breaker/CountBreaker.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CountBreaker = void 0;
    var CircuitBreakerPolicy_1 = require_CircuitBreakerPolicy();
    var CountBreaker = class {
      /**
       * @inheritdoc
       */
      get state() {
        return {
          samples: this.samples,
          currentSample: this.currentSample,
          failures: this.failures,
          successes: this.successes
        };
      }
      /**
       * @inheritdoc
       */
      set state(value) {
        Object.assign(this, value);
      }
      /**
       * CountBreaker breaks if more than `threshold` percentage of the last `size`
       * calls failed, so long as at least `minimumNumberOfCalls` calls have been
       * performed (to avoid opening unnecessarily if there are only few samples
       * in the sliding window yet).
       */
      constructor({ threshold, size, minimumNumberOfCalls = size }) {
        this.successes = 0;
        this.failures = 0;
        this.currentSample = 0;
        if (threshold <= 0 || threshold >= 1) {
          throw new RangeError(`CountBreaker threshold should be between (0, 1), got ${threshold}`);
        }
        if (!Number.isSafeInteger(size) || size < 1) {
          throw new RangeError(`CountBreaker size should be a positive integer, got ${size}`);
        }
        if (!Number.isSafeInteger(minimumNumberOfCalls) || minimumNumberOfCalls < 1 || minimumNumberOfCalls > size) {
          throw new RangeError(`CountBreaker size should be an integer between (1, size), got ${minimumNumberOfCalls}`);
        }
        this.threshold = threshold;
        this.minimumNumberOfCalls = minimumNumberOfCalls;
        this.samples = Array.from({ length: size }, () => null);
      }
      /**
       * @inheritdoc
       */
      success(state) {
        if (state === CircuitBreakerPolicy_1.CircuitState.HalfOpen) {
          this.reset();
        }
        this.sample(true);
      }
      /**
       * @inheritdoc
       */
      failure(state) {
        this.sample(false);
        if (state !== CircuitBreakerPolicy_1.CircuitState.Closed) {
          return true;
        }
        const total = this.successes + this.failures;
        if (total < this.minimumNumberOfCalls) {
          return false;
        }
        if (this.failures > this.threshold * total) {
          return true;
        }
        return false;
      }
      reset() {
        this.samples.fill(null);
        this.successes = 0;
        this.failures = 0;
      }
      sample(success) {
        const current = this.samples[this.currentSample];
        if (current === true) {
          this.successes--;
        } else if (current === false) {
          this.failures--;
        }
        this.samples[this.currentSample] = success;
        if (success) {
          this.successes++;
        } else {
          this.failures++;
        }
        this.currentSample = (this.currentSample + 1) % this.samples.length;
      }
    };
    exports.CountBreaker = CountBreaker;
  }
});

// node_modules/cockatiel/dist/breaker/SamplingBreaker.js
var require_SamplingBreaker = __commonJS({
  "node_modules/cockatiel/dist/breaker/SamplingBreaker.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SamplingBreaker = void 0;
    var CircuitBreakerPolicy_1 = require_CircuitBreakerPolicy();
    var SamplingBreaker = class {
      /**
       * @inheritdoc
       */
      get state() {
        return {
          windows: this.windows,
          currentWindow: this.currentWindow,
          currentFailures: this.currentFailures,
          currentSuccesses: this.currentSuccesses
        };
      }
      /**
       * @inheritdoc
       */
      set state(value) {
        Object.assign(this, value);
      }
      /**
       * SamplingBreaker breaks if more than `threshold` percentage of calls over the
       * last `samplingDuration`, so long as there's at least `minimumRps` (to avoid
       * opening unnecessarily under low RPS).
       */
      constructor({ threshold, duration: samplingDuration, minimumRps }) {
        this.windows = [];
        this.currentWindow = 0;
        this.currentFailures = 0;
        this.currentSuccesses = 0;
        if (threshold <= 0 || threshold >= 1) {
          throw new RangeError(`SamplingBreaker threshold should be between (0, 1), got ${threshold}`);
        }
        this.threshold = threshold;
        const windowCount = Math.max(5, Math.ceil(samplingDuration / 1e3));
        for (let i = 0; i < windowCount; i++) {
          this.windows.push({ startedAt: 0, failures: 0, successes: 0 });
        }
        this.windowSize = Math.round(samplingDuration / windowCount);
        this.duration = this.windowSize * windowCount;
        if (minimumRps) {
          this.minimumRpms = minimumRps / 1e3;
        } else {
          this.minimumRpms = 5 / (threshold * 1e3);
        }
      }
      /**
       * @inheritdoc
       */
      success(state) {
        if (state === CircuitBreakerPolicy_1.CircuitState.HalfOpen) {
          this.resetWindows();
        }
        this.push(true);
      }
      /**
       * @inheritdoc
       */
      failure(state) {
        this.push(false);
        if (state !== CircuitBreakerPolicy_1.CircuitState.Closed) {
          return true;
        }
        const total = this.currentSuccesses + this.currentFailures;
        if (total < this.duration * this.minimumRpms) {
          return false;
        }
        if (this.currentFailures > this.threshold * total) {
          return true;
        }
        return false;
      }
      resetWindows() {
        this.currentFailures = 0;
        this.currentSuccesses = 0;
        for (const window2 of this.windows) {
          window2.failures = 0;
          window2.successes = 0;
          window2.startedAt = 0;
        }
      }
      rotateWindow(now) {
        const next = (this.currentWindow + 1) % this.windows.length;
        this.currentFailures -= this.windows[next].failures;
        this.currentSuccesses -= this.windows[next].successes;
        const window2 = this.windows[next] = { failures: 0, successes: 0, startedAt: now };
        this.currentWindow = next;
        return window2;
      }
      push(success) {
        const now = Date.now();
        let window2 = this.windows[this.currentWindow];
        if (now - window2.startedAt >= this.windowSize) {
          window2 = this.rotateWindow(now);
        }
        if (success) {
          window2.successes++;
          this.currentSuccesses++;
        } else {
          window2.failures++;
          this.currentFailures++;
        }
      }
    };
    exports.SamplingBreaker = SamplingBreaker;
  }
});

// node_modules/cockatiel/dist/breaker/Breaker.js
var require_Breaker = __commonJS({
  "node_modules/cockatiel/dist/breaker/Breaker.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_ConsecutiveBreaker(), exports);
    __exportStar(require_CountBreaker(), exports);
    __exportStar(require_SamplingBreaker(), exports);
  }
});

// node_modules/cockatiel/dist/common/defer.js
var require_defer = __commonJS({
  "node_modules/cockatiel/dist/common/defer.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.defer = void 0;
    var defer = () => {
      let resolve;
      let reject;
      const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { resolve, reject, promise };
    };
    exports.defer = defer;
  }
});

// node_modules/cockatiel/dist/BulkheadPolicy.js
var require_BulkheadPolicy = __commonJS({
  "node_modules/cockatiel/dist/BulkheadPolicy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BulkheadPolicy = void 0;
    var abort_1 = require_abort();
    var defer_1 = require_defer();
    var Event_1 = require_Event();
    var Executor_1 = require_Executor();
    var BulkheadRejectedError_1 = require_BulkheadRejectedError();
    var Errors_1 = require_Errors();
    var BulkheadPolicy = class {
      /**
       * Returns the number of available execution slots at this point in time.
       */
      get executionSlots() {
        return this.capacity - this.active;
      }
      /**
       * Returns the number of queue slots at this point in time.
       */
      get queueSlots() {
        return this.queueCapacity - this.queue.length;
      }
      /**
       * Bulkhead limits concurrent requests made.
       */
      constructor(capacity, queueCapacity) {
        this.capacity = capacity;
        this.queueCapacity = queueCapacity;
        this.active = 0;
        this.queue = [];
        this.onRejectEmitter = new Event_1.EventEmitter();
        this.executor = new Executor_1.ExecuteWrapper();
        this.onSuccess = this.executor.onSuccess;
        this.onFailure = this.executor.onFailure;
        this.onReject = this.onRejectEmitter.addListener;
      }
      /**
       * Executes the given function.
       * @param fn Function to execute
       * @throws a {@link BulkheadRejectedException} if the bulkhead limits are exceeeded
       */
      async execute(fn, signal = abort_1.neverAbortedSignal) {
        if (signal.aborted) {
          throw new Errors_1.TaskCancelledError();
        }
        if (this.active < this.capacity) {
          this.active++;
          try {
            return await fn({ signal });
          } finally {
            this.active--;
            this.dequeue();
          }
        }
        if (this.queue.length < this.queueCapacity) {
          const { resolve, reject, promise } = (0, defer_1.defer)();
          this.queue.push({ signal, fn, resolve, reject });
          return promise;
        }
        this.onRejectEmitter.emit();
        throw new BulkheadRejectedError_1.BulkheadRejectedError(this.capacity, this.queueCapacity);
      }
      dequeue() {
        const item = this.queue.shift();
        if (!item) {
          return;
        }
        Promise.resolve().then(() => this.execute(item.fn, item.signal)).then(item.resolve).catch(item.reject);
      }
    };
    exports.BulkheadPolicy = BulkheadPolicy;
  }
});

// node_modules/cockatiel/dist/FallbackPolicy.js
var require_FallbackPolicy = __commonJS({
  "node_modules/cockatiel/dist/FallbackPolicy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FallbackPolicy = void 0;
    var abort_1 = require_abort();
    var FallbackPolicy = class {
      constructor(executor, value) {
        this.executor = executor;
        this.value = value;
        this.onSuccess = this.executor.onSuccess;
        this.onFailure = this.executor.onFailure;
      }
      /**
       * Executes the given function.
       * @param fn Function to execute.
       * @returns The function result or fallback value.
       */
      async execute(fn, signal = abort_1.neverAbortedSignal) {
        const result = await this.executor.invoke(fn, { signal });
        if ("success" in result) {
          return result.success;
        }
        return this.value();
      }
    };
    exports.FallbackPolicy = FallbackPolicy;
  }
});

// node_modules/cockatiel/dist/NoopPolicy.js
var require_NoopPolicy = __commonJS({
  "node_modules/cockatiel/dist/NoopPolicy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NoopPolicy = void 0;
    var abort_1 = require_abort();
    var Executor_1 = require_Executor();
    var NoopPolicy = class {
      constructor() {
        this.executor = new Executor_1.ExecuteWrapper();
        this.onSuccess = this.executor.onSuccess;
        this.onFailure = this.executor.onFailure;
      }
      async execute(fn, signal = abort_1.neverAbortedSignal) {
        return (0, Executor_1.returnOrThrow)(await this.executor.invoke(fn, { signal }));
      }
    };
    exports.NoopPolicy = NoopPolicy;
  }
});

// node_modules/cockatiel/dist/RetryPolicy.js
var require_RetryPolicy = __commonJS({
  "node_modules/cockatiel/dist/RetryPolicy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.RetryPolicy = void 0;
    var ConstantBackoff_1 = require_ConstantBackoff();
    var abort_1 = require_abort();
    var Event_1 = require_Event();
    var delay = (duration, unref) => new Promise((resolve) => {
      const timer = setTimeout(resolve, duration);
      if (unref) {
        timer.unref();
      }
    });
    var RetryPolicy = class _RetryPolicy {
      constructor(options, executor) {
        this.options = options;
        this.executor = executor;
        this.onGiveUpEmitter = new Event_1.EventEmitter();
        this.onRetryEmitter = new Event_1.EventEmitter();
        this.onSuccess = this.executor.onSuccess;
        this.onFailure = this.executor.onFailure;
        this.onRetry = this.onRetryEmitter.addListener;
        this.onGiveUp = this.onGiveUpEmitter.addListener;
      }
      /**
       * When retrying, a referenced timer is created. This means the Node.js event
       * loop is kept active while we're delaying a retried call. Calling this
       * method on the retry builder will unreference the timer, allowing the
       * process to exit even if a retry might still be pending.
       */
      dangerouslyUnref() {
        return new _RetryPolicy({ ...this.options, unref: true }, this.executor.clone());
      }
      /**
       * Executes the given function with retries.
       * @param fn Function to run
       * @returns a Promise that resolves or rejects with the function results.
       */
      async execute(fn, signal = abort_1.neverAbortedSignal) {
        const factory = this.options.backoff || new ConstantBackoff_1.ConstantBackoff(0);
        let backoff;
        for (let retries = 0; ; retries++) {
          const result = await this.executor.invoke(fn, { attempt: retries, signal });
          if ("success" in result) {
            return result.success;
          }
          if (!signal.aborted && retries < this.options.maxAttempts) {
            const context = { attempt: retries + 1, signal, result };
            backoff = backoff ? backoff.next(context) : factory.next(context);
            const delayDuration = backoff.duration;
            const delayPromise = delay(delayDuration, !!this.options.unref);
            this.onRetryEmitter.emit({ ...result, delay: delayDuration, attempt: retries + 1 });
            await delayPromise;
            continue;
          }
          this.onGiveUpEmitter.emit(result);
          if ("error" in result) {
            throw result.error;
          }
          return result.value;
        }
      }
    };
    exports.RetryPolicy = RetryPolicy;
  }
});

// node_modules/cockatiel/dist/TimeoutPolicy.js
var require_TimeoutPolicy = __commonJS({
  "node_modules/cockatiel/dist/TimeoutPolicy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TimeoutPolicy = exports.TimeoutStrategy = void 0;
    var abort_1 = require_abort();
    var Event_1 = require_Event();
    var Executor_1 = require_Executor();
    var TaskCancelledError_1 = require_TaskCancelledError();
    var TimeoutStrategy;
    (function(TimeoutStrategy2) {
      TimeoutStrategy2["Cooperative"] = "optimistic";
      TimeoutStrategy2["Aggressive"] = "aggressive";
    })(TimeoutStrategy || (exports.TimeoutStrategy = TimeoutStrategy = {}));
    var TimeoutPolicy = class _TimeoutPolicy {
      constructor(duration, options, executor = new Executor_1.ExecuteWrapper(), unref = false) {
        this.duration = duration;
        this.options = options;
        this.executor = executor;
        this.unref = unref;
        this.timeoutEmitter = new Event_1.EventEmitter();
        this.onTimeout = this.timeoutEmitter.addListener;
        this.onFailure = this.executor.onFailure;
        this.onSuccess = this.executor.onSuccess;
      }
      /**
       * When timing out, a referenced timer is created. This means the Node.js
       * event loop is kept active while we're waiting for the timeout, as long as
       * the function hasn't returned. Calling this method on the timeout builder
       * will unreference the timer, allowing the process to exit even if a
       * timeout might still be happening.
       */
      dangerouslyUnref() {
        const t = new _TimeoutPolicy(this.duration, this.options, this.executor, true);
        return t;
      }
      /**
       * Executes the given function.
       * @param fn Function to execute. Takes in a nested cancellation token.
       * @throws a {@link TaskCancelledError} if a timeout occurs
       */
      async execute(fn, signal) {
        const { ctrl: aborter, dispose: disposeAbort } = (0, abort_1.deriveAbortController)(signal);
        const timer = setTimeout(() => aborter.abort(), this.duration);
        if (this.unref) {
          timer.unref();
        }
        const context = { signal: aborter.signal };
        const onceAborted = (0, Event_1.onAbort)(aborter.signal);
        const onCancelledListener = onceAborted.event(() => this.timeoutEmitter.emit());
        try {
          if (this.options.strategy === TimeoutStrategy.Cooperative) {
            return (0, Executor_1.returnOrThrow)(await this.executor.invoke(fn, context, aborter.signal));
          }
          return await this.executor.invoke(async () => Promise.race([
            Promise.resolve(fn(context, aborter.signal)),
            Event_1.Event.toPromise(onceAborted.event).then(() => {
              throw new TaskCancelledError_1.TaskCancelledError(`Operation timed out after ${this.duration}ms`);
            })
          ])).then(Executor_1.returnOrThrow);
        } finally {
          onCancelledListener.dispose();
          onceAborted.dispose();
          if (this.options.abortOnReturn !== false) {
            aborter.abort();
          }
          clearTimeout(timer);
          disposeAbort();
        }
      }
    };
    exports.TimeoutPolicy = TimeoutPolicy;
  }
});

// node_modules/cockatiel/dist/Policy.js
var require_Policy = __commonJS({
  "node_modules/cockatiel/dist/Policy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.handleAll = exports.noop = exports.Policy = void 0;
    exports.handleType = handleType;
    exports.handleWhen = handleWhen;
    exports.handleResultType = handleResultType;
    exports.handleWhenResult = handleWhenResult;
    exports.bulkhead = bulkhead;
    exports.usePolicy = usePolicy;
    exports.timeout = timeout;
    exports.wrap = wrap;
    exports.retry = retry;
    exports.circuitBreaker = circuitBreaker;
    exports.fallback = fallback;
    var Backoff_1 = require_Backoff();
    var BulkheadPolicy_1 = require_BulkheadPolicy();
    var CircuitBreakerPolicy_1 = require_CircuitBreakerPolicy();
    var Executor_1 = require_Executor();
    var FallbackPolicy_1 = require_FallbackPolicy();
    var NoopPolicy_1 = require_NoopPolicy();
    var RetryPolicy_1 = require_RetryPolicy();
    var TimeoutPolicy_1 = require_TimeoutPolicy();
    var typeFilter = (cls, predicate) => predicate ? (v) => v instanceof cls && predicate(v) : (v) => v instanceof cls;
    var always = () => true;
    var never = () => false;
    var Policy = class _Policy {
      /**
       * Factory that builds a base set of filters that can be used in circuit
       * breakers, retries, etc.
       */
      constructor(options) {
        this.options = options;
      }
      /**
       * Allows the policy to additionally handles errors of the given type.
       *
       * @param cls Class constructor to check that the error is an instance of.
       * @param predicate If provided, a function to be called with the error
       * which should return "true" if we want to handle this error.
       * @example
       * ```js
       * // retry both network errors and response errors with a 503 status code
       * new Policy()
       *  .orType(NetworkError)
       *  .orType(ResponseError, err => err.statusCode === 503)
       *  .retry()
       *  .attempts(3)
       *  .execute(() => getJsonFrom('https://example.com'));
       * ```
       */
      orType(cls, predicate) {
        const filter = typeFilter(cls, predicate);
        return new _Policy({
          ...this.options,
          errorFilter: (e) => this.options.errorFilter(e) || filter(e)
        });
      }
      /**
       * Allows the policy to additionally handles errors that pass the given
       * predicate function.
       *
       * @param predicate Takes any thrown error, and returns true if it should
       * be retried by this policy.
       * @example
       * ```js
       * // only retry if the error has a "shouldBeRetried" property set
       * new Policy()
       *  .orWhen(err => err.shouldBeRetried === true)
       *  .retry()
       *  .attempts(3)
       *  .execute(() => getJsonFrom('https://example.com'));
       * ```
       */
      orWhen(predicate) {
        return new _Policy({
          ...this.options,
          errorFilter: (e) => this.options.errorFilter(e) || predicate(e)
        });
      }
      /**
       * Adds handling for return values. The predicate will be called with
       * the return value of the executed function,
       *
       * @param predicate Takes the returned value, and returns true if it
       * should be retried by this policy.
       * @example
       * ```js
       * // retry when the response status code is a 5xx
       * new Policy()
       *  .orResultWhen(res => res.statusCode >= 500)
       *  .retry()
       *  .attempts(3)
       *  .execute(() => getJsonFrom('https://example.com'));
       * ```
       */
      orWhenResult(predicate) {
        return new _Policy({
          ...this.options,
          resultFilter: (r) => this.options.resultFilter(r) || predicate(r)
        });
      }
      /**
       * Adds handling for return values. The predicate will be called with
       * the return value of the executed function,
       *
       * @param predicate Takes the returned value, and returns true if it
       * should be retried by this policy.
       * @example
       * ```js
       * // retry when the response status code is a 5xx
       * new Policy()
       *  .orResultType(res => res.statusCode >= 500)
       *  .retry()
       *  .attempts(3)
       *  .execute(() => getJsonFrom('https://example.com'));
       * ```
       */
      orResultType(cls, predicate) {
        const filter = typeFilter(cls, predicate);
        return new _Policy({
          ...this.options,
          resultFilter: (r) => this.options.resultFilter(r) || filter(r)
        });
      }
    };
    exports.Policy = Policy;
    exports.noop = new NoopPolicy_1.NoopPolicy();
    exports.handleAll = new Policy({ errorFilter: always, resultFilter: never });
    function handleType(cls, predicate) {
      return new Policy({ errorFilter: typeFilter(cls, predicate), resultFilter: never });
    }
    function handleWhen(predicate) {
      return new Policy({ errorFilter: predicate, resultFilter: never });
    }
    function handleResultType(cls, predicate) {
      return new Policy({ errorFilter: never, resultFilter: typeFilter(cls, predicate) });
    }
    function handleWhenResult(predicate) {
      return new Policy({ errorFilter: never, resultFilter: predicate });
    }
    function bulkhead(limit, queue = 0) {
      return new BulkheadPolicy_1.BulkheadPolicy(limit, queue);
    }
    function usePolicy(policy) {
      return (_target, _key, descriptor) => {
        const inner = descriptor.value;
        if (typeof inner !== "function") {
          throw new Error(`Can only decorate functions with @cockatiel, got ${typeof inner}`);
        }
        descriptor.value = function(...args) {
          const signal = args[args.length - 1] instanceof AbortSignal ? args.pop() : void 0;
          return policy.execute((context) => inner.apply(this, [...args, context]), signal);
        };
      };
    }
    function timeout(duration, strategyOrOpts) {
      return new TimeoutPolicy_1.TimeoutPolicy(duration, typeof strategyOrOpts === "string" ? { strategy: strategyOrOpts } : strategyOrOpts);
    }
    function wrap(...p) {
      return {
        _altReturn: void 0,
        onFailure: p[0].onFailure,
        onSuccess: p[0].onSuccess,
        wrapped: p,
        execute(fn, signal) {
          const run = (context, i) => i === p.length ? fn(context) : p[i].execute((next) => run({ ...context, ...next }, i + 1), context.signal);
          return Promise.resolve(run({ signal }, 0));
        }
      };
    }
    function retry(policy, opts) {
      return new RetryPolicy_1.RetryPolicy({ backoff: opts.backoff || new Backoff_1.ConstantBackoff(0), maxAttempts: opts.maxAttempts ?? Infinity }, new Executor_1.ExecuteWrapper(policy.options.errorFilter, policy.options.resultFilter));
    }
    function circuitBreaker(policy, opts) {
      return new CircuitBreakerPolicy_1.CircuitBreakerPolicy(opts, new Executor_1.ExecuteWrapper(policy.options.errorFilter, policy.options.resultFilter));
    }
    function fallback(policy, valueOrFactory) {
      return new FallbackPolicy_1.FallbackPolicy(
        new Executor_1.ExecuteWrapper(policy.options.errorFilter, policy.options.resultFilter),
        // not technically type-safe, since if they actually want to _return_
        // a function, that gets lost here. We'll just advice in the docs to
        // use a higher-order function if necessary.
        typeof valueOrFactory === "function" ? valueOrFactory : () => valueOrFactory
      );
    }
  }
});

// node_modules/cockatiel/dist/index.js
var require_dist = __commonJS({
  "node_modules/cockatiel/dist/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.EventEmitter = exports.Event = void 0;
    __exportStar(require_Backoff(), exports);
    __exportStar(require_Breaker(), exports);
    __exportStar(require_BulkheadPolicy(), exports);
    __exportStar(require_CircuitBreakerPolicy(), exports);
    var Event_1 = require_Event();
    Object.defineProperty(exports, "Event", { enumerable: true, get: function() {
      return Event_1.Event;
    } });
    Object.defineProperty(exports, "EventEmitter", { enumerable: true, get: function() {
      return Event_1.EventEmitter;
    } });
    __exportStar(require_Errors(), exports);
    __exportStar(require_FallbackPolicy(), exports);
    __exportStar(require_NoopPolicy(), exports);
    __exportStar(require_Policy(), exports);
    __exportStar(require_RetryPolicy(), exports);
    __exportStar(require_TimeoutPolicy(), exports);
  }
});

// node_modules/etcd3/lib/connection-pool.js
var require_connection_pool = __commonJS({
  "node_modules/etcd3/lib/connection-pool.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ConnectionPool = exports.Host = void 0;
    var grpc = require_src();
    var proto_loader_1 = require_src2();
    var cockatiel_1 = require_dist();
    var errors_1 = require_errors();
    var util_1 = require_util();
    var packageDefinition = (0, proto_loader_1.loadSync)(`${__dirname}/proto/etcd3/rpc.proto`, {
      keepCase: true,
      longs: String,
      enums: String,
      defaults: true,
      oneofs: true
    });
    var services = grpc.loadPackageDefinition(packageDefinition);
    var etcdserverpb = services.etcdserverpb;
    var secureProtocolPrefix = "https:";
    function removeProtocolPrefix(name) {
      return name.replace(/^https?:\/\//, "");
    }
    function runServiceCall(client, metadata, options, method, payload) {
      return new Promise((resolve, reject) => {
        client[method](payload, metadata, options || {}, (err, res) => {
          if (err) {
            reject((0, errors_1.castGrpcError)(err));
          } else {
            resolve(res);
          }
        });
      });
    }
    var Authenticator = class {
      constructor(options, credentials) {
        this.options = options;
        this.credentials = credentials;
        this.awaitingMetadata = null;
      }
      /**
       * Invalides the cached metadata. Clients should call this if they detect
       * that the authentication is no longer valid.
       */
      invalidateMetadata() {
        this.awaitingMetadata = null;
      }
      /**
       * Returns metadata used to make a call to etcd.
       */
      getMetadata() {
        if (this.awaitingMetadata !== null) {
          return this.awaitingMetadata;
        }
        const hosts = typeof this.options.hosts === "string" ? [this.options.hosts] : this.options.hosts;
        const auth = this.options.auth;
        if (!auth) {
          return Promise.resolve(new grpc.Metadata());
        }
        const attempt = (index, previousRejection) => {
          if (index >= hosts.length) {
            this.awaitingMetadata = null;
            return Promise.reject(previousRejection);
          }
          const meta = new grpc.Metadata();
          const host = removeProtocolPrefix(hosts[index]);
          const context = {
            method: "authenticate",
            params: { name: auth.username, password: auth.password },
            service: "Auth",
            isStream: false
          };
          return this.getCredentialsFromHost(host, auth.username, auth.password, (0, util_1.resolveCallOptions)((0, util_1.resolveCallOptions)(void 0, auth.callOptions, context), (0, util_1.resolveCallOptions)(void 0, this.options.defaultCallOptions, context), context), this.credentials).then((token) => {
            meta.set("token", token);
            return meta;
          }).catch((err) => attempt(index + 1, err));
        };
        return this.awaitingMetadata = attempt(0);
      }
      /**
       * Retrieves an auth token from etcd.
       */
      getCredentialsFromHost(address, name, password, callOptions, credentials) {
        return runServiceCall(new etcdserverpb.Auth(address, credentials), new grpc.Metadata(), callOptions, "authenticate", { name, password }).then((res) => res.token);
      }
    };
    var defaultCircuitBreaker = () => (0, cockatiel_1.circuitBreaker)((0, cockatiel_1.handleWhen)(errors_1.isRecoverableError), {
      halfOpenAfter: 5e3,
      breaker: new cockatiel_1.ConsecutiveBreaker(3)
    });
    var Host = class {
      constructor(host, channelCredentials, channelOptions, faultHandling = defaultCircuitBreaker()) {
        this.channelCredentials = channelCredentials;
        this.channelOptions = channelOptions;
        this.faultHandling = faultHandling;
        this.closed = false;
        this.cachedServices = /* @__PURE__ */ Object.create(null);
        this.host = removeProtocolPrefix(host);
      }
      /**
       * Returns the given GRPC service on the current host.
       */
      getServiceClient(name) {
        const service = this.cachedServices[name];
        if (service) {
          return service;
        }
        if (this.closed) {
          throw new errors_1.ClientClosedError(name);
        }
        const newService = new etcdserverpb[name](this.host, this.channelCredentials, this.channelOptions);
        this.cachedServices[name] = newService;
        return newService;
      }
      /**
       * Closes the all clients for the given host, allowing them to be
       * reestablished on subsequent calls.
       */
      resetAllServices() {
        for (const service of Object.values(this.cachedServices)) {
          if (service) {
            const state = service.getChannel().getConnectivityState(false);
            if (state === grpc.connectivityState.CONNECTING) {
              service.waitForReady(Date.now() + 1e3, () => setImmediate(() => service.close()));
            } else {
              service.close();
            }
          }
        }
        this.cachedServices = /* @__PURE__ */ Object.create(null);
      }
      /**
       * Close frees resources associated with the host, tearing down any
       * existing client
       */
      close() {
        this.resetAllServices();
        this.closed = true;
      }
    };
    exports.Host = Host;
    var ConnectionPool = class _ConnectionPool {
      constructor(options) {
        var _a, _b, _c, _d;
        this.options = options;
        this.callOptionsFactory = this.options.defaultCallOptions;
        this.globalPolicy = (_b = (_a = this.options.faultHandling) === null || _a === void 0 ? void 0 : _a.global) !== null && _b !== void 0 ? _b : (0, cockatiel_1.retry)((0, cockatiel_1.handleWhen)(errors_1.isRecoverableError), { maxAttempts: 3 });
        const credentials = this.buildAuthentication();
        const { hosts = "127.0.0.1:2379", grpcOptions } = this.options;
        if (typeof hosts === "string") {
          this.hosts = [
            new Host(hosts, credentials, grpcOptions, (_d = (_c = options.faultHandling) === null || _c === void 0 ? void 0 : _c.host) === null || _d === void 0 ? void 0 : _d.call(_c, hosts))
          ];
        } else if (hosts.length === 0) {
          throw new Error("Cannot construct an etcd client with no hosts specified");
        } else {
          this.hosts = hosts.map((h) => {
            var _a2, _b2;
            return new Host(h, credentials, grpcOptions, (_b2 = (_a2 = options.faultHandling) === null || _a2 === void 0 ? void 0 : _a2.host) === null || _b2 === void 0 ? void 0 : _b2.call(_a2, h));
          });
        }
      }
      /**
       * Sets a mock interface to use instead of hitting real services.
       */
      mock(callable) {
        this.mockImpl = callable;
      }
      /**
       * Removes any existing mock.
       */
      unmock() {
        this.mockImpl = null;
      }
      /**
       * Tears down all ongoing connections and resoruces.
       */
      close() {
        this.hosts.forEach((host) => host.close());
      }
      /**
       * @override
       */
      async exec(serviceName, method, payload, options) {
        if (this.mockImpl) {
          return this.mockImpl.exec(serviceName, method, payload);
        }
        const shuffleGen = this.shuffledHosts();
        let lastError;
        try {
          return await this.globalPolicy.execute(() => this.withConnection(serviceName, async ({ client, metadata }) => {
            const resolvedOpts = (0, util_1.resolveCallOptions)(options, this.callOptionsFactory, {
              service: serviceName,
              method,
              params: payload,
              isStream: false
            });
            try {
              return await runServiceCall(client, metadata, resolvedOpts, method, payload);
            } catch (err) {
              if (err instanceof errors_1.EtcdInvalidAuthTokenError) {
                this.authenticator.invalidateMetadata();
                return this.exec(serviceName, method, payload, options);
              }
              lastError = err;
              throw err;
            }
          }, shuffleGen));
        } catch (e) {
          if ((0, cockatiel_1.isBrokenCircuitError)(e) && lastError && !(0, cockatiel_1.isBrokenCircuitError)(lastError)) {
            throw lastError;
          } else {
            throw e;
          }
        }
      }
      /**
       * @override
       */
      async withConnection(service, fn, shuffleGenerator = this.shuffledHosts()) {
        if (this.mockImpl) {
          return this.mockImpl.withConnection(service, fn);
        }
        const metadata = await this.authenticator.getMetadata();
        let lastError;
        for (let i = 0; i < this.hosts.length; i++) {
          const host = shuffleGenerator.next().value;
          let didCallThrough = false;
          try {
            return await host.faultHandling.execute(() => {
              didCallThrough = true;
              return fn({ resource: host, client: host.getServiceClient(service), metadata });
            });
          } catch (e) {
            if ((0, errors_1.isRecoverableError)(e)) {
              host.resetAllServices();
            }
            if (didCallThrough) {
              throw (0, errors_1.castGrpcError)(e);
            }
            lastError = e;
          }
        }
        if (!lastError) {
          throw new errors_1.ClientRuntimeError("Connection pool has no hosts");
        }
        throw (0, errors_1.castGrpcError)(lastError);
      }
      /**
       * @override
       */
      markFailed(resource, error) {
        error = (0, errors_1.castGrpcError)(error);
        let threw = false;
        if ((0, errors_1.isRecoverableError)(error)) {
          resource.resetAllServices();
        }
        resource.faultHandling.execute(() => {
          if (!threw) {
            threw = true;
            throw error;
          }
        }).catch(() => void 0);
      }
      /**
       * A generator function that endlessly loops through hosts in a
       * fisher-yates shuffle for each iteration.
       */
      *shuffledHosts() {
        const hosts = this.hosts.slice();
        while (true) {
          for (let i = hosts.length - 1; i >= 0; i--) {
            const idx = _ConnectionPool.deterministicOrder ? i : Math.floor((i + 1) * Math.random());
            [hosts[idx], hosts[i]] = [hosts[i], hosts[idx]];
            yield hosts[i];
          }
        }
      }
      /**
       * Creates authentication credentials to use for etcd clients.
       */
      buildAuthentication() {
        const { credentials } = this.options;
        let protocolCredentials = grpc.credentials.createInsecure();
        if (credentials) {
          protocolCredentials = grpc.credentials.createSsl(credentials.rootCertificate, credentials.privateKey, credentials.certChain);
        } else if (this.hasSecureHost()) {
          protocolCredentials = grpc.credentials.createSsl();
        }
        this.authenticator = new Authenticator(this.options, protocolCredentials);
        return protocolCredentials;
      }
      /**
       * Returns whether any configured host is set up to use TLS.
       */
      hasSecureHost() {
        const { hosts } = this.options;
        if (typeof hosts === "string") {
          return hosts.startsWith(secureProtocolPrefix);
        }
        const countSecure = hosts.filter((host) => host.startsWith(secureProtocolPrefix)).length;
        if (countSecure === 0) {
          return false;
        }
        if (countSecure < hosts.length) {
          throw new Error("etcd3 cannot be configured with a mix of secure and insecure hosts");
        }
        return true;
      }
    };
    exports.ConnectionPool = ConnectionPool;
    ConnectionPool.deterministicOrder = false;
  }
});

// node_modules/etcd3/lib/rpc.js
var require_rpc = __commonJS({
  "node_modules/etcd3/lib/rpc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Services = exports.Permission = exports.EventType = exports.DowngradeAction = exports.AlarmAction = exports.AlarmType = exports.FilterType = exports.CompareTarget = exports.CompareResult = exports.SortTarget = exports.SortOrder = exports.AuthClient = exports.MaintenanceClient = exports.ClusterClient = exports.LeaseClient = exports.WatchClient = exports.KVClient = void 0;
    var util_1 = require_util();
    var KVClient = class {
      constructor(client) {
        this.client = client;
      }
      /**
       * Range gets the keys in the range from the key-value store.
       */
      range(req, options) {
        return this.client.exec("KV", "range", req, options);
      }
      /**
       * Put puts the given key into the key-value store.
       * A put request increments the revision of the key-value store
       * and generates one event in the event history.
       */
      put(req, options) {
        return this.client.exec("KV", "put", req, options);
      }
      /**
       * DeleteRange deletes the given range from the key-value store.
       * A delete request increments the revision of the key-value store
       * and generates a delete event in the event history for every deleted key.
       */
      deleteRange(req, options) {
        return this.client.exec("KV", "deleteRange", req, options);
      }
      /**
       * Txn processes multiple requests in a single transaction.
       * A txn request increments the revision of the key-value store
       * and generates events with the same revision for every completed request.
       * It is not allowed to modify the same key several times within one txn.
       */
      txn(req, options) {
        return this.client.exec("KV", "txn", req, options);
      }
      /**
       * Compact compacts the event history in the etcd key-value store. The key-value
       * store should be periodically compacted or the event history will continue to grow
       * indefinitely.
       */
      compact(req, options) {
        return this.client.exec("KV", "compact", req, options);
      }
    };
    exports.KVClient = KVClient;
    var WatchClient = class {
      constructor(client) {
        this.client = client;
      }
      /**
       * Watch watches for events happening or that have happened. Both input and output
       * are streams; the input stream is for creating and canceling watchers and the output
       * stream sends events. One watch RPC can watch on multiple key ranges, streaming events
       * for several watches at once. The entire event history can be watched starting from the
       * last compaction revision.
       */
      watch(options) {
        return this.client.withConnection("Watch", ({ resource, client, metadata }) => {
          const resolved = (0, util_1.resolveCallOptions)(options, this.client.callOptionsFactory, {
            service: "Watch",
            method: "watch",
            isStream: true
          });
          const stream = client.watch(metadata, resolved);
          stream.on("error", (err) => stream.writable && this.client.markFailed(resource, err));
          return stream;
        });
      }
    };
    exports.WatchClient = WatchClient;
    var LeaseClient = class {
      constructor(client) {
        this.client = client;
      }
      /**
       * LeaseGrant creates a lease which expires if the server does not receive a keepAlive
       * within a given time to live period. All keys attached to the lease will be expired and
       * deleted if the lease expires. Each expired key generates a delete event in the event history.
       */
      leaseGrant(req, options) {
        return this.client.exec("Lease", "leaseGrant", req, options);
      }
      /**
       * LeaseRevoke revokes a lease. All keys attached to the lease will expire and be deleted.
       */
      leaseRevoke(req, options) {
        return this.client.exec("Lease", "leaseRevoke", req, options);
      }
      /**
       * LeaseKeepAlive keeps the lease alive by streaming keep alive requests from the client
       * to the server and streaming keep alive responses from the server to the client.
       */
      leaseKeepAlive(options) {
        return this.client.withConnection("Lease", ({ resource, client, metadata }) => {
          const resolved = (0, util_1.resolveCallOptions)(options, this.client.callOptionsFactory, {
            service: "Lease",
            method: "leaseKeepAlive",
            isStream: true
          });
          const stream = client.leaseKeepAlive(metadata, resolved);
          stream.on("error", (err) => stream.writable && this.client.markFailed(resource, err));
          return stream;
        });
      }
      /**
       * LeaseTimeToLive retrieves lease information.
       */
      leaseTimeToLive(req, options) {
        return this.client.exec("Lease", "leaseTimeToLive", req, options);
      }
      /**
       * LeaseLeases lists all existing leases.
       */
      leaseLeases(options) {
        return this.client.exec("Lease", "leaseLeases", {}, options);
      }
    };
    exports.LeaseClient = LeaseClient;
    var ClusterClient = class {
      constructor(client) {
        this.client = client;
      }
      /**
       * MemberAdd adds a member into the cluster.
       */
      memberAdd(req, options) {
        return this.client.exec("Cluster", "memberAdd", req, options);
      }
      /**
       * MemberRemove removes an existing member from the cluster.
       */
      memberRemove(req, options) {
        return this.client.exec("Cluster", "memberRemove", req, options);
      }
      /**
       * MemberUpdate updates the member configuration.
       */
      memberUpdate(req, options) {
        return this.client.exec("Cluster", "memberUpdate", req, options);
      }
      /**
       * MemberList lists all the members in the cluster.
       */
      memberList(req, options) {
        return this.client.exec("Cluster", "memberList", req, options);
      }
      /**
       * MemberPromote promotes a member from raft learner (non-voting) to raft voting member.
       */
      memberPromote(req, options) {
        return this.client.exec("Cluster", "memberPromote", req, options);
      }
    };
    exports.ClusterClient = ClusterClient;
    var MaintenanceClient = class {
      constructor(client) {
        this.client = client;
      }
      /**
       * Alarm activates, deactivates, and queries alarms regarding cluster health.
       */
      alarm(req, options) {
        return this.client.exec("Maintenance", "alarm", req, options);
      }
      /**
       * Status gets the status of the member.
       */
      status(options) {
        return this.client.exec("Maintenance", "status", {}, options);
      }
      /**
       * Defragment defragments a member's backend database to recover storage space.
       */
      defragment(options) {
        return this.client.exec("Maintenance", "defragment", {}, options);
      }
      /**
       * Hash computes the hash of whole backend keyspace,
       * including key, lease, and other buckets in storage.
       * This is designed for testing ONLY!
       * Do not rely on this in production with ongoing transactions,
       * since Hash operation does not hold MVCC locks.
       * Use "HashKV" API instead for "key" bucket consistency checks.
       */
      hash(options) {
        return this.client.exec("Maintenance", "hash", {}, options);
      }
      /**
       * HashKV computes the hash of all MVCC keys up to a given revision.
       * It only iterates "key" bucket in backend storage.
       */
      hashKV(req, options) {
        return this.client.exec("Maintenance", "hashKV", req, options);
      }
      /**
       * Snapshot sends a snapshot of the entire backend from a member over a stream to a client.
       */
      snapshot(options) {
        return this.client.withConnection("Maintenance", ({ resource, client, metadata }) => {
          const resolved = (0, util_1.resolveCallOptions)(options, this.client.callOptionsFactory, {
            service: "Maintenance",
            method: "snapshot",
            isStream: true
          });
          const stream = client.snapshot(metadata, resolved, {});
          stream.on("error", (err) => this.client.markFailed(resource, err));
          return stream;
        });
      }
      /**
       * MoveLeader requests current leader node to transfer its leadership to transferee.
       */
      moveLeader(req, options) {
        return this.client.exec("Maintenance", "moveLeader", req, options);
      }
      /**
       * Downgrade requests downgrade, cancel downgrade on the cluster version.
       */
      downgrade(req, options) {
        return this.client.exec("Maintenance", "downgrade", req, options);
      }
    };
    exports.MaintenanceClient = MaintenanceClient;
    var AuthClient = class {
      constructor(client) {
        this.client = client;
      }
      /**
       * AuthEnable enables authentication.
       */
      authEnable(options) {
        return this.client.exec("Auth", "authEnable", {}, options);
      }
      /**
       * AuthDisable disables authentication.
       */
      authDisable(options) {
        return this.client.exec("Auth", "authDisable", {}, options);
      }
      /**
       * AuthStatus displays authentication status.
       */
      authStatus(options) {
        return this.client.exec("Auth", "authStatus", {}, options);
      }
      /**
       * Authenticate processes an authenticate request.
       */
      authenticate(req, options) {
        return this.client.exec("Auth", "authenticate", req, options);
      }
      /**
       * UserAdd adds a new user. User name cannot be empty.
       */
      userAdd(req, options) {
        return this.client.exec("Auth", "userAdd", req, options);
      }
      /**
       * UserGet gets detailed user information.
       */
      userGet(req, options) {
        return this.client.exec("Auth", "userGet", req, options);
      }
      /**
       * UserList gets a list of all users.
       */
      userList(options) {
        return this.client.exec("Auth", "userList", {}, options);
      }
      /**
       * UserDelete deletes a specified user.
       */
      userDelete(req, options) {
        return this.client.exec("Auth", "userDelete", req, options);
      }
      /**
       * UserChangePassword changes the password of a specified user.
       */
      userChangePassword(req, options) {
        return this.client.exec("Auth", "userChangePassword", req, options);
      }
      /**
       * UserGrant grants a role to a specified user.
       */
      userGrantRole(req, options) {
        return this.client.exec("Auth", "userGrantRole", req, options);
      }
      /**
       * UserRevokeRole revokes a role of specified user.
       */
      userRevokeRole(req, options) {
        return this.client.exec("Auth", "userRevokeRole", req, options);
      }
      /**
       * RoleAdd adds a new role. Role name cannot be empty.
       */
      roleAdd(req, options) {
        return this.client.exec("Auth", "roleAdd", req, options);
      }
      /**
       * RoleGet gets detailed role information.
       */
      roleGet(req, options) {
        return this.client.exec("Auth", "roleGet", req, options);
      }
      /**
       * RoleList gets lists of all roles.
       */
      roleList(options) {
        return this.client.exec("Auth", "roleList", {}, options);
      }
      /**
       * RoleDelete deletes a specified role.
       */
      roleDelete(req, options) {
        return this.client.exec("Auth", "roleDelete", req, options);
      }
      /**
       * RoleGrantPermission grants a permission of a specified key or range to a specified role.
       */
      roleGrantPermission(req, options) {
        return this.client.exec("Auth", "roleGrantPermission", req, options);
      }
      /**
       * RoleRevokePermission revokes a key or range permission of a specified role.
       */
      roleRevokePermission(req, options) {
        return this.client.exec("Auth", "roleRevokePermission", req, options);
      }
    };
    exports.AuthClient = AuthClient;
    var SortOrder;
    (function(SortOrder2) {
      SortOrder2[SortOrder2["None"] = 0] = "None";
      SortOrder2[SortOrder2["Ascend"] = 1] = "Ascend";
      SortOrder2[SortOrder2["Descend"] = 2] = "Descend";
    })(SortOrder || (exports.SortOrder = SortOrder = {}));
    var SortTarget;
    (function(SortTarget2) {
      SortTarget2[SortTarget2["Key"] = 0] = "Key";
      SortTarget2[SortTarget2["Version"] = 1] = "Version";
      SortTarget2[SortTarget2["Create"] = 2] = "Create";
      SortTarget2[SortTarget2["Mod"] = 3] = "Mod";
      SortTarget2[SortTarget2["Value"] = 4] = "Value";
    })(SortTarget || (exports.SortTarget = SortTarget = {}));
    var CompareResult;
    (function(CompareResult2) {
      CompareResult2[CompareResult2["Equal"] = 0] = "Equal";
      CompareResult2[CompareResult2["Greater"] = 1] = "Greater";
      CompareResult2[CompareResult2["Less"] = 2] = "Less";
      CompareResult2[CompareResult2["NotEqual"] = 3] = "NotEqual";
    })(CompareResult || (exports.CompareResult = CompareResult = {}));
    var CompareTarget;
    (function(CompareTarget2) {
      CompareTarget2[CompareTarget2["Version"] = 0] = "Version";
      CompareTarget2[CompareTarget2["Create"] = 1] = "Create";
      CompareTarget2[CompareTarget2["Mod"] = 2] = "Mod";
      CompareTarget2[CompareTarget2["Value"] = 3] = "Value";
      CompareTarget2[CompareTarget2["Lease"] = 4] = "Lease";
    })(CompareTarget || (exports.CompareTarget = CompareTarget = {}));
    var FilterType;
    (function(FilterType2) {
      FilterType2[FilterType2["Noput"] = 0] = "Noput";
      FilterType2[FilterType2["Nodelete"] = 1] = "Nodelete";
    })(FilterType || (exports.FilterType = FilterType = {}));
    var AlarmType;
    (function(AlarmType2) {
      AlarmType2[AlarmType2["None"] = 0] = "None";
      AlarmType2[AlarmType2["Nospace"] = 1] = "Nospace";
      AlarmType2[AlarmType2["Corrupt"] = 2] = "Corrupt";
    })(AlarmType || (exports.AlarmType = AlarmType = {}));
    var AlarmAction;
    (function(AlarmAction2) {
      AlarmAction2[AlarmAction2["Get"] = 0] = "Get";
      AlarmAction2[AlarmAction2["Activate"] = 1] = "Activate";
      AlarmAction2[AlarmAction2["Deactivate"] = 2] = "Deactivate";
    })(AlarmAction || (exports.AlarmAction = AlarmAction = {}));
    var DowngradeAction;
    (function(DowngradeAction2) {
      DowngradeAction2[DowngradeAction2["Validate"] = 0] = "Validate";
      DowngradeAction2[DowngradeAction2["Enable"] = 1] = "Enable";
      DowngradeAction2[DowngradeAction2["Cancel"] = 2] = "Cancel";
    })(DowngradeAction || (exports.DowngradeAction = DowngradeAction = {}));
    var EventType;
    (function(EventType2) {
      EventType2[EventType2["Put"] = 0] = "Put";
      EventType2[EventType2["Delete"] = 1] = "Delete";
    })(EventType || (exports.EventType = EventType = {}));
    var Permission;
    (function(Permission2) {
      Permission2[Permission2["Read"] = 0] = "Read";
      Permission2[Permission2["Write"] = 1] = "Write";
      Permission2[Permission2["Readwrite"] = 2] = "Readwrite";
    })(Permission || (exports.Permission = Permission = {}));
    exports.Services = {
      KV: KVClient,
      Watch: WatchClient,
      Lease: LeaseClient,
      Cluster: ClusterClient,
      Maintenance: MaintenanceClient,
      Auth: AuthClient
    };
  }
});

// node_modules/etcd3/lib/builder.js
var require_builder = __commonJS({
  "node_modules/etcd3/lib/builder.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ComparatorBuilder = exports.PutBuilder = exports.DeleteBuilder = exports.MultiRangeBuilder = exports.SingleRangeBuilder = exports.RangeBuilder = exports.compareTarget = exports.comparator = void 0;
    var range_1 = require_range();
    var RPC = require_rpc();
    var util_1 = require_util();
    var emptyBuffer = Buffer.from([]);
    exports.comparator = {
      "==": RPC.CompareResult.Equal,
      "===": RPC.CompareResult.Equal,
      ">": RPC.CompareResult.Greater,
      "<": RPC.CompareResult.Less,
      "!=": RPC.CompareResult.NotEqual,
      "!==": RPC.CompareResult.NotEqual
    };
    exports.compareTarget = {
      Value: "value",
      Version: "version",
      Create: "create_revision",
      Mod: "mod_revision",
      Lease: "lease"
    };
    function assertWithin(map, value, thing) {
      if (!(value in map)) {
        const keys = Object.keys(map).join('" "');
        throw new Error(`Unexpected "${String(value)}" in ${thing}. Possible values are: "${keys}"`);
      }
    }
    var RangeBuilder = class extends util_1.PromiseWrap {
      constructor(namespace) {
        super();
        this.namespace = namespace;
        this.request = {};
      }
      /**
       * revision is the point-in-time of the key-value store to use for the range.
       */
      revision(rev) {
        this.request.revision = rev;
        return this;
      }
      /**
       * serializable sets the range request to use serializable member-local reads.
       */
      serializable(serializable) {
        this.request.serializable = serializable;
        return this;
      }
      /**
       * minModRevision sets the minimum modified revision of keys to return.
       */
      minModRevision(minModRevision) {
        this.request.min_mod_revision = minModRevision;
        return this;
      }
      /**
       * maxModRevision sets the maximum modified revision of keys to return.
       */
      maxModRevision(maxModRevision) {
        this.request.max_mod_revision = maxModRevision;
        return this;
      }
      /**
       * minCreateRevision sets the minimum create revision of keys to return.
       */
      minCreateRevision(minCreateRevision) {
        this.request.min_create_revision = minCreateRevision;
        return this;
      }
      /**
       * maxCreateRevision sets the maximum create revision of keys to return.
       */
      maxCreateRevision(maxCreateRevision) {
        this.request.max_create_revision = maxCreateRevision;
        return this;
      }
      /**
       * Sets the GRPC call options for this request.
       */
      options(options) {
        this.callOptions = options;
        return this;
      }
      /**
       * Returns the request op for this builder, used in transactions.
       */
      op() {
        return Promise.resolve({ request_range: this.namespace.applyToRequest(this.request) });
      }
    };
    exports.RangeBuilder = RangeBuilder;
    var SingleRangeBuilder = class extends RangeBuilder {
      constructor(kv, namespace, key) {
        super(namespace);
        this.kv = kv;
        this.request.key = (0, util_1.toBuffer)(key);
        this.request.limit = 1;
      }
      /**
       * Runs the built request and parses the returned key as JSON,
       * or returns `null` if it isn't found.
       */
      json() {
        return this.string().then(JSON.parse);
      }
      /**
       * Runs the built request and returns the value of the returned key as a
       * string, or `null` if it isn't found.
       */
      string(encoding = "utf8") {
        return this.exec().then((res) => res.kvs.length === 0 ? null : res.kvs[0].value.toString(encoding));
      }
      /**
       * Runs the built request, and returns the value parsed as a number. Resolves
       * as NaN if the value can't be parsed as a number.
       */
      number() {
        return this.string().then((value) => value === null ? null : Number(value));
      }
      /**
       * Runs the built request and returns the value of the returned key as a
       * buffer, or `null` if it isn't found.
       */
      buffer() {
        return this.exec().then((res) => res.kvs.length === 0 ? null : res.kvs[0].value);
      }
      /**
       * Returns whether the key exists.
       */
      exists() {
        this.request.keys_only = true;
        return this.exec().then((r) => r.count !== "0");
      }
      /**
       * Runs the built request and returns the raw response from etcd.
       */
      exec() {
        return this.kv.range(this.namespace.applyToRequest(this.request), this.callOptions);
      }
      /**
       * @override
       */
      createPromise() {
        return this.string();
      }
    };
    exports.SingleRangeBuilder = SingleRangeBuilder;
    var MultiRangeBuilder = class extends RangeBuilder {
      constructor(kv, namespace) {
        super(namespace);
        this.kv = kv;
        this.prefix(emptyBuffer);
      }
      /**
       * Prefix instructs the query to scan for all keys that have the provided
       * prefix.
       */
      prefix(value) {
        return this.inRange(range_1.Range.prefix(value));
      }
      /**
       * inRange instructs the builder to get keys in the specified byte range.
       */
      inRange(r) {
        const range = range_1.Range.from(r);
        this.request.key = range.start;
        this.request.range_end = range.end;
        return this;
      }
      /**
       * All will instruct etcd to get all keys.
       */
      all() {
        return this.prefix("");
      }
      /**
       * Limit sets the maximum number of results to retrieve.
       */
      limit(count) {
        this.request.limit = isFinite(count) ? count : 0;
        return this;
      }
      /**
       * Sort specifies how the result should be sorted.
       */
      sort(target, order) {
        assertWithin(RPC.SortTarget, target, "sort order in client.get().sort(...)");
        assertWithin(RPC.SortOrder, order, "sort order in client.get().sort(...)");
        this.request.sort_target = RPC.SortTarget[target];
        this.request.sort_order = RPC.SortOrder[order];
        return this;
      }
      /**
       * count returns the number of keys that match the query.
       */
      count() {
        this.request.count_only = true;
        return this.exec().then((res) => Number(res.count));
      }
      /**
       * Keys returns an array of keys matching the query.
       */
      keys(encoding = "utf8") {
        this.request.keys_only = true;
        return this.exec().then((res) => {
          return res.kvs.map((kv) => kv.key.toString(encoding));
        });
      }
      /**
       * Keys returns an array of keys matching the query, as buffers.
       */
      keyBuffers() {
        this.request.keys_only = true;
        return this.exec().then((res) => {
          return res.kvs.map((kv) => kv.key);
        });
      }
      /**
       * Runs the built request and parses the returned keys as JSON.
       */
      json() {
        return this.mapValues((buf) => JSON.parse(buf.toString()));
      }
      /**
       * Runs the built request and returns the value of the returned key as a
       * string, or `null` if it isn't found.
       */
      strings(encoding = "utf8") {
        return this.mapValues((buf) => buf.toString(encoding));
      }
      /**
       * Runs the built request and returns the values of keys as numbers. May
       * resolve to NaN if the keys do not contain numbers.
       */
      numbers() {
        return this.mapValues((buf) => Number(buf.toString()));
      }
      /**
       * Runs the built request and returns the value of the returned key as a
       * buffers.
       */
      buffers() {
        return this.mapValues((b) => b);
      }
      /**
       * Runs the built request and returns the raw response from etcd.
       */
      exec() {
        return this.kv.range(this.namespace.applyToRequest(this.request), this.callOptions).then((res) => {
          for (const kv of res.kvs) {
            kv.key = this.namespace.unprefix(kv.key);
          }
          return res;
        });
      }
      /**
       * @override
       */
      createPromise() {
        return this.strings();
      }
      /**
       * Dispatches a call to the server, and creates a map by running the
       * iterator over the values returned.
       */
      mapValues(iterator) {
        return this.exec().then((res) => {
          const output = {};
          for (const kv of res.kvs) {
            output[kv.key.toString()] = iterator(kv.value);
          }
          return output;
        });
      }
    };
    exports.MultiRangeBuilder = MultiRangeBuilder;
    var DeleteBuilder = class extends util_1.PromiseWrap {
      constructor(kv, namespace) {
        super();
        this.kv = kv;
        this.namespace = namespace;
        this.request = {};
      }
      /**
       * key sets a single key to be deleted.
       */
      key(value) {
        this.request.key = (0, util_1.toBuffer)(value);
        this.request.range_end = void 0;
        return this;
      }
      /**
       * key sets a single key to be deleted.
       */
      prefix(value) {
        return this.range(range_1.Range.prefix(value));
      }
      /**
       * Sets the byte range of values to delete.
       */
      range(range) {
        this.request.key = range.start;
        this.request.range_end = range.end;
        return this;
      }
      /**
       * All will instruct etcd to wipe all keys.
       */
      all() {
        return this.prefix("");
      }
      /**
       * inRange instructs the builder to delete keys in the specified byte range.
       */
      inRange(r) {
        const range = range_1.Range.from(r);
        this.request.key = range.start;
        this.request.range_end = range.end;
        return this;
      }
      /**
       * getPrevious instructs etcd to *try* to get the previous value of the
       * key before setting it. One may not always be available if a compaction
       * takes place.
       */
      getPrevious() {
        this.request.prev_kv = true;
        return this.exec().then((res) => res.prev_kvs);
      }
      /**
       * Sets the GRPC call options for this request.
       */
      options(options) {
        this.callOptions = options;
        return this;
      }
      /**
       * exec runs the delete put request.
       */
      exec() {
        return this.kv.deleteRange(this.namespace.applyToRequest(this.request), this.callOptions);
      }
      /**
       * Returns the request op for this builder, used in transactions.
       */
      op() {
        return Promise.resolve({
          request_delete_range: this.namespace.applyToRequest(this.request)
        });
      }
      /**
       * @override
       */
      createPromise() {
        return this.exec();
      }
    };
    exports.DeleteBuilder = DeleteBuilder;
    var PutBuilder = class extends util_1.PromiseWrap {
      constructor(kv, namespace, key) {
        super();
        this.kv = kv;
        this.namespace = namespace;
        this.request = {};
        this.request.key = (0, util_1.toBuffer)(key);
      }
      /**
       * value sets the value that will be stored in the key.
       */
      value(value) {
        this.request.value = (0, util_1.toBuffer)(value);
        return this;
      }
      /**
       * Sets the lease value to use for storing the key. You usually don't
       * need to use this directly, use `client.lease()` instead!
       */
      lease(lease) {
        this.leaseFilter = lease;
        return this;
      }
      /**
       * Updates the key on its current lease, regardless of what that lease is.
       */
      ignoreLease() {
        this.request.ignore_lease = true;
        return this;
      }
      /**
       * Sets the GRPC call options for this request.
       */
      options(options) {
        this.callOptions = options;
        return this;
      }
      /**
       * getPrevious instructs etcd to *try* to get the previous value of the
       * key before setting it. One may not always be available if a compaction
       * takes place.
       */
      getPrevious() {
        this.request.prev_kv = true;
        return this.exec().then((res) => ({ ...res.prev_kv, header: res.header }));
      }
      /**
       * Touch updates the key's revision without changing its value. This is
       * equivalent to the etcd 'ignore value' flag.
       */
      touch() {
        this.request.value = void 0;
        this.request.ignore_value = true;
        return this.exec();
      }
      /**
       * exec runs the put request.
       */
      async exec() {
        await this.applyLease();
        return this.kv.put(this.namespace.applyToRequest(this.request), this.callOptions);
      }
      /**
       * Returns the request op for this builder, used in transactions.
       */
      async op() {
        await this.applyLease();
        return { request_put: this.namespace.applyToRequest(this.request) };
      }
      /**
       * @override
       */
      createPromise() {
        return this.exec();
      }
      async applyLease() {
        if (!this.leaseFilter) {
          return;
        }
        if (typeof this.leaseFilter === "number" || typeof this.leaseFilter === "string") {
          this.request.lease = this.leaseFilter;
        }
        this.request.lease = await this.leaseFilter;
      }
    };
    exports.PutBuilder = PutBuilder;
    var ComparatorBuilder = class {
      constructor(kv, namespace) {
        this.kv = kv;
        this.namespace = namespace;
        this.request = { compare: [], success: [], failure: [] };
      }
      /**
       * Sets the GRPC call options for this request.
       */
      options(options) {
        this.callOptions = options;
        return this;
      }
      /**
       * Adds a new clause to the transaction.
       */
      and(key, column, cmp, value) {
        assertWithin(exports.compareTarget, column, "comparison target in client.and(...)");
        assertWithin(exports.comparator, cmp, "comparator in client.and(...)");
        if (column === "Value") {
          value = (0, util_1.toBuffer)(value);
        }
        this.request.compare.push(Promise.resolve({
          key: this.namespace.applyKey((0, util_1.toBuffer)(key)),
          result: exports.comparator[cmp],
          target: RPC.CompareTarget[column],
          [exports.compareTarget[column]]: value
        }));
        return this;
      }
      /**
       * Adds one or more consequent clauses to be executed if the comparison
       * is truthy.
       */
      then(...clauses) {
        this.request.success = this.mapOperations(clauses);
        return this;
      }
      /**
       * Adds one or more consequent clauses to be executed if the comparison
       * is falsey.
       */
      else(...clauses) {
        this.request.failure = this.mapOperations(clauses);
        return this;
      }
      /**
       * Runs the generated transaction and returns its result.
       */
      async commit() {
        return this.kv.txn({
          compare: await Promise.all(this.request.compare),
          failure: await Promise.all(this.request.failure),
          success: await Promise.all(this.request.success)
        }, this.callOptions);
      }
      /**
       * Low-level method to add
       */
      mapOperations(ops) {
        return ops.map((op) => {
          if (typeof op.op === "function") {
            return op.op();
          }
          return Promise.resolve(op);
        });
      }
    };
    exports.ComparatorBuilder = ComparatorBuilder;
  }
});

// node_modules/bignumber.js/bignumber.js
var require_bignumber = __commonJS({
  "node_modules/bignumber.js/bignumber.js"(exports, module) {
    (function(globalObject) {
      "use strict";
      var BigNumber, isNumeric = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i, mathceil = Math.ceil, mathfloor = Math.floor, bignumberError = "[BigNumber Error] ", tooManyDigits = bignumberError + "Number primitive has more than 15 significant digits: ", BASE = 1e14, LOG_BASE = 14, MAX_SAFE_INTEGER = 9007199254740991, POWS_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13], SQRT_BASE = 1e7, MAX = 1e9;
      function clone(configObject) {
        var div, convertBase, parseNumeric, P = BigNumber2.prototype = { constructor: BigNumber2, toString: null, valueOf: null }, ONE = new BigNumber2(1), DECIMAL_PLACES = 20, ROUNDING_MODE = 4, TO_EXP_NEG = -7, TO_EXP_POS = 21, MIN_EXP = -1e7, MAX_EXP = 1e7, CRYPTO = false, MODULO_MODE = 1, POW_PRECISION = 0, FORMAT = {
          prefix: "",
          groupSize: 3,
          secondaryGroupSize: 0,
          groupSeparator: ",",
          decimalSeparator: ".",
          fractionGroupSize: 0,
          fractionGroupSeparator: "\xA0",
          // non-breaking space
          suffix: ""
        }, ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz", alphabetHasNormalDecimalDigits = true;
        function BigNumber2(v, b) {
          var alphabet, c, caseChanged, e, i, isNum, len, str, x = this;
          if (!(x instanceof BigNumber2)) return new BigNumber2(v, b);
          if (b == null) {
            if (v && v._isBigNumber === true) {
              x.s = v.s;
              if (!v.c || v.e > MAX_EXP) {
                x.c = x.e = null;
              } else if (v.e < MIN_EXP) {
                x.c = [x.e = 0];
              } else {
                x.e = v.e;
                x.c = v.c.slice();
              }
              return;
            }
            if ((isNum = typeof v == "number") && v * 0 == 0) {
              x.s = 1 / v < 0 ? (v = -v, -1) : 1;
              if (v === ~~v) {
                for (e = 0, i = v; i >= 10; i /= 10, e++) ;
                if (e > MAX_EXP) {
                  x.c = x.e = null;
                } else {
                  x.e = e;
                  x.c = [v];
                }
                return;
              }
              str = String(v);
            } else {
              if (!isNumeric.test(str = String(v))) return parseNumeric(x, str, isNum);
              x.s = str.charCodeAt(0) == 45 ? (str = str.slice(1), -1) : 1;
            }
            if ((e = str.indexOf(".")) > -1) str = str.replace(".", "");
            if ((i = str.search(/e/i)) > 0) {
              if (e < 0) e = i;
              e += +str.slice(i + 1);
              str = str.substring(0, i);
            } else if (e < 0) {
              e = str.length;
            }
          } else {
            intCheck(b, 2, ALPHABET.length, "Base");
            if (b == 10 && alphabetHasNormalDecimalDigits) {
              x = new BigNumber2(v);
              return round(x, DECIMAL_PLACES + x.e + 1, ROUNDING_MODE);
            }
            str = String(v);
            if (isNum = typeof v == "number") {
              if (v * 0 != 0) return parseNumeric(x, str, isNum, b);
              x.s = 1 / v < 0 ? (str = str.slice(1), -1) : 1;
              if (BigNumber2.DEBUG && str.replace(/^0\.0*|\./, "").length > 15) {
                throw Error(tooManyDigits + v);
              }
            } else {
              x.s = str.charCodeAt(0) === 45 ? (str = str.slice(1), -1) : 1;
            }
            alphabet = ALPHABET.slice(0, b);
            e = i = 0;
            for (len = str.length; i < len; i++) {
              if (alphabet.indexOf(c = str.charAt(i)) < 0) {
                if (c == ".") {
                  if (i > e) {
                    e = len;
                    continue;
                  }
                } else if (!caseChanged) {
                  if (str == str.toUpperCase() && (str = str.toLowerCase()) || str == str.toLowerCase() && (str = str.toUpperCase())) {
                    caseChanged = true;
                    i = -1;
                    e = 0;
                    continue;
                  }
                }
                return parseNumeric(x, String(v), isNum, b);
              }
            }
            isNum = false;
            str = convertBase(str, b, 10, x.s);
            if ((e = str.indexOf(".")) > -1) str = str.replace(".", "");
            else e = str.length;
          }
          for (i = 0; str.charCodeAt(i) === 48; i++) ;
          for (len = str.length; str.charCodeAt(--len) === 48; ) ;
          if (str = str.slice(i, ++len)) {
            len -= i;
            if (isNum && BigNumber2.DEBUG && len > 15 && (v > MAX_SAFE_INTEGER || v !== mathfloor(v))) {
              throw Error(tooManyDigits + x.s * v);
            }
            if ((e = e - i - 1) > MAX_EXP) {
              x.c = x.e = null;
            } else if (e < MIN_EXP) {
              x.c = [x.e = 0];
            } else {
              x.e = e;
              x.c = [];
              i = (e + 1) % LOG_BASE;
              if (e < 0) i += LOG_BASE;
              if (i < len) {
                if (i) x.c.push(+str.slice(0, i));
                for (len -= LOG_BASE; i < len; ) {
                  x.c.push(+str.slice(i, i += LOG_BASE));
                }
                i = LOG_BASE - (str = str.slice(i)).length;
              } else {
                i -= len;
              }
              for (; i--; str += "0") ;
              x.c.push(+str);
            }
          } else {
            x.c = [x.e = 0];
          }
        }
        BigNumber2.clone = clone;
        BigNumber2.ROUND_UP = 0;
        BigNumber2.ROUND_DOWN = 1;
        BigNumber2.ROUND_CEIL = 2;
        BigNumber2.ROUND_FLOOR = 3;
        BigNumber2.ROUND_HALF_UP = 4;
        BigNumber2.ROUND_HALF_DOWN = 5;
        BigNumber2.ROUND_HALF_EVEN = 6;
        BigNumber2.ROUND_HALF_CEIL = 7;
        BigNumber2.ROUND_HALF_FLOOR = 8;
        BigNumber2.EUCLID = 9;
        BigNumber2.config = BigNumber2.set = function(obj) {
          var p, v;
          if (obj != null) {
            if (typeof obj == "object") {
              if (obj.hasOwnProperty(p = "DECIMAL_PLACES")) {
                v = obj[p];
                intCheck(v, 0, MAX, p);
                DECIMAL_PLACES = v;
              }
              if (obj.hasOwnProperty(p = "ROUNDING_MODE")) {
                v = obj[p];
                intCheck(v, 0, 8, p);
                ROUNDING_MODE = v;
              }
              if (obj.hasOwnProperty(p = "EXPONENTIAL_AT")) {
                v = obj[p];
                if (v && v.pop) {
                  intCheck(v[0], -MAX, 0, p);
                  intCheck(v[1], 0, MAX, p);
                  TO_EXP_NEG = v[0];
                  TO_EXP_POS = v[1];
                } else {
                  intCheck(v, -MAX, MAX, p);
                  TO_EXP_NEG = -(TO_EXP_POS = v < 0 ? -v : v);
                }
              }
              if (obj.hasOwnProperty(p = "RANGE")) {
                v = obj[p];
                if (v && v.pop) {
                  intCheck(v[0], -MAX, -1, p);
                  intCheck(v[1], 1, MAX, p);
                  MIN_EXP = v[0];
                  MAX_EXP = v[1];
                } else {
                  intCheck(v, -MAX, MAX, p);
                  if (v) {
                    MIN_EXP = -(MAX_EXP = v < 0 ? -v : v);
                  } else {
                    throw Error(bignumberError + p + " cannot be zero: " + v);
                  }
                }
              }
              if (obj.hasOwnProperty(p = "CRYPTO")) {
                v = obj[p];
                if (v === !!v) {
                  if (v) {
                    if (typeof crypto != "undefined" && crypto && (crypto.getRandomValues || crypto.randomBytes)) {
                      CRYPTO = v;
                    } else {
                      CRYPTO = !v;
                      throw Error(bignumberError + "crypto unavailable");
                    }
                  } else {
                    CRYPTO = v;
                  }
                } else {
                  throw Error(bignumberError + p + " not true or false: " + v);
                }
              }
              if (obj.hasOwnProperty(p = "MODULO_MODE")) {
                v = obj[p];
                intCheck(v, 0, 9, p);
                MODULO_MODE = v;
              }
              if (obj.hasOwnProperty(p = "POW_PRECISION")) {
                v = obj[p];
                intCheck(v, 0, MAX, p);
                POW_PRECISION = v;
              }
              if (obj.hasOwnProperty(p = "FORMAT")) {
                v = obj[p];
                if (typeof v == "object") FORMAT = v;
                else throw Error(bignumberError + p + " not an object: " + v);
              }
              if (obj.hasOwnProperty(p = "ALPHABET")) {
                v = obj[p];
                if (typeof v == "string" && !/^.?$|[+\-.\s]|(.).*\1/.test(v)) {
                  alphabetHasNormalDecimalDigits = v.slice(0, 10) == "0123456789";
                  ALPHABET = v;
                } else {
                  throw Error(bignumberError + p + " invalid: " + v);
                }
              }
            } else {
              throw Error(bignumberError + "Object expected: " + obj);
            }
          }
          return {
            DECIMAL_PLACES,
            ROUNDING_MODE,
            EXPONENTIAL_AT: [TO_EXP_NEG, TO_EXP_POS],
            RANGE: [MIN_EXP, MAX_EXP],
            CRYPTO,
            MODULO_MODE,
            POW_PRECISION,
            FORMAT,
            ALPHABET
          };
        };
        BigNumber2.isBigNumber = function(v) {
          if (!v || v._isBigNumber !== true) return false;
          if (!BigNumber2.DEBUG) return true;
          var i, n, c = v.c, e = v.e, s = v.s;
          out: if ({}.toString.call(c) == "[object Array]") {
            if ((s === 1 || s === -1) && e >= -MAX && e <= MAX && e === mathfloor(e)) {
              if (c[0] === 0) {
                if (e === 0 && c.length === 1) return true;
                break out;
              }
              i = (e + 1) % LOG_BASE;
              if (i < 1) i += LOG_BASE;
              if (String(c[0]).length == i) {
                for (i = 0; i < c.length; i++) {
                  n = c[i];
                  if (n < 0 || n >= BASE || n !== mathfloor(n)) break out;
                }
                if (n !== 0) return true;
              }
            }
          } else if (c === null && e === null && (s === null || s === 1 || s === -1)) {
            return true;
          }
          throw Error(bignumberError + "Invalid BigNumber: " + v);
        };
        BigNumber2.maximum = BigNumber2.max = function() {
          return maxOrMin(arguments, -1);
        };
        BigNumber2.minimum = BigNumber2.min = function() {
          return maxOrMin(arguments, 1);
        };
        BigNumber2.random = (function() {
          var pow2_53 = 9007199254740992;
          var random53bitInt = Math.random() * pow2_53 & 2097151 ? function() {
            return mathfloor(Math.random() * pow2_53);
          } : function() {
            return (Math.random() * 1073741824 | 0) * 8388608 + (Math.random() * 8388608 | 0);
          };
          return function(dp) {
            var a, b, e, k, v, i = 0, c = [], rand = new BigNumber2(ONE);
            if (dp == null) dp = DECIMAL_PLACES;
            else intCheck(dp, 0, MAX);
            k = mathceil(dp / LOG_BASE);
            if (CRYPTO) {
              if (crypto.getRandomValues) {
                a = crypto.getRandomValues(new Uint32Array(k *= 2));
                for (; i < k; ) {
                  v = a[i] * 131072 + (a[i + 1] >>> 11);
                  if (v >= 9e15) {
                    b = crypto.getRandomValues(new Uint32Array(2));
                    a[i] = b[0];
                    a[i + 1] = b[1];
                  } else {
                    c.push(v % 1e14);
                    i += 2;
                  }
                }
                i = k / 2;
              } else if (crypto.randomBytes) {
                a = crypto.randomBytes(k *= 7);
                for (; i < k; ) {
                  v = (a[i] & 31) * 281474976710656 + a[i + 1] * 1099511627776 + a[i + 2] * 4294967296 + a[i + 3] * 16777216 + (a[i + 4] << 16) + (a[i + 5] << 8) + a[i + 6];
                  if (v >= 9e15) {
                    crypto.randomBytes(7).copy(a, i);
                  } else {
                    c.push(v % 1e14);
                    i += 7;
                  }
                }
                i = k / 7;
              } else {
                CRYPTO = false;
                throw Error(bignumberError + "crypto unavailable");
              }
            }
            if (!CRYPTO) {
              for (; i < k; ) {
                v = random53bitInt();
                if (v < 9e15) c[i++] = v % 1e14;
              }
            }
            k = c[--i];
            dp %= LOG_BASE;
            if (k && dp) {
              v = POWS_TEN[LOG_BASE - dp];
              c[i] = mathfloor(k / v) * v;
            }
            for (; c[i] === 0; c.pop(), i--) ;
            if (i < 0) {
              c = [e = 0];
            } else {
              for (e = -1; c[0] === 0; c.splice(0, 1), e -= LOG_BASE) ;
              for (i = 1, v = c[0]; v >= 10; v /= 10, i++) ;
              if (i < LOG_BASE) e -= LOG_BASE - i;
            }
            rand.e = e;
            rand.c = c;
            return rand;
          };
        })();
        BigNumber2.sum = function() {
          var i = 1, args = arguments, sum = new BigNumber2(args[0]);
          for (; i < args.length; ) sum = sum.plus(args[i++]);
          return sum;
        };
        convertBase = /* @__PURE__ */ (function() {
          var decimal = "0123456789";
          function toBaseOut(str, baseIn, baseOut, alphabet) {
            var j, arr = [0], arrL, i = 0, len = str.length;
            for (; i < len; ) {
              for (arrL = arr.length; arrL--; arr[arrL] *= baseIn) ;
              arr[0] += alphabet.indexOf(str.charAt(i++));
              for (j = 0; j < arr.length; j++) {
                if (arr[j] > baseOut - 1) {
                  if (arr[j + 1] == null) arr[j + 1] = 0;
                  arr[j + 1] += arr[j] / baseOut | 0;
                  arr[j] %= baseOut;
                }
              }
            }
            return arr.reverse();
          }
          return function(str, baseIn, baseOut, sign, callerIsToString) {
            var alphabet, d, e, k, r, x, xc, y, i = str.indexOf("."), dp = DECIMAL_PLACES, rm = ROUNDING_MODE;
            if (i >= 0) {
              k = POW_PRECISION;
              POW_PRECISION = 0;
              str = str.replace(".", "");
              y = new BigNumber2(baseIn);
              x = y.pow(str.length - i);
              POW_PRECISION = k;
              y.c = toBaseOut(
                toFixedPoint(coeffToString(x.c), x.e, "0"),
                10,
                baseOut,
                decimal
              );
              y.e = y.c.length;
            }
            xc = toBaseOut(str, baseIn, baseOut, callerIsToString ? (alphabet = ALPHABET, decimal) : (alphabet = decimal, ALPHABET));
            e = k = xc.length;
            for (; xc[--k] == 0; xc.pop()) ;
            if (!xc[0]) return alphabet.charAt(0);
            if (i < 0) {
              --e;
            } else {
              x.c = xc;
              x.e = e;
              x.s = sign;
              x = div(x, y, dp, rm, baseOut);
              xc = x.c;
              r = x.r;
              e = x.e;
            }
            d = e + dp + 1;
            i = xc[d];
            k = baseOut / 2;
            r = r || d < 0 || xc[d + 1] != null;
            r = rm < 4 ? (i != null || r) && (rm == 0 || rm == (x.s < 0 ? 3 : 2)) : i > k || i == k && (rm == 4 || r || rm == 6 && xc[d - 1] & 1 || rm == (x.s < 0 ? 8 : 7));
            if (d < 1 || !xc[0]) {
              str = r ? toFixedPoint(alphabet.charAt(1), -dp, alphabet.charAt(0)) : alphabet.charAt(0);
            } else {
              xc.length = d;
              if (r) {
                for (--baseOut; ++xc[--d] > baseOut; ) {
                  xc[d] = 0;
                  if (!d) {
                    ++e;
                    xc = [1].concat(xc);
                  }
                }
              }
              for (k = xc.length; !xc[--k]; ) ;
              for (i = 0, str = ""; i <= k; str += alphabet.charAt(xc[i++])) ;
              str = toFixedPoint(str, e, alphabet.charAt(0));
            }
            return str;
          };
        })();
        div = /* @__PURE__ */ (function() {
          function multiply(x, k, base) {
            var m, temp, xlo, xhi, carry = 0, i = x.length, klo = k % SQRT_BASE, khi = k / SQRT_BASE | 0;
            for (x = x.slice(); i--; ) {
              xlo = x[i] % SQRT_BASE;
              xhi = x[i] / SQRT_BASE | 0;
              m = khi * xlo + xhi * klo;
              temp = klo * xlo + m % SQRT_BASE * SQRT_BASE + carry;
              carry = (temp / base | 0) + (m / SQRT_BASE | 0) + khi * xhi;
              x[i] = temp % base;
            }
            if (carry) x = [carry].concat(x);
            return x;
          }
          function compare2(a, b, aL, bL) {
            var i, cmp;
            if (aL != bL) {
              cmp = aL > bL ? 1 : -1;
            } else {
              for (i = cmp = 0; i < aL; i++) {
                if (a[i] != b[i]) {
                  cmp = a[i] > b[i] ? 1 : -1;
                  break;
                }
              }
            }
            return cmp;
          }
          function subtract(a, b, aL, base) {
            var i = 0;
            for (; aL--; ) {
              a[aL] -= i;
              i = a[aL] < b[aL] ? 1 : 0;
              a[aL] = i * base + a[aL] - b[aL];
            }
            for (; !a[0] && a.length > 1; a.splice(0, 1)) ;
          }
          return function(x, y, dp, rm, base) {
            var cmp, e, i, more, n, prod, prodL, q, qc, rem, remL, rem0, xi, xL, yc0, yL, yz, s = x.s == y.s ? 1 : -1, xc = x.c, yc = y.c;
            if (!xc || !xc[0] || !yc || !yc[0]) {
              return new BigNumber2(
                // Return NaN if either NaN, or both Infinity or 0.
                !x.s || !y.s || (xc ? yc && xc[0] == yc[0] : !yc) ? NaN : (
                  // Return ±0 if x is ±0 or y is ±Infinity, or return ±Infinity as y is ±0.
                  xc && xc[0] == 0 || !yc ? s * 0 : s / 0
                )
              );
            }
            q = new BigNumber2(s);
            qc = q.c = [];
            e = x.e - y.e;
            s = dp + e + 1;
            if (!base) {
              base = BASE;
              e = bitFloor(x.e / LOG_BASE) - bitFloor(y.e / LOG_BASE);
              s = s / LOG_BASE | 0;
            }
            for (i = 0; yc[i] == (xc[i] || 0); i++) ;
            if (yc[i] > (xc[i] || 0)) e--;
            if (s < 0) {
              qc.push(1);
              more = true;
            } else {
              xL = xc.length;
              yL = yc.length;
              i = 0;
              s += 2;
              n = mathfloor(base / (yc[0] + 1));
              if (n > 1) {
                yc = multiply(yc, n, base);
                xc = multiply(xc, n, base);
                yL = yc.length;
                xL = xc.length;
              }
              xi = yL;
              rem = xc.slice(0, yL);
              remL = rem.length;
              for (; remL < yL; rem[remL++] = 0) ;
              yz = yc.slice();
              yz = [0].concat(yz);
              yc0 = yc[0];
              if (yc[1] >= base / 2) yc0++;
              do {
                n = 0;
                cmp = compare2(yc, rem, yL, remL);
                if (cmp < 0) {
                  rem0 = rem[0];
                  if (yL != remL) rem0 = rem0 * base + (rem[1] || 0);
                  n = mathfloor(rem0 / yc0);
                  if (n > 1) {
                    if (n >= base) n = base - 1;
                    prod = multiply(yc, n, base);
                    prodL = prod.length;
                    remL = rem.length;
                    while (compare2(prod, rem, prodL, remL) == 1) {
                      n--;
                      subtract(prod, yL < prodL ? yz : yc, prodL, base);
                      prodL = prod.length;
                      cmp = 1;
                    }
                  } else {
                    if (n == 0) {
                      cmp = n = 1;
                    }
                    prod = yc.slice();
                    prodL = prod.length;
                  }
                  if (prodL < remL) prod = [0].concat(prod);
                  subtract(rem, prod, remL, base);
                  remL = rem.length;
                  if (cmp == -1) {
                    while (compare2(yc, rem, yL, remL) < 1) {
                      n++;
                      subtract(rem, yL < remL ? yz : yc, remL, base);
                      remL = rem.length;
                    }
                  }
                } else if (cmp === 0) {
                  n++;
                  rem = [0];
                }
                qc[i++] = n;
                if (rem[0]) {
                  rem[remL++] = xc[xi] || 0;
                } else {
                  rem = [xc[xi]];
                  remL = 1;
                }
              } while ((xi++ < xL || rem[0] != null) && s--);
              more = rem[0] != null;
              if (!qc[0]) qc.splice(0, 1);
            }
            if (base == BASE) {
              for (i = 1, s = qc[0]; s >= 10; s /= 10, i++) ;
              round(q, dp + (q.e = i + e * LOG_BASE - 1) + 1, rm, more);
            } else {
              q.e = e;
              q.r = +more;
            }
            return q;
          };
        })();
        function format(n, i, rm, id) {
          var c0, e, ne, len, str;
          if (rm == null) rm = ROUNDING_MODE;
          else intCheck(rm, 0, 8);
          if (!n.c) return n.toString();
          c0 = n.c[0];
          ne = n.e;
          if (i == null) {
            str = coeffToString(n.c);
            str = id == 1 || id == 2 && (ne <= TO_EXP_NEG || ne >= TO_EXP_POS) ? toExponential(str, ne) : toFixedPoint(str, ne, "0");
          } else {
            n = round(new BigNumber2(n), i, rm);
            e = n.e;
            str = coeffToString(n.c);
            len = str.length;
            if (id == 1 || id == 2 && (i <= e || e <= TO_EXP_NEG)) {
              for (; len < i; str += "0", len++) ;
              str = toExponential(str, e);
            } else {
              i -= ne + (id === 2 && e > ne);
              str = toFixedPoint(str, e, "0");
              if (e + 1 > len) {
                if (--i > 0) for (str += "."; i--; str += "0") ;
              } else {
                i += e - len;
                if (i > 0) {
                  if (e + 1 == len) str += ".";
                  for (; i--; str += "0") ;
                }
              }
            }
          }
          return n.s < 0 && c0 ? "-" + str : str;
        }
        function maxOrMin(args, n) {
          var k, y, i = 1, x = new BigNumber2(args[0]);
          for (; i < args.length; i++) {
            y = new BigNumber2(args[i]);
            if (!y.s || (k = compare(x, y)) === n || k === 0 && x.s === n) {
              x = y;
            }
          }
          return x;
        }
        function normalise(n, c, e) {
          var i = 1, j = c.length;
          for (; !c[--j]; c.pop()) ;
          for (j = c[0]; j >= 10; j /= 10, i++) ;
          if ((e = i + e * LOG_BASE - 1) > MAX_EXP) {
            n.c = n.e = null;
          } else if (e < MIN_EXP) {
            n.c = [n.e = 0];
          } else {
            n.e = e;
            n.c = c;
          }
          return n;
        }
        parseNumeric = /* @__PURE__ */ (function() {
          var basePrefix = /^(-?)0([xbo])(?=\w[\w.]*$)/i, dotAfter = /^([^.]+)\.$/, dotBefore = /^\.([^.]+)$/, isInfinityOrNaN = /^-?(Infinity|NaN)$/, whitespaceOrPlus = /^\s*\+(?=[\w.])|^\s+|\s+$/g;
          return function(x, str, isNum, b) {
            var base, s = isNum ? str : str.replace(whitespaceOrPlus, "");
            if (isInfinityOrNaN.test(s)) {
              x.s = isNaN(s) ? null : s < 0 ? -1 : 1;
            } else {
              if (!isNum) {
                s = s.replace(basePrefix, function(m, p1, p2) {
                  base = (p2 = p2.toLowerCase()) == "x" ? 16 : p2 == "b" ? 2 : 8;
                  return !b || b == base ? p1 : m;
                });
                if (b) {
                  base = b;
                  s = s.replace(dotAfter, "$1").replace(dotBefore, "0.$1");
                }
                if (str != s) return new BigNumber2(s, base);
              }
              if (BigNumber2.DEBUG) {
                throw Error(bignumberError + "Not a" + (b ? " base " + b : "") + " number: " + str);
              }
              x.s = null;
            }
            x.c = x.e = null;
          };
        })();
        function round(x, sd, rm, r) {
          var d, i, j, k, n, ni, rd, xc = x.c, pows10 = POWS_TEN;
          if (xc) {
            out: {
              for (d = 1, k = xc[0]; k >= 10; k /= 10, d++) ;
              i = sd - d;
              if (i < 0) {
                i += LOG_BASE;
                j = sd;
                n = xc[ni = 0];
                rd = mathfloor(n / pows10[d - j - 1] % 10);
              } else {
                ni = mathceil((i + 1) / LOG_BASE);
                if (ni >= xc.length) {
                  if (r) {
                    for (; xc.length <= ni; xc.push(0)) ;
                    n = rd = 0;
                    d = 1;
                    i %= LOG_BASE;
                    j = i - LOG_BASE + 1;
                  } else {
                    break out;
                  }
                } else {
                  n = k = xc[ni];
                  for (d = 1; k >= 10; k /= 10, d++) ;
                  i %= LOG_BASE;
                  j = i - LOG_BASE + d;
                  rd = j < 0 ? 0 : mathfloor(n / pows10[d - j - 1] % 10);
                }
              }
              r = r || sd < 0 || // Are there any non-zero digits after the rounding digit?
              // The expression  n % pows10[d - j - 1]  returns all digits of n to the right
              // of the digit at j, e.g. if n is 908714 and j is 2, the expression gives 714.
              xc[ni + 1] != null || (j < 0 ? n : n % pows10[d - j - 1]);
              r = rm < 4 ? (rd || r) && (rm == 0 || rm == (x.s < 0 ? 3 : 2)) : rd > 5 || rd == 5 && (rm == 4 || r || rm == 6 && // Check whether the digit to the left of the rounding digit is odd.
              (i > 0 ? j > 0 ? n / pows10[d - j] : 0 : xc[ni - 1]) % 10 & 1 || rm == (x.s < 0 ? 8 : 7));
              if (sd < 1 || !xc[0]) {
                xc.length = 0;
                if (r) {
                  sd -= x.e + 1;
                  xc[0] = pows10[(LOG_BASE - sd % LOG_BASE) % LOG_BASE];
                  x.e = -sd || 0;
                } else {
                  xc[0] = x.e = 0;
                }
                return x;
              }
              if (i == 0) {
                xc.length = ni;
                k = 1;
                ni--;
              } else {
                xc.length = ni + 1;
                k = pows10[LOG_BASE - i];
                xc[ni] = j > 0 ? mathfloor(n / pows10[d - j] % pows10[j]) * k : 0;
              }
              if (r) {
                for (; ; ) {
                  if (ni == 0) {
                    for (i = 1, j = xc[0]; j >= 10; j /= 10, i++) ;
                    j = xc[0] += k;
                    for (k = 1; j >= 10; j /= 10, k++) ;
                    if (i != k) {
                      x.e++;
                      if (xc[0] == BASE) xc[0] = 1;
                    }
                    break;
                  } else {
                    xc[ni] += k;
                    if (xc[ni] != BASE) break;
                    xc[ni--] = 0;
                    k = 1;
                  }
                }
              }
              for (i = xc.length; xc[--i] === 0; xc.pop()) ;
            }
            if (x.e > MAX_EXP) {
              x.c = x.e = null;
            } else if (x.e < MIN_EXP) {
              x.c = [x.e = 0];
            }
          }
          return x;
        }
        function valueOf(n) {
          var str, e = n.e;
          if (e === null) return n.toString();
          str = coeffToString(n.c);
          str = e <= TO_EXP_NEG || e >= TO_EXP_POS ? toExponential(str, e) : toFixedPoint(str, e, "0");
          return n.s < 0 ? "-" + str : str;
        }
        P.absoluteValue = P.abs = function() {
          var x = new BigNumber2(this);
          if (x.s < 0) x.s = 1;
          return x;
        };
        P.comparedTo = function(y, b) {
          return compare(this, new BigNumber2(y, b));
        };
        P.decimalPlaces = P.dp = function(dp, rm) {
          var c, n, v, x = this;
          if (dp != null) {
            intCheck(dp, 0, MAX);
            if (rm == null) rm = ROUNDING_MODE;
            else intCheck(rm, 0, 8);
            return round(new BigNumber2(x), dp + x.e + 1, rm);
          }
          if (!(c = x.c)) return null;
          n = ((v = c.length - 1) - bitFloor(this.e / LOG_BASE)) * LOG_BASE;
          if (v = c[v]) for (; v % 10 == 0; v /= 10, n--) ;
          if (n < 0) n = 0;
          return n;
        };
        P.dividedBy = P.div = function(y, b) {
          return div(this, new BigNumber2(y, b), DECIMAL_PLACES, ROUNDING_MODE);
        };
        P.dividedToIntegerBy = P.idiv = function(y, b) {
          return div(this, new BigNumber2(y, b), 0, 1);
        };
        P.exponentiatedBy = P.pow = function(n, m) {
          var half, isModExp, i, k, more, nIsBig, nIsNeg, nIsOdd, y, x = this;
          n = new BigNumber2(n);
          if (n.c && !n.isInteger()) {
            throw Error(bignumberError + "Exponent not an integer: " + valueOf(n));
          }
          if (m != null) m = new BigNumber2(m);
          nIsBig = n.e > 14;
          if (!x.c || !x.c[0] || x.c[0] == 1 && !x.e && x.c.length == 1 || !n.c || !n.c[0]) {
            y = new BigNumber2(Math.pow(+valueOf(x), nIsBig ? n.s * (2 - isOdd(n)) : +valueOf(n)));
            return m ? y.mod(m) : y;
          }
          nIsNeg = n.s < 0;
          if (m) {
            if (m.c ? !m.c[0] : !m.s) return new BigNumber2(NaN);
            isModExp = !nIsNeg && x.isInteger() && m.isInteger();
            if (isModExp) x = x.mod(m);
          } else if (n.e > 9 && (x.e > 0 || x.e < -1 || (x.e == 0 ? x.c[0] > 1 || nIsBig && x.c[1] >= 24e7 : x.c[0] < 8e13 || nIsBig && x.c[0] <= 9999975e7))) {
            k = x.s < 0 && isOdd(n) ? -0 : 0;
            if (x.e > -1) k = 1 / k;
            return new BigNumber2(nIsNeg ? 1 / k : k);
          } else if (POW_PRECISION) {
            k = mathceil(POW_PRECISION / LOG_BASE + 2);
          }
          if (nIsBig) {
            half = new BigNumber2(0.5);
            if (nIsNeg) n.s = 1;
            nIsOdd = isOdd(n);
          } else {
            i = Math.abs(+valueOf(n));
            nIsOdd = i % 2;
          }
          y = new BigNumber2(ONE);
          for (; ; ) {
            if (nIsOdd) {
              y = y.times(x);
              if (!y.c) break;
              if (k) {
                if (y.c.length > k) y.c.length = k;
              } else if (isModExp) {
                y = y.mod(m);
              }
            }
            if (i) {
              i = mathfloor(i / 2);
              if (i === 0) break;
              nIsOdd = i % 2;
            } else {
              n = n.times(half);
              round(n, n.e + 1, 1);
              if (n.e > 14) {
                nIsOdd = isOdd(n);
              } else {
                i = +valueOf(n);
                if (i === 0) break;
                nIsOdd = i % 2;
              }
            }
            x = x.times(x);
            if (k) {
              if (x.c && x.c.length > k) x.c.length = k;
            } else if (isModExp) {
              x = x.mod(m);
            }
          }
          if (isModExp) return y;
          if (nIsNeg) y = ONE.div(y);
          return m ? y.mod(m) : k ? round(y, POW_PRECISION, ROUNDING_MODE, more) : y;
        };
        P.integerValue = function(rm) {
          var n = new BigNumber2(this);
          if (rm == null) rm = ROUNDING_MODE;
          else intCheck(rm, 0, 8);
          return round(n, n.e + 1, rm);
        };
        P.isEqualTo = P.eq = function(y, b) {
          return compare(this, new BigNumber2(y, b)) === 0;
        };
        P.isFinite = function() {
          return !!this.c;
        };
        P.isGreaterThan = P.gt = function(y, b) {
          return compare(this, new BigNumber2(y, b)) > 0;
        };
        P.isGreaterThanOrEqualTo = P.gte = function(y, b) {
          return (b = compare(this, new BigNumber2(y, b))) === 1 || b === 0;
        };
        P.isInteger = function() {
          return !!this.c && bitFloor(this.e / LOG_BASE) > this.c.length - 2;
        };
        P.isLessThan = P.lt = function(y, b) {
          return compare(this, new BigNumber2(y, b)) < 0;
        };
        P.isLessThanOrEqualTo = P.lte = function(y, b) {
          return (b = compare(this, new BigNumber2(y, b))) === -1 || b === 0;
        };
        P.isNaN = function() {
          return !this.s;
        };
        P.isNegative = function() {
          return this.s < 0;
        };
        P.isPositive = function() {
          return this.s > 0;
        };
        P.isZero = function() {
          return !!this.c && this.c[0] == 0;
        };
        P.minus = function(y, b) {
          var i, j, t, xLTy, x = this, a = x.s;
          y = new BigNumber2(y, b);
          b = y.s;
          if (!a || !b) return new BigNumber2(NaN);
          if (a != b) {
            y.s = -b;
            return x.plus(y);
          }
          var xe = x.e / LOG_BASE, ye = y.e / LOG_BASE, xc = x.c, yc = y.c;
          if (!xe || !ye) {
            if (!xc || !yc) return xc ? (y.s = -b, y) : new BigNumber2(yc ? x : NaN);
            if (!xc[0] || !yc[0]) {
              return yc[0] ? (y.s = -b, y) : new BigNumber2(xc[0] ? x : (
                // IEEE 754 (2008) 6.3: n - n = -0 when rounding to -Infinity
                ROUNDING_MODE == 3 ? -0 : 0
              ));
            }
          }
          xe = bitFloor(xe);
          ye = bitFloor(ye);
          xc = xc.slice();
          if (a = xe - ye) {
            if (xLTy = a < 0) {
              a = -a;
              t = xc;
            } else {
              ye = xe;
              t = yc;
            }
            t.reverse();
            for (b = a; b--; t.push(0)) ;
            t.reverse();
          } else {
            j = (xLTy = (a = xc.length) < (b = yc.length)) ? a : b;
            for (a = b = 0; b < j; b++) {
              if (xc[b] != yc[b]) {
                xLTy = xc[b] < yc[b];
                break;
              }
            }
          }
          if (xLTy) {
            t = xc;
            xc = yc;
            yc = t;
            y.s = -y.s;
          }
          b = (j = yc.length) - (i = xc.length);
          if (b > 0) for (; b--; xc[i++] = 0) ;
          b = BASE - 1;
          for (; j > a; ) {
            if (xc[--j] < yc[j]) {
              for (i = j; i && !xc[--i]; xc[i] = b) ;
              --xc[i];
              xc[j] += BASE;
            }
            xc[j] -= yc[j];
          }
          for (; xc[0] == 0; xc.splice(0, 1), --ye) ;
          if (!xc[0]) {
            y.s = ROUNDING_MODE == 3 ? -1 : 1;
            y.c = [y.e = 0];
            return y;
          }
          return normalise(y, xc, ye);
        };
        P.modulo = P.mod = function(y, b) {
          var q, s, x = this;
          y = new BigNumber2(y, b);
          if (!x.c || !y.s || y.c && !y.c[0]) {
            return new BigNumber2(NaN);
          } else if (!y.c || x.c && !x.c[0]) {
            return new BigNumber2(x);
          }
          if (MODULO_MODE == 9) {
            s = y.s;
            y.s = 1;
            q = div(x, y, 0, 3);
            y.s = s;
            q.s *= s;
          } else {
            q = div(x, y, 0, MODULO_MODE);
          }
          y = x.minus(q.times(y));
          if (!y.c[0] && MODULO_MODE == 1) y.s = x.s;
          return y;
        };
        P.multipliedBy = P.times = function(y, b) {
          var c, e, i, j, k, m, xcL, xlo, xhi, ycL, ylo, yhi, zc, base, sqrtBase, x = this, xc = x.c, yc = (y = new BigNumber2(y, b)).c;
          if (!xc || !yc || !xc[0] || !yc[0]) {
            if (!x.s || !y.s || xc && !xc[0] && !yc || yc && !yc[0] && !xc) {
              y.c = y.e = y.s = null;
            } else {
              y.s *= x.s;
              if (!xc || !yc) {
                y.c = y.e = null;
              } else {
                y.c = [0];
                y.e = 0;
              }
            }
            return y;
          }
          e = bitFloor(x.e / LOG_BASE) + bitFloor(y.e / LOG_BASE);
          y.s *= x.s;
          xcL = xc.length;
          ycL = yc.length;
          if (xcL < ycL) {
            zc = xc;
            xc = yc;
            yc = zc;
            i = xcL;
            xcL = ycL;
            ycL = i;
          }
          for (i = xcL + ycL, zc = []; i--; zc.push(0)) ;
          base = BASE;
          sqrtBase = SQRT_BASE;
          for (i = ycL; --i >= 0; ) {
            c = 0;
            ylo = yc[i] % sqrtBase;
            yhi = yc[i] / sqrtBase | 0;
            for (k = xcL, j = i + k; j > i; ) {
              xlo = xc[--k] % sqrtBase;
              xhi = xc[k] / sqrtBase | 0;
              m = yhi * xlo + xhi * ylo;
              xlo = ylo * xlo + m % sqrtBase * sqrtBase + zc[j] + c;
              c = (xlo / base | 0) + (m / sqrtBase | 0) + yhi * xhi;
              zc[j--] = xlo % base;
            }
            zc[j] = c;
          }
          if (c) {
            ++e;
          } else {
            zc.splice(0, 1);
          }
          return normalise(y, zc, e);
        };
        P.negated = function() {
          var x = new BigNumber2(this);
          x.s = -x.s || null;
          return x;
        };
        P.plus = function(y, b) {
          var t, x = this, a = x.s;
          y = new BigNumber2(y, b);
          b = y.s;
          if (!a || !b) return new BigNumber2(NaN);
          if (a != b) {
            y.s = -b;
            return x.minus(y);
          }
          var xe = x.e / LOG_BASE, ye = y.e / LOG_BASE, xc = x.c, yc = y.c;
          if (!xe || !ye) {
            if (!xc || !yc) return new BigNumber2(a / 0);
            if (!xc[0] || !yc[0]) return yc[0] ? y : new BigNumber2(xc[0] ? x : a * 0);
          }
          xe = bitFloor(xe);
          ye = bitFloor(ye);
          xc = xc.slice();
          if (a = xe - ye) {
            if (a > 0) {
              ye = xe;
              t = yc;
            } else {
              a = -a;
              t = xc;
            }
            t.reverse();
            for (; a--; t.push(0)) ;
            t.reverse();
          }
          a = xc.length;
          b = yc.length;
          if (a - b < 0) {
            t = yc;
            yc = xc;
            xc = t;
            b = a;
          }
          for (a = 0; b; ) {
            a = (xc[--b] = xc[b] + yc[b] + a) / BASE | 0;
            xc[b] = BASE === xc[b] ? 0 : xc[b] % BASE;
          }
          if (a) {
            xc = [a].concat(xc);
            ++ye;
          }
          return normalise(y, xc, ye);
        };
        P.precision = P.sd = function(sd, rm) {
          var c, n, v, x = this;
          if (sd != null && sd !== !!sd) {
            intCheck(sd, 1, MAX);
            if (rm == null) rm = ROUNDING_MODE;
            else intCheck(rm, 0, 8);
            return round(new BigNumber2(x), sd, rm);
          }
          if (!(c = x.c)) return null;
          v = c.length - 1;
          n = v * LOG_BASE + 1;
          if (v = c[v]) {
            for (; v % 10 == 0; v /= 10, n--) ;
            for (v = c[0]; v >= 10; v /= 10, n++) ;
          }
          if (sd && x.e + 1 > n) n = x.e + 1;
          return n;
        };
        P.shiftedBy = function(k) {
          intCheck(k, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER);
          return this.times("1e" + k);
        };
        P.squareRoot = P.sqrt = function() {
          var m, n, r, rep, t, x = this, c = x.c, s = x.s, e = x.e, dp = DECIMAL_PLACES + 4, half = new BigNumber2("0.5");
          if (s !== 1 || !c || !c[0]) {
            return new BigNumber2(!s || s < 0 && (!c || c[0]) ? NaN : c ? x : 1 / 0);
          }
          s = Math.sqrt(+valueOf(x));
          if (s == 0 || s == 1 / 0) {
            n = coeffToString(c);
            if ((n.length + e) % 2 == 0) n += "0";
            s = Math.sqrt(+n);
            e = bitFloor((e + 1) / 2) - (e < 0 || e % 2);
            if (s == 1 / 0) {
              n = "5e" + e;
            } else {
              n = s.toExponential();
              n = n.slice(0, n.indexOf("e") + 1) + e;
            }
            r = new BigNumber2(n);
          } else {
            r = new BigNumber2(s + "");
          }
          if (r.c[0]) {
            e = r.e;
            s = e + dp;
            if (s < 3) s = 0;
            for (; ; ) {
              t = r;
              r = half.times(t.plus(div(x, t, dp, 1)));
              if (coeffToString(t.c).slice(0, s) === (n = coeffToString(r.c)).slice(0, s)) {
                if (r.e < e) --s;
                n = n.slice(s - 3, s + 1);
                if (n == "9999" || !rep && n == "4999") {
                  if (!rep) {
                    round(t, t.e + DECIMAL_PLACES + 2, 0);
                    if (t.times(t).eq(x)) {
                      r = t;
                      break;
                    }
                  }
                  dp += 4;
                  s += 4;
                  rep = 1;
                } else {
                  if (!+n || !+n.slice(1) && n.charAt(0) == "5") {
                    round(r, r.e + DECIMAL_PLACES + 2, 1);
                    m = !r.times(r).eq(x);
                  }
                  break;
                }
              }
            }
          }
          return round(r, r.e + DECIMAL_PLACES + 1, ROUNDING_MODE, m);
        };
        P.toExponential = function(dp, rm) {
          if (dp != null) {
            intCheck(dp, 0, MAX);
            dp++;
          }
          return format(this, dp, rm, 1);
        };
        P.toFixed = function(dp, rm) {
          if (dp != null) {
            intCheck(dp, 0, MAX);
            dp = dp + this.e + 1;
          }
          return format(this, dp, rm);
        };
        P.toFormat = function(dp, rm, format2) {
          var str, x = this;
          if (format2 == null) {
            if (dp != null && rm && typeof rm == "object") {
              format2 = rm;
              rm = null;
            } else if (dp && typeof dp == "object") {
              format2 = dp;
              dp = rm = null;
            } else {
              format2 = FORMAT;
            }
          } else if (typeof format2 != "object") {
            throw Error(bignumberError + "Argument not an object: " + format2);
          }
          str = x.toFixed(dp, rm);
          if (x.c) {
            var i, arr = str.split("."), g1 = +format2.groupSize, g2 = +format2.secondaryGroupSize, groupSeparator = format2.groupSeparator || "", intPart = arr[0], fractionPart = arr[1], isNeg = x.s < 0, intDigits = isNeg ? intPart.slice(1) : intPart, len = intDigits.length;
            if (g2) {
              i = g1;
              g1 = g2;
              g2 = i;
              len -= i;
            }
            if (g1 > 0 && len > 0) {
              i = len % g1 || g1;
              intPart = intDigits.substr(0, i);
              for (; i < len; i += g1) intPart += groupSeparator + intDigits.substr(i, g1);
              if (g2 > 0) intPart += groupSeparator + intDigits.slice(i);
              if (isNeg) intPart = "-" + intPart;
            }
            str = fractionPart ? intPart + (format2.decimalSeparator || "") + ((g2 = +format2.fractionGroupSize) ? fractionPart.replace(
              new RegExp("\\d{" + g2 + "}\\B", "g"),
              "$&" + (format2.fractionGroupSeparator || "")
            ) : fractionPart) : intPart;
          }
          return (format2.prefix || "") + str + (format2.suffix || "");
        };
        P.toFraction = function(md) {
          var d, d0, d1, d2, e, exp, n, n0, n1, q, r, s, x = this, xc = x.c;
          if (md != null) {
            n = new BigNumber2(md);
            if (!n.isInteger() && (n.c || n.s !== 1) || n.lt(ONE)) {
              throw Error(bignumberError + "Argument " + (n.isInteger() ? "out of range: " : "not an integer: ") + valueOf(n));
            }
          }
          if (!xc) return new BigNumber2(x);
          d = new BigNumber2(ONE);
          n1 = d0 = new BigNumber2(ONE);
          d1 = n0 = new BigNumber2(ONE);
          s = coeffToString(xc);
          e = d.e = s.length - x.e - 1;
          d.c[0] = POWS_TEN[(exp = e % LOG_BASE) < 0 ? LOG_BASE + exp : exp];
          md = !md || n.comparedTo(d) > 0 ? e > 0 ? d : n1 : n;
          exp = MAX_EXP;
          MAX_EXP = 1 / 0;
          n = new BigNumber2(s);
          n0.c[0] = 0;
          for (; ; ) {
            q = div(n, d, 0, 1);
            d2 = d0.plus(q.times(d1));
            if (d2.comparedTo(md) == 1) break;
            d0 = d1;
            d1 = d2;
            n1 = n0.plus(q.times(d2 = n1));
            n0 = d2;
            d = n.minus(q.times(d2 = d));
            n = d2;
          }
          d2 = div(md.minus(d0), d1, 0, 1);
          n0 = n0.plus(d2.times(n1));
          d0 = d0.plus(d2.times(d1));
          n0.s = n1.s = x.s;
          e = e * 2;
          r = div(n1, d1, e, ROUNDING_MODE).minus(x).abs().comparedTo(
            div(n0, d0, e, ROUNDING_MODE).minus(x).abs()
          ) < 1 ? [n1, d1] : [n0, d0];
          MAX_EXP = exp;
          return r;
        };
        P.toNumber = function() {
          return +valueOf(this);
        };
        P.toPrecision = function(sd, rm) {
          if (sd != null) intCheck(sd, 1, MAX);
          return format(this, sd, rm, 2);
        };
        P.toString = function(b) {
          var str, n = this, s = n.s, e = n.e;
          if (e === null) {
            if (s) {
              str = "Infinity";
              if (s < 0) str = "-" + str;
            } else {
              str = "NaN";
            }
          } else {
            if (b == null) {
              str = e <= TO_EXP_NEG || e >= TO_EXP_POS ? toExponential(coeffToString(n.c), e) : toFixedPoint(coeffToString(n.c), e, "0");
            } else if (b === 10 && alphabetHasNormalDecimalDigits) {
              n = round(new BigNumber2(n), DECIMAL_PLACES + e + 1, ROUNDING_MODE);
              str = toFixedPoint(coeffToString(n.c), n.e, "0");
            } else {
              intCheck(b, 2, ALPHABET.length, "Base");
              str = convertBase(toFixedPoint(coeffToString(n.c), e, "0"), 10, b, s, true);
            }
            if (s < 0 && n.c[0]) str = "-" + str;
          }
          return str;
        };
        P.valueOf = P.toJSON = function() {
          return valueOf(this);
        };
        P._isBigNumber = true;
        if (configObject != null) BigNumber2.set(configObject);
        return BigNumber2;
      }
      function bitFloor(n) {
        var i = n | 0;
        return n > 0 || n === i ? i : i - 1;
      }
      function coeffToString(a) {
        var s, z, i = 1, j = a.length, r = a[0] + "";
        for (; i < j; ) {
          s = a[i++] + "";
          z = LOG_BASE - s.length;
          for (; z--; s = "0" + s) ;
          r += s;
        }
        for (j = r.length; r.charCodeAt(--j) === 48; ) ;
        return r.slice(0, j + 1 || 1);
      }
      function compare(x, y) {
        var a, b, xc = x.c, yc = y.c, i = x.s, j = y.s, k = x.e, l = y.e;
        if (!i || !j) return null;
        a = xc && !xc[0];
        b = yc && !yc[0];
        if (a || b) return a ? b ? 0 : -j : i;
        if (i != j) return i;
        a = i < 0;
        b = k == l;
        if (!xc || !yc) return b ? 0 : !xc ^ a ? 1 : -1;
        if (!b) return k > l ^ a ? 1 : -1;
        j = (k = xc.length) < (l = yc.length) ? k : l;
        for (i = 0; i < j; i++) if (xc[i] != yc[i]) return xc[i] > yc[i] ^ a ? 1 : -1;
        return k == l ? 0 : k > l ^ a ? 1 : -1;
      }
      function intCheck(n, min, max, name) {
        if (n < min || n > max || n !== mathfloor(n)) {
          throw Error(bignumberError + (name || "Argument") + (typeof n == "number" ? n < min || n > max ? " out of range: " : " not an integer: " : " not a primitive number: ") + String(n));
        }
      }
      function isOdd(n) {
        var k = n.c.length - 1;
        return bitFloor(n.e / LOG_BASE) == k && n.c[k] % 2 != 0;
      }
      function toExponential(str, e) {
        return (str.length > 1 ? str.charAt(0) + "." + str.slice(1) : str) + (e < 0 ? "e" : "e+") + e;
      }
      function toFixedPoint(str, e, z) {
        var len, zs;
        if (e < 0) {
          for (zs = z + "."; ++e; zs += z) ;
          str = zs + str;
        } else {
          len = str.length;
          if (++e > len) {
            for (zs = z, e -= len; --e; zs += z) ;
            str += zs;
          } else if (e < len) {
            str = str.slice(0, e) + "." + str.slice(e);
          }
        }
        return str;
      }
      BigNumber = clone();
      BigNumber["default"] = BigNumber.BigNumber = BigNumber;
      if (typeof define == "function" && define.amd) {
        define(function() {
          return BigNumber;
        });
      } else if (typeof module != "undefined" && module.exports) {
        module.exports = BigNumber;
      } else {
        if (!globalObject) {
          globalObject = typeof self != "undefined" && self ? self : window;
        }
        globalObject.BigNumber = BigNumber;
      }
    })(exports);
  }
});

// node_modules/etcd3/lib/election.js
var require_election = __commonJS({
  "node_modules/etcd3/lib/election.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Election = exports.Campaign = exports.ElectionObserver = void 0;
    var bignumber_js_1 = require_bignumber();
    var events_1 = __require("events");
    var errors_1 = require_errors();
    var util_1 = require_util();
    var UnsetCurrent = /* @__PURE__ */ Symbol("unset");
    var ElectionObserver = class extends events_1.EventEmitter {
      /**
       * Gets whether the election has any leader.
       */
      get hasLeader() {
        return !!this.current;
      }
      constructor(namespace) {
        super();
        this.namespace = namespace;
        this.running = true;
        this.current = UnsetCurrent;
        this.runLoop = this.loop().catch((err) => {
          this.emit("error", err);
        });
      }
      /**
       * Implements EventEmitter.on(...).
       */
      on(event, handler) {
        return super.on(event, handler);
      }
      /**
       * Closes the election observer.
       */
      async cancel() {
        var _a;
        this.running = false;
        (_a = this.disposer) === null || _a === void 0 ? void 0 : _a.call(this);
        await this.runLoop;
      }
      leader(encoding = "utf-8") {
        const leader = this.current;
        if (!leader || leader === UnsetCurrent) {
          return void 0;
        }
        return encoding === "buffer" ? leader.value : leader.value.toString(encoding);
      }
      setLeader(kv) {
        const prev = this.current;
        this.current = kv;
        if (prev === UnsetCurrent) {
          this.emit("change", void 0);
        } else if (kv === void 0) {
          if (prev !== void 0) {
            this.emit("change", void 0);
          }
        } else if (!prev || !kv.value.equals(prev.value)) {
          this.emit("change", kv.value.toString());
        }
      }
      async loop() {
        while (this.running) {
          const allKeys = await this.namespace.getAll().sort("Create", "Ascend").limit(1).exec();
          let leader = allKeys.kvs[0];
          let revision = allKeys.header.revision;
          if (!this.running) {
            return;
          }
          if (!leader) {
            this.setLeader(void 0);
            const watcher2 = this.namespace.watch().startRevision(allKeys.header.revision).prefix("").only("put").watcher();
            await new Promise((resolve, reject) => {
              watcher2.on("data", (data) => {
                let done = false;
                for (const event of data.events) {
                  if (event.type === "Put") {
                    leader = event.kv;
                    revision = event.kv.mod_revision;
                    done = true;
                  }
                }
                if (done) {
                  resolve();
                }
              });
              watcher2.on("error", reject);
              this.disposer = resolve;
            }).finally(() => watcher2.cancel());
            if (!this.running) {
              return;
            }
          }
          if (!leader) {
            throw new errors_1.ClientRuntimeError("unreachable lack of election leader");
          }
          this.setLeader(leader);
          const watcher = this.namespace.watch().startRevision(new bignumber_js_1.default(revision).plus(1).toString()).key(leader.key).watcher();
          await new Promise((resolve, reject) => {
            watcher.on("put", (kv) => this.setLeader(kv));
            watcher.on("delete", () => resolve());
            watcher.on("error", reject);
            this.disposer = () => {
              resolve();
              return watcher.cancel();
            };
          }).finally(() => watcher.cancel());
        }
      }
    };
    exports.ElectionObserver = ElectionObserver;
    var ResignedCampaign = /* @__PURE__ */ Symbol("ResignedCampaign");
    var Campaign = class extends events_1.EventEmitter {
      constructor(namespace, value, ttl) {
        super();
        this.namespace = namespace;
        this.value = (0, util_1.toBuffer)(value);
        this.lease = this.namespace.lease(ttl);
        this.lease.on("lost", (err) => this.emit("error", err));
        this.start().catch((error) => {
          var _a;
          this.resign().catch(() => void 0);
          (_a = this.pendingProclaimation) === null || _a === void 0 ? void 0 : _a.reject(error);
          this.emit("error", error);
        });
      }
      /**
       * Implements EventEmitter.on(...).
       */
      on(event, handler) {
        return super.on(event, handler);
      }
      /**
       * Helper function that returns a promise when the node becomes the leader.
       * If `resign()` is called before this happens, the promise never resolves.
       * If an error is emitted, the promise is rejected.
       */
      wait() {
        return new Promise((resolve, reject) => {
          this.on("elected", () => resolve(this));
          this.on("error", reject);
        });
      }
      /**
       * Updates the value announced by this candidate (without starting a new
       * election). If this candidate is currently the leader, then the change
       * will be seen on other consumers as well.
       *
       * @throws NotCampaigningError if the instance is no longer campaigning
       */
      async proclaim(value) {
        if (this.keyRevision === ResignedCampaign) {
          throw new errors_1.NotCampaigningError();
        }
        const buf = (0, util_1.toBuffer)(value);
        if (buf.equals(this.value)) {
          return Promise.resolve();
        }
        return this.proclaimInner(buf, this.keyRevision);
      }
      /**
       * Gets the etcd key in which the proclaimed value is stored. This is derived
       * from the underlying lease, and thus may throw if the lease was not granted
       * successfully.
       */
      async getCampaignKey() {
        const leaseId = await this.lease.grant();
        return this.namespace.prefix.toString() + leaseId;
      }
      /**
       * Resigns from the campaign. A new leader is elected if this instance was
       * formerly the leader.
       */
      async resign() {
        if (this.keyRevision !== ResignedCampaign) {
          this.keyRevision = ResignedCampaign;
          await this.lease.revoke();
        }
      }
      async start() {
        var _a;
        const leaseId = await this.lease.grant();
        const originalValue = this.value;
        const result = await this.namespace.if(leaseId, "Create", "==", 0).then(this.namespace.put(leaseId).value(originalValue).lease(leaseId)).else(this.namespace.get(leaseId)).commit();
        if (this.keyRevision === ResignedCampaign) {
          return;
        }
        this.keyRevision = result.header.revision;
        if (result.succeeded) {
          if (this.pendingProclaimation) {
            await this.proclaimInner(this.value, this.keyRevision);
            this.pendingProclaimation.resolve();
          }
        } else {
          const kv = result.responses[0].response_range.kvs[0];
          this.keyRevision = kv.create_revision;
          if (!kv.value.equals(this.value)) {
            await this.proclaimInner(this.value, this.keyRevision);
            (_a = this.pendingProclaimation) === null || _a === void 0 ? void 0 : _a.resolve();
          }
        }
        await this.waitForElected(result.header.revision);
        this.emit("elected");
      }
      async proclaimInner(buf, keyRevision) {
        var _a;
        if (!keyRevision) {
          this.pendingProclaimation = (_a = this.pendingProclaimation) !== null && _a !== void 0 ? _a : (0, util_1.getDeferred)();
          this.value = buf;
          return this.pendingProclaimation.promise;
        }
        const leaseId = await this.lease.grant();
        const r = await this.namespace.if(leaseId, "Create", "==", keyRevision).then(this.namespace.put(leaseId).value(buf).lease(leaseId)).commit();
        this.value = buf;
        if (!r.succeeded) {
          this.resign().catch(() => void 0);
          throw new errors_1.NotCampaigningError();
        }
      }
      async waitForElected(revision) {
        while (this.keyRevision !== ResignedCampaign) {
          const lastRevision = new bignumber_js_1.default(revision).minus(1).toString();
          const result = await this.namespace.getAll().maxCreateRevision(lastRevision).sort("Create", "Descend").limit(1).exec();
          if (result.kvs.length === 0) {
            return;
          }
          this.emit("_isWaiting");
          await waitForDeletes(this.namespace, result.kvs.map((k) => k.key));
        }
      }
    };
    exports.Campaign = Campaign;
    var Election = class _Election {
      /**
       * @internal
       */
      constructor(parent, name, ttl = 60) {
        this.name = name;
        this.ttl = ttl;
        this.namespace = parent.namespace(`${_Election.prefix}/${this.name}/`);
      }
      /**
       * Puts the value as eligible for election. Multiple sessions can participate
       * in the election, but only one can be the leader at a time.
       *
       * A common pattern in cluster-based applications is to campaign the hostname
       * or IP of the current server, and allow the leader server to be elected
       * among them.
       *
       * You should listen to the `error` and `elected` events on the returned
       * object to know when the instance becomes the leader, and when its campaign
       * fails. Once you're finished, you can use {@link Campaign.resign} to
       * forfeit its bid at leadership.
       *
       * Once acquired, instance will not lose its leadership unless `resign()`
       * is called, or `error` is emitted.
       */
      campaign(value) {
        return new Campaign(this.namespace, value, this.ttl);
      }
      async leader(encoding = "utf-8") {
        const result = await this.namespace.getAll().sort("Create", "Ascend").limit(1).exec();
        const leader = result.kvs[0];
        if (leader === void 0) {
          return void 0;
        }
        return encoding === "buffer" ? leader.value : leader.value.toString();
      }
      /**
       * Creates an observer for the election, which emits events when results
       * change. The observer must be closed using `observer.cancel()` when
       * you're finished with it.
       */
      async observe() {
        const observer = new ElectionObserver(this.namespace);
        return new Promise((resolve, reject) => {
          observer.once("change", () => resolve(observer));
          observer.once("error", reject);
        });
      }
    };
    exports.Election = Election;
    Election.prefix = "election";
    async function waitForDelete(namespace, key, rev) {
      const watcher = await namespace.watch().key(key).startRevision(rev).only("delete").create();
      const deleteOrError = new Promise((resolve, reject) => {
        watcher.once("delete", resolve);
        watcher.once("error", reject);
      });
      try {
        await deleteOrError;
      } finally {
        await watcher.cancel();
      }
    }
    async function waitForDeletes(namespace, keys) {
      for (const key of keys) {
        const res = await namespace.get(key).exec();
        if (res.kvs.length) {
          await waitForDelete(namespace, key, res.header.revision);
        }
      }
    }
  }
});

// node_modules/etcd3/lib/lease.js
var require_lease = __commonJS({
  "node_modules/etcd3/lib/lease.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Lease = exports.LeaseState = void 0;
    var events_1 = __require("events");
    var builder_1 = require_builder();
    var errors_1 = require_errors();
    var RPC = require_rpc();
    var util_1 = require_util();
    function throwIfError(value) {
      if (value instanceof Error) {
        throw value;
      }
      return value;
    }
    function leaseExpired(lease) {
      return lease.TTL === "0";
    }
    var LeaseClientWrapper = class {
      constructor(pool, lease) {
        this.pool = pool;
        this.lease = lease;
        this.callOptionsFactory = this.pool.callOptionsFactory;
      }
      exec(service, method, payload) {
        return this.pool.exec(service, method, payload).catch((err) => {
          if (err instanceof errors_1.EtcdLeaseInvalidError) {
            this.lease.emitLoss(err);
          }
          throw err;
        });
      }
      markFailed(host, error) {
        this.pool.markFailed(host, error);
      }
      withConnection() {
        throw new Error("not supported");
      }
    };
    var LeaseState;
    (function(LeaseState2) {
      LeaseState2[LeaseState2["Pending"] = 0] = "Pending";
      LeaseState2[LeaseState2["Alive"] = 1] = "Alive";
      LeaseState2[LeaseState2["Revoked"] = 2] = "Revoked";
    })(LeaseState || (exports.LeaseState = LeaseState = {}));
    var Lease = class extends events_1.EventEmitter {
      get state() {
        return this.innerState;
      }
      constructor(pool, namespace, ttl, options = {}) {
        super();
        this.pool = pool;
        this.namespace = namespace;
        this.ttl = ttl;
        this.innerState = LeaseState.Pending;
        this.client = new RPC.LeaseClient(this.pool);
        this.teardown = () => {
        };
        const { autoKeepAlive, deadline, ...rest } = options;
        this.defaultOptions = rest;
        if (!ttl || ttl < 1) {
          throw new RangeError(`The TTL in an etcd lease must be at least 1 second. Got: ${ttl}`);
        }
        this.leaseID = this.client.leaseGrant({ TTL: ttl }, options).then((res) => {
          if (this.innerState === LeaseState.Revoked) {
            return res.ID;
          }
          this.innerState = LeaseState.Alive;
          this.lastKeepAlive = Date.now();
          if (autoKeepAlive !== false) {
            this.keepalive();
          }
          return res.ID;
        }).catch((err) => {
          this.emitLoss(err);
          return err;
        });
      }
      /**
       * Grant waits for the lease to be granted. You generally don't need to
       * call this, as any operations with `.put` will queue automatically.
       *
       * Calling this multiple times is safe; it won't try to request multipl leases.
       *
       * It rejects if the lease cannot be granted, in additon to the `lost`
       * event firing.
       */
      grant() {
        return this.leaseID.then(throwIfError);
      }
      /**
       * Revoke frees the lease from etcd. Keys that the lease owns will be
       * evicted.
       */
      async revoke(options = this.defaultOptions) {
        this.close();
        const id = await this.leaseID;
        if (id instanceof Error) {
          return;
        }
        try {
          await this.client.leaseRevoke({ ID: id }, options);
        } catch (e) {
          if (!(e instanceof errors_1.EtcdLeaseInvalidError)) {
            throw e;
          }
        }
      }
      /**
       * releasePassively stops making heartbeats for the lease, and allows it
       * to expire automatically when its TTL rolls around. Use `revoke()` to
       * actively tell etcd to terminate the lease.
       */
      release() {
        this.close();
      }
      /**
       * Put returns a put builder that operates within the current lease.
       */
      put(key) {
        return new builder_1.PutBuilder(new RPC.KVClient(new LeaseClientWrapper(this.pool, this)), this.namespace, key).lease(this.grant());
      }
      /**
       * keepaliveOnce fires an immediate keepalive for the lease.
       */
      keepaliveOnce(options = this.defaultOptions) {
        return Promise.all([this.client.leaseKeepAlive(options), this.grant()]).then(([stream, id]) => {
          return new Promise((resolve, reject) => {
            stream.on("data", resolve);
            stream.on("error", (err) => reject((0, errors_1.castGrpcError)(err)));
            stream.write({ ID: id });
          }).then((res) => {
            stream.end();
            if (leaseExpired(res)) {
              const err = new errors_1.EtcdLeaseInvalidError(res.ID);
              this.emitLoss(err);
              throw err;
            }
            this.lastKeepAlive = Date.now();
            return res;
          });
        });
      }
      /**
       * Returns whether etcd has told us that this lease revoked.
       */
      revoked() {
        return this.innerState === LeaseState.Revoked;
      }
      /**
       * Implements EventEmitter.on(...).
       */
      on(event, handler) {
        return super.on(event, handler);
      }
      /**
       * Tears down resources associated with the lease.
       */
      close() {
        this.innerState = LeaseState.Revoked;
        this.teardown();
      }
      /**
       * Emits the error as having caused this lease to die, and tears
       * down the lease.
       */
      emitLoss(err) {
        this.close();
        this.emit("lost", err);
      }
      /**
       * keepalive starts a loop keeping the lease alive.
       */
      keepalive() {
        if (Date.now() - this.lastKeepAlive > 2 * 1e3 * this.ttl) {
          this.close();
          this.emit("lost", new errors_1.EtcdLeaseInvalidError("We lost connection to etcd and our lease has expired."));
          return;
        }
        this.client.leaseKeepAlive().then((stream) => {
          if (this.innerState === LeaseState.Revoked) {
            return stream.end();
          }
          const keepAliveInterval = 1e3 * this.ttl / 3;
          const keepaliveTimer = setInterval(() => this.fireKeepAlive(stream), keepAliveInterval);
          const keepAliveTimeout = (0, util_1.debounce)(1e3 * this.ttl, () => this.handleKeepaliveError(new errors_1.GRPCCancelledError("GRPC watch stream has timed out.")));
          this.teardown = () => {
            this.teardown = () => void 0;
            keepAliveTimeout.cancel();
            clearInterval(keepaliveTimer);
            stream.end();
          };
          keepAliveTimeout();
          stream.on("error", (err) => this.handleKeepaliveError(err)).on("data", (res) => {
            if (leaseExpired(res)) {
              return this.handleKeepaliveError(new errors_1.EtcdLeaseInvalidError(res.ID));
            }
            this.lastKeepAlive = Date.now();
            keepAliveTimeout();
            this.emit("keepaliveSucceeded", res);
          });
          this.emit("keepaliveEstablished");
          return this.fireKeepAlive(stream);
        }).catch((err) => this.handleKeepaliveError(err));
      }
      fireKeepAlive(stream) {
        this.emit("keepaliveFired");
        return this.grant().then((id) => stream.write({ ID: id })).catch(() => this.close());
      }
      handleKeepaliveError(err) {
        if (this.innerState === LeaseState.Revoked) {
          return;
        }
        this.emit("keepaliveFailed", (0, errors_1.castGrpcError)(err));
        this.teardown();
        if (err instanceof errors_1.EtcdLeaseInvalidError) {
          this.emitLoss(err);
        } else {
          setTimeout(() => this.keepalive(), 100);
        }
      }
    };
    exports.Lease = Lease;
  }
});

// node_modules/etcd3/lib/lock.js
var require_lock = __commonJS({
  "node_modules/etcd3/lib/lock.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Lock = void 0;
    var builder_1 = require_builder();
    var errors_1 = require_errors();
    var lease_1 = require_lease();
    var RPC = require_rpc();
    var Lock = class {
      constructor(pool, namespace, key) {
        this.pool = pool;
        this.namespace = namespace;
        this.key = key;
        this.leaseTTL = 30;
      }
      /**
       * Sets the TTL of the lease underlying the lock. The lease TTL defaults
       * to 30 seconds.
       */
      ttl(seconds) {
        if (this.lease) {
          throw new Error("Cannot set a lock TTL after acquiring the lock");
        }
        this.leaseTTL = seconds;
        return this;
      }
      /**
       * Sets the GRPC call options for this request.
       */
      options(options) {
        this.callOptions = options;
        return this;
      }
      /**
       * Acquire attempts to acquire the lock, rejecting if it's unable to.
       */
      acquire() {
        const lease = this.lease = new lease_1.Lease(this.pool, this.namespace, this.leaseTTL);
        const kv = new RPC.KVClient(this.pool);
        return lease.grant().then((leaseID) => {
          return new builder_1.ComparatorBuilder(kv, this.namespace).and(this.key, "Create", "==", 0).then(new builder_1.PutBuilder(kv, this.namespace, this.key).value("").lease(leaseID)).options(this.callOptions).commit().then((res) => {
            if (res.succeeded) {
              return this;
            }
            return this.release().catch(() => void 0).then(() => {
              throw new errors_1.EtcdLockFailedError(`Failed to acquire a lock on ${this.key}`);
            });
          });
        });
      }
      /**
       * Returns the lease associated with this lock, if any. Returns null if
       * the lock has not been acquired.
       */
      leaseId() {
        return this.lease ? this.lease.grant() : Promise.resolve(null);
      }
      /**
       * Release frees the lock.
       */
      release() {
        if (!this.lease) {
          throw new Error("Attempted to release a lock which was not acquired");
        }
        return this.lease.revoke(this.callOptions);
      }
      /**
       * `do()` wraps the inner function. It acquires the lock before running
       * the function, and releases the lock after any promise the function
       * returns resolves or throws.
       */
      do(fn) {
        return this.acquire().then(fn).then((value) => this.release().then(() => value)).catch((err) => this.release().then(() => {
          throw err;
        }));
      }
    };
    exports.Lock = Lock;
  }
});

// node_modules/etcd3/lib/stm.js
var require_stm = __commonJS({
  "node_modules/etcd3/lib/stm.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SoftwareTransaction = void 0;
    var bignumber_js_1 = require_bignumber();
    var Builder = require_builder();
    var errors_1 = require_errors();
    var range_1 = require_range();
    var util_1 = require_util();
    function keyValueToResponse(key, value) {
      key = (0, util_1.toBuffer)(key);
      if (!value) {
        return { kvs: [], more: false, count: "0" };
      }
      return {
        kvs: [
          {
            key: Buffer.from(key),
            value
          }
        ],
        more: false,
        count: "1"
      };
    }
    var ReadSet = class {
      constructor() {
        this.reads = /* @__PURE__ */ Object.create(null);
        this.completedReads = [];
        this.earliestMod = new bignumber_js_1.default(Infinity);
      }
      /**
       * Returns the earliest modified revision of any key in this change set.
       */
      earliestModRevision() {
        return this.earliestMod;
      }
      /**
       * Add checks to the comparator to make sure that the mod revision of all
       * keys read during the transaction are the same.
       */
      addCurrentChecks(cmp) {
        this.completedReads.forEach(({ key, res }) => {
          if (res.kvs.length) {
            cmp.and(key, "Mod", "==", res.kvs[0].mod_revision);
          } else {
            cmp.and(key, "Mod", "==", 0);
          }
        });
      }
      /**
       * runRequest sets read options and executes the outgoing request.
       */
      runRequest(kv, req) {
        const key = req.key.toString();
        const previous = this.reads[key];
        if (previous) {
          return previous;
        }
        const promise = kv.range(req).then((res) => {
          this.completedReads.push({ key: req.key, res });
          if (res.kvs.length > 0) {
            this.earliestMod = bignumber_js_1.default.min(new bignumber_js_1.default(res.kvs[0].mod_revision), this.earliestMod);
          }
          return res;
        });
        this.reads[key] = promise;
        return promise;
      }
    };
    var WriteSet = class {
      constructor() {
        this.ops = [];
      }
      /**
       * Add checks to make sure that none of the write tagets have changed since
       * the given revision.
       */
      addNotChangedChecks(cmp, sinceBeforeMod) {
        if (sinceBeforeMod === "Infinity") {
          return;
        }
        this.ops.forEach((op) => {
          switch (op.op) {
            case 0:
              cmp.and(op.req.key, "Mod", "<", sinceBeforeMod);
              break;
            case 1:
              cmp.and(op.key, "Mod", "<", sinceBeforeMod);
              break;
            case 2:
              throw new Error(`You cannot delete ranges in the SerializableSnapshot isolation level`);
            default:
              throw new errors_1.ClientRuntimeError(`Unexpected write op ${JSON.stringify(op)}`);
          }
        });
      }
      /**
       * Adds the changed keys as consequents of the builder.
       */
      addChanges(cmp) {
        const clauses = [];
        this.ops.forEach((op) => {
          switch (op.op) {
            case 0:
              clauses.push({ request_put: op.req });
              break;
            case 1:
              clauses.push({ request_delete_range: op.req });
              break;
            case 2:
              clauses.push({ request_delete_range: op.req });
              break;
            default:
              throw new errors_1.ClientRuntimeError(`Unexpected write op ${JSON.stringify(op)}`);
          }
        });
        cmp.then(...clauses);
      }
      /**
       * findExistingWrite returns an existing write (put or delete) against the key.
       * Returns null if no operations against it were recorded.
       */
      findExistingWrite(key) {
        for (let i = this.ops.length - 1; i >= 0; i--) {
          const op = this.ops[i];
          switch (op.op) {
            case 0:
              if (op.req.key.equals(key)) {
                return keyValueToResponse(key, op.req.value);
              }
              break;
            case 1:
              if (op.key.equals(key)) {
                return keyValueToResponse(key);
              }
              break;
            case 2:
              if (op.range.includes(key)) {
                return keyValueToResponse(key);
              }
              break;
            default:
              throw new errors_1.ClientRuntimeError(`Unexpected write op ${JSON.stringify(op)}`);
          }
        }
        return null;
      }
      /**
       * Inserts a put operation into the set.
       */
      addPut(put) {
        this.purgeExistingOperationOn(put.key);
        this.ops.push({ op: 0, req: put });
      }
      /**
       * Inserts a delete operation.
       */
      addDeletion(req) {
        if (req.range_end) {
          this.ops.push({ req, op: 2, range: new range_1.Range(req.key, req.range_end) });
        } else {
          this.purgeExistingOperationOn(req.key);
          this.ops.push({ req, op: 1, key: req.key });
        }
      }
      purgeExistingOperationOn(key) {
        for (let i = 0; i < this.ops.length; i++) {
          const { op, req } = this.ops[i];
          if (op === 0 || op === 1) {
            if (req.key.equals(key)) {
              this.ops.splice(i, 1);
              break;
            }
          }
        }
      }
    };
    var BasicTransaction = class {
      constructor(options) {
        this.options = options;
        this.writeSet = new WriteSet();
        this.readSet = new ReadSet();
      }
      /**
       * Gets the range in a transaction-y way!
       */
      range(kv, req) {
        this.assertReadInvariants(req);
        const existingWrite = this.writeSet.findExistingWrite(req.key);
        if (existingWrite !== null) {
          return Promise.resolve(existingWrite);
        }
        req.serializable = true;
        return this.readSet.runRequest(kv, req);
      }
      /**
       * Schedules the put request in the writeSet.
       */
      put(req) {
        this.assertNoOption("put", req, ["lease", "prev_kv"]);
        this.writeSet.addPut(req);
        return Promise.resolve({});
      }
      /**
       * Schedules the put request in the writeSet.
       */
      deleteRange(req) {
        this.assertNoOption("delete", req, ["prev_kv"]);
        this.writeSet.addDeletion(req);
        return Promise.resolve({
          header: void 0,
          deleted: "1",
          prev_kvs: []
        });
      }
      assertReadInvariants(range) {
        this.assertNoOption("read", range, [
          "revision",
          "range_end",
          "min_mod_revision",
          "max_mod_revision",
          "min_create_revision",
          "max_create_revision"
        ]);
      }
      assertNoOption(req, obj, keys) {
        keys.forEach((key) => {
          if (obj[key] !== void 0) {
            throw new Error(`"${String(key)}" is not supported in ${req} requests within STM transactions`);
          }
        });
      }
    };
    var SerializableTransaction = class extends BasicTransaction {
      constructor(options, kv) {
        super(options);
        options.prefetch.forEach((key) => {
          this.range(kv, { key: (0, util_1.toBuffer)(key) }).catch(() => void 0);
        });
      }
      /**
       * @override
       */
      range(kv, req) {
        this.assertReadInvariants(req);
        const existingWrite = this.writeSet.findExistingWrite(req.key);
        if (existingWrite !== null) {
          return Promise.resolve(existingWrite);
        }
        if (!this.firstRead) {
          return this.firstRead = this.readSet.runRequest(kv, req);
        }
        return this.firstRead.then((res) => {
          req.serializable = true;
          req.revision = res.header.revision;
          return this.readSet.runRequest(kv, req);
        });
      }
    };
    var SoftwareTransaction = class {
      constructor(options, namespace, rawKV) {
        this.options = options;
        this.namespace = namespace;
        this.rawKV = rawKV;
        this.kv = new Proxy(rawKV, {
          get: (target, key) => {
            switch (key) {
              case "range":
                return (req) => this.tx.range(target, req);
              case "put":
                return (req) => this.tx.put(req);
              case "deleteRange":
                return (req) => this.tx.deleteRange(req);
              default:
                throw new errors_1.ClientRuntimeError(`Unexpected kv operation in STM: ${key.toString()}`);
            }
          }
        });
      }
      /**
       * transact runs the function with the current configuration. It will be
       * retried until the transaction succeeds, or until the maximum number of
       * retries has been exceeded.
       */
      transact(fn) {
        return this.transactInner(this.options.retries, fn);
      }
      /**
       * `.get()` starts a query to look up a single key from etcd.
       */
      get(key) {
        return new Builder.SingleRangeBuilder(this.kv, this.namespace, key);
      }
      /**
       * `.put()` starts making a put request against etcd.
       */
      put(key) {
        return new Builder.PutBuilder(this.kv, this.namespace, key);
      }
      /**
       * `.delete()` starts making a delete request against etcd.
       */
      delete() {
        return new Builder.DeleteBuilder(this.kv, this.namespace);
      }
      transactInner(retries, fn) {
        this.tx = this.options.isolation === 1 || this.options.isolation === 0 ? new SerializableTransaction(this.options, this.rawKV) : new BasicTransaction(this.options);
        return Promise.resolve(fn(this)).then((value) => {
          return this.commit().then(() => value).catch((err) => {
            if (retries === 0 || !(err instanceof errors_1.STMConflictError)) {
              throw err;
            }
            return this.transactInner(retries - 1, fn);
          });
        });
      }
      commit() {
        const cmp = new Builder.ComparatorBuilder(this.rawKV, util_1.NSApplicator.default);
        switch (this.options.isolation) {
          case 0:
            const earliestMod = this.tx.readSet.earliestModRevision().plus(1).toString();
            this.tx.writeSet.addNotChangedChecks(cmp, earliestMod);
            this.tx.readSet.addCurrentChecks(cmp);
            break;
          case 1:
            this.tx.readSet.addCurrentChecks(cmp);
            break;
          case 2:
            this.tx.readSet.addCurrentChecks(cmp);
            break;
          case 3:
            break;
          // none
          default:
            throw new Error(`Unknown isolation level "${this.options.isolation}"`);
        }
        this.tx.writeSet.addChanges(cmp);
        return cmp.options(this.options.callOptions).commit().then((result) => {
          if (!result.succeeded) {
            throw new errors_1.STMConflictError();
          }
        });
      }
    };
    exports.SoftwareTransaction = SoftwareTransaction;
  }
});

// node_modules/etcd3/lib/watch.js
var require_watch = __commonJS({
  "node_modules/etcd3/lib/watch.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Watcher = exports.WatchBuilder = exports.operationNames = exports.WatchManager = void 0;
    var bignumber_js_1 = require_bignumber();
    var events_1 = __require("events");
    var errors_1 = require_errors();
    var range_1 = require_range();
    var RPC = require_rpc();
    var util_1 = require_util();
    var AttachQueue = class {
      constructor(stream) {
        this.stream = stream;
        this.state = 0;
        this.queue = [];
      }
      /**
       * Inserts a watcher to be attached to the stream.
       */
      attach(watcher) {
        this.queue = this.queue.concat(watcher);
        if (this.state === 0) {
          this.readQueue();
        }
      }
      /**
       * Remove the watcher from any pending attach queue.
       */
      dequeue(watcher) {
        this.queue = this.queue.filter((w) => w !== watcher);
      }
      /**
       * Dispatches the "create" response to the waiting watcher and fires the
       * next one as necessary.
       */
      handleCreate(res) {
        const watcher = this.queue.shift();
        if (!watcher) {
          throw new errors_1.ClientRuntimeError("Could not find watcher corresponding to create response");
        }
        watcher.id = res.watch_id;
        watcher.emit("connected", res);
        this.readQueue();
      }
      /**
       * Halts future operations on the queue.
       */
      destroy() {
        this.setState(
          0
          /* QueueState.Idle */
        );
        this.queue = [];
      }
      /**
       * Reads the next watcher to create off the queue and attaches it.
       */
      readQueue() {
        if (this.queue.length === 0) {
          this.setState(
            0
            /* QueueState.Idle */
          );
          return;
        }
        const watcher = this.queue[0];
        this.setState(
          2
          /* QueueState.Attaching */
        );
        watcher.emit("connecting", watcher.request);
        this.stream.write({ create_request: watcher.request });
      }
      setState(state) {
        this.state = state;
      }
    };
    var WatchManager = class {
      constructor(client, initialBackoff) {
        this.client = client;
        this.initialBackoff = initialBackoff;
        this.state = 0;
        this.watchers = [];
        this.expectedClosers = /* @__PURE__ */ new Set();
        this.backoff = initialBackoff.next();
      }
      /**
       * Attach registers the watcher on the connection.
       */
      attach(watcher) {
        this.watchers.push(watcher);
        switch (this.state) {
          case 0:
            this.establishStream();
            break;
          case 1:
            break;
          case 2:
            this.queue.attach(watcher);
            break;
          default:
            throw new errors_1.ClientRuntimeError(`Unknown watcher state ${this.state}`);
        }
      }
      /**
       * Detaches a watcher from the connection.
       */
      detach(watcher) {
        if (this.state !== 2) {
          this.watchers = this.watchers.filter((w) => w !== watcher);
          return Promise.resolve();
        }
        if (watcher.id === null) {
          return (0, util_1.onceEvent)(watcher, "connected", "disconnected").then(() => this.detach(watcher));
        }
        this.expectedClosers.add(watcher);
        this.getStream().write({ cancel_request: { watch_id: watcher.id } });
        return (0, util_1.onceEvent)(watcher, "end").then(async () => {
          await (0, util_1.delay)(0);
        });
      }
      /**
       * Returns the current GRPC stream, *throwing* if we aren't in a state where
       * we can get the stream. Calls here are only valid if state == Connected
       */
      getStream() {
        if (this.state !== 2) {
          throw new errors_1.ClientRuntimeError("Cannot call getStream() if state != Connected");
        }
        if (!this.stream) {
          throw new errors_1.ClientRuntimeError("Expected the watcher stream to exist while state == Connected");
        }
        return this.stream;
      }
      /**
       * Establishes a GRPC watcher stream, if there are any active watcher.
       */
      establishStream() {
        if (this.state !== 0) {
          throw new errors_1.ClientRuntimeError("Cannot call establishStream() if state != Idle");
        }
        if (this.watchers.length === 0) {
          return;
        }
        this.expectedClosers.forEach((watcher) => {
          this.watchers = this.watchers.filter((w) => w !== watcher);
          watcher.emit("end");
        });
        this.expectedClosers.clear();
        this.state = 1;
        this.client.watch().then((stream) => {
          this.state = 2;
          this.queue = new AttachQueue(stream);
          this.stream = stream.on("data", (res) => res.created ? this.handleCreatedResponse(res) : this.handleResponse(res)).on("error", (err) => this.handleError(err)).on("end", () => this.handleError(new errors_1.EtcdWatchStreamEnded()));
          if (this.watchers.length === 0) {
            return this.destroyStream();
          }
          this.queue.attach(this.watchers);
        }).catch((err) => this.handleError(err));
      }
      /**
       * Closes the currently attached watcher stream.
       */
      destroyStream() {
        if (this.state !== 2) {
          throw new errors_1.ClientRuntimeError("Cannot call establishStream() if state != Connected");
        }
        if (this.watchers.length > 0) {
          throw new errors_1.ClientRuntimeError("Cannot call destroyStream() with active watchers");
        }
        this.getStream().cancel();
        this.queue.destroy();
      }
      /**
       * Handles an error emission on the current stream. Emits a message out to
       * all attached watchers and tries to reconnect.
       */
      handleError(err) {
        var _a;
        if (this.state === 2) {
          this.queue.destroy();
          this.getStream().cancel();
        }
        this.state = 0;
        this.watchers.forEach((watcher) => {
          watcher.emit("disconnected", err);
          watcher.id = null;
        });
        setTimeout(() => {
          if (this.state === 0) {
            this.establishStream();
          }
        }, this.backoff.duration);
        this.backoff = (_a = this.backoff.next()) !== null && _a !== void 0 ? _a : this.backoff;
      }
      /**
       * Handles a cancel update, gracefully closing the watcher if it's expected,
       * or emitting an error if it's not.
       */
      handleCancelResponse(watcher, res) {
        this.watchers = this.watchers.filter((w) => w !== watcher);
        if (this.expectedClosers.has(watcher)) {
          this.expectedClosers.delete(watcher);
          watcher.emit("end");
          return;
        }
        watcher.emit("error", (0, errors_1.castGrpcErrorMessage)(`Watcher canceled: ${res.cancel_reason}`));
      }
      /**
       * Emits a data update on the target watcher.
       */
      handleUpdateResponse(watcher, res) {
        try {
          watcher.emit("data", res);
        } catch (e) {
          setImmediate(() => {
            throw e;
          });
        }
      }
      /**
       * Handles the creation of a new watcher from etcd.
       */
      handleCreatedResponse(res) {
        this.backoff = this.initialBackoff.next();
        if (!res.canceled) {
          this.queue.handleCreate(res);
          return;
        }
        const watcher = this.watchers.find((w) => w.id === null);
        if (!watcher) {
          throw new errors_1.ClientRuntimeError("Got a watch creation error, but found no pending watchers");
        }
        this.handleCancelResponse(watcher, res);
      }
      /**
       * Dispatches some a watch response on the event stream.
       */
      handleResponse(res) {
        this.backoff = this.initialBackoff.next();
        const watcher = this.watchers.find((w) => w.id === res.watch_id);
        if (!watcher) {
          throw new errors_1.ClientRuntimeError("Failed to find watcher for IWatchResponse");
        }
        if (!res.canceled) {
          this.handleUpdateResponse(watcher, res);
          return;
        }
        this.handleCancelResponse(watcher, res);
        if (this.watchers.length === 0) {
          this.destroyStream();
        }
      }
    };
    exports.WatchManager = WatchManager;
    exports.operationNames = {
      put: RPC.FilterType.Nodelete,
      delete: RPC.FilterType.Noput
    };
    var WatchBuilder = class {
      constructor(manager, namespace) {
        this.manager = manager;
        this.namespace = namespace;
        this.request = { progress_notify: true };
      }
      /**
       * Sets a single key to be watched.
       */
      key(key) {
        this.request.key = (0, util_1.toBuffer)(key);
        return this;
      }
      /**
       * Prefix instructs the watcher to watch all keys with the given prefix.
       */
      prefix(value) {
        return this.inRange(range_1.Range.prefix(value));
      }
      /**
       * inRange instructs the builder to watch keys in the specified byte range.
       */
      inRange(r) {
        const range = range_1.Range.from(r);
        this.request.key = range.start;
        this.request.range_end = range.end;
        return this;
      }
      /**
       * @deprecated this does the opposite of what it says -- use `only` instead
       */
      ignore(...operations) {
        return this.only(...operations);
      }
      /**
       * Requests only changes for the given kinds of operations.
       */
      only(...operations) {
        this.request.filters = operations.map((op) => exports.operationNames[op]);
        return this;
      }
      /**
       * Instructs the watcher to return the previous key/value pair in updates.
       */
      withPreviousKV() {
        this.request.prev_kv = true;
        return this;
      }
      /**
       * Watch starting from a specific revision.
       */
      startRevision(revision) {
        this.request.start_revision = Number(revision);
        return this;
      }
      /**
       * watcher() creates but does not connect the watcher. Use create() instead;
       * this is mostly for testing purposes.
       * @private
       */
      watcher() {
        return new Watcher(this.manager, this.namespace, this.namespace.applyToRequest(this.request));
      }
      /**
       * Resolves the watch request into a Watcher, and fires off to etcd.
       */
      create() {
        const watcher = this.watcher();
        return Promise.race([
          (0, util_1.onceEvent)(watcher, "connected").then(() => watcher),
          (0, util_1.onceEvent)(watcher, "error").then((err) => Promise.reject(err))
        ]);
      }
    };
    exports.WatchBuilder = WatchBuilder;
    var Watcher = class extends events_1.EventEmitter {
      /**
       * @internal
       */
      constructor(manager, namespace, request) {
        super();
        this.manager = manager;
        this.namespace = namespace;
        this.request = request;
        this.id = null;
        this.manager.attach(this);
        this.on("data", (changes) => {
          changes.events.forEach((ev) => {
            ev.kv.key = this.namespace.unprefix(ev.kv.key);
            if (ev.prev_kv) {
              ev.prev_kv.key = this.namespace.unprefix(ev.prev_kv.key);
            }
            this.emit(ev.type.toLowerCase(), ev.kv, ev.prev_kv);
          });
          this.updateRevision(changes);
        });
        this.on("connected", (changes) => this.updateRevision(changes));
      }
      /**
       * Implements EventEmitter.on(...).
       */
      on(event, handler) {
        return super.on(event, handler);
      }
      /**
       * lastRevision returns the latest etcd cluster revision that this
       * watcher observed. This will be `null` if the watcher has not yet
       * connected.
       */
      lastRevision() {
        return this.request.start_revision;
      }
      /**
       * Cancels the watcher.
       */
      cancel() {
        return this.manager.detach(this);
      }
      /**
       * Updates the current revision based on the revision in the watch header.
       */
      updateRevision(req) {
        this.request.start_revision = new bignumber_js_1.default(req.header.revision).plus(1).toString();
      }
    };
    exports.Watcher = Watcher;
  }
});

// node_modules/etcd3/lib/namespace.js
var require_namespace = __commonJS({
  "node_modules/etcd3/lib/namespace.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Namespace = void 0;
    var cockatiel_1 = require_dist();
    var Builder = require_builder();
    var election_1 = require_election();
    var lease_1 = require_lease();
    var lock_1 = require_lock();
    var range_1 = require_range();
    var RPC = require_rpc();
    var stm_1 = require_stm();
    var util_1 = require_util();
    var watch_1 = require_watch();
    var Namespace = class _Namespace {
      constructor(prefix, pool, options) {
        var _a, _b;
        this.prefix = prefix;
        this.pool = pool;
        this.options = options;
        this.kv = new RPC.KVClient(this.pool);
        this.leaseClient = new RPC.LeaseClient(this.pool);
        this.watchClient = new RPC.WatchClient(this.pool);
        this.nsApplicator = new util_1.NSApplicator(this.prefix);
        this.watchManager = new watch_1.WatchManager(this.watchClient, (_b = (_a = this.options.faultHandling) === null || _a === void 0 ? void 0 : _a.watchBackoff) !== null && _b !== void 0 ? _b : new cockatiel_1.ExponentialBackoff());
      }
      /**
       * `.get()` starts a query to look up a single key from etcd.
       */
      get(key) {
        return new Builder.SingleRangeBuilder(this.kv, this.nsApplicator, key);
      }
      /**
       * `.getAll()` starts a query to look up multiple keys from etcd.
       */
      getAll() {
        return new Builder.MultiRangeBuilder(this.kv, this.nsApplicator);
      }
      /**
       * `.put()` starts making a put request against etcd.
       */
      put(key) {
        return new Builder.PutBuilder(this.kv, this.nsApplicator, key);
      }
      /**
       * `.delete()` starts making a delete request against etcd.
       */
      delete() {
        return new Builder.DeleteBuilder(this.kv, this.nsApplicator);
      }
      /**
       * `lease()` grants and returns a new Lease instance. The Lease is
       * automatically kept alive for you until it is revoked. See the
       * documentation on the Lease class for some examples.
       */
      lease(ttl, options) {
        return new lease_1.Lease(this.pool, this.nsApplicator, ttl, options);
      }
      /**
       * `lock()` is a helper to provide distributed locking capability. See
       * the documentation on the Lock class for more information and examples.
       */
      lock(key) {
        return new lock_1.Lock(this.pool, this.nsApplicator, key);
      }
      /**
       * `stm()` creates a new software transaction, see more details about how
       * this works and why you might find this useful
       * on the SoftwareTransaction class.
       */
      stm(options) {
        return new stm_1.SoftwareTransaction({
          isolation: 0,
          prefetch: [],
          retries: 3,
          ...options
        }, this.nsApplicator, this.kv);
      }
      /**
       * `if()` starts a new etcd transaction, which allows you to execute complex
       * statements atomically. See documentation on the ComparatorBuilder for
       * more information.
       */
      if(key, column, cmp, value) {
        return new Builder.ComparatorBuilder(this.kv, this.nsApplicator).and(key, column, cmp, value);
      }
      /**
       * `.watch()` creates a new watch builder. See the documentation on the
       * WatchBuilder for usage examples.
       */
      watch() {
        return new watch_1.WatchBuilder(this.watchManager, this.nsApplicator);
      }
      /**
       * Creates a structure representing an etcd range. Used in permission grants
       * and queries. This is a convenience method for `Etcd3.Range.from(...)`.
       */
      range(r) {
        return range_1.Range.from(r);
      }
      /**
       * namespace adds a prefix and returns a new Namespace, which is used for
       * operating on keys in a prefixed domain. For example, if the current
       * namespace is the default "" and you call namespace('user1/'), all
       * operations on that new namespace will be automatically prefixed
       * with `user1/`. See the Namespace class for more details.
       */
      namespace(prefix) {
        return new _Namespace(Buffer.concat([this.prefix, (0, util_1.toBuffer)(prefix)]), this.pool, this.options);
      }
      /**
       * Creates a new {@link Election} instead. See more information on the
       * Election class documentation.
       * @param name Name of the election in the etcd instance.
       * @param ttl Lease TTL used in the election. This is the maximum time that
       * a node which goes down can remain the leader before being
       * automatically evicted.
       */
      election(name, ttl) {
        return new election_1.Election(this, name, ttl);
      }
    };
    exports.Namespace = Namespace;
  }
});

// node_modules/etcd3/lib/options.js
var require_options = __commonJS({
  "node_modules/etcd3/lib/options.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
  }
});

// node_modules/etcd3/lib/index.js
var require_lib = __commonJS({
  "node_modules/etcd3/lib/index.js"(exports) {
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Etcd3 = exports.Watcher = exports.WatchBuilder = void 0;
    var auth_1 = require_auth();
    var connection_pool_1 = require_connection_pool();
    var namespace_1 = require_namespace();
    var RPC = require_rpc();
    __exportStar(require_auth(), exports);
    __exportStar(require_builder(), exports);
    __exportStar(require_errors(), exports);
    __exportStar(require_lease(), exports);
    __exportStar(require_lock(), exports);
    __exportStar(require_namespace(), exports);
    __exportStar(require_options(), exports);
    __exportStar(require_range(), exports);
    __exportStar(require_rpc(), exports);
    __exportStar(require_stm(), exports);
    __exportStar(require_election(), exports);
    var watch_1 = require_watch();
    Object.defineProperty(exports, "WatchBuilder", { enumerable: true, get: function() {
      return watch_1.WatchBuilder;
    } });
    Object.defineProperty(exports, "Watcher", { enumerable: true, get: function() {
      return watch_1.Watcher;
    } });
    var Etcd3 = class extends namespace_1.Namespace {
      /**
       * Creates a new etcd3 client. See the docs on the {@link IOptions} for
       * more information.
       */
      constructor(options = { hosts: "127.0.0.1:2379" }) {
        super(Buffer.from([]), new connection_pool_1.ConnectionPool(options), options);
        this.auth = new RPC.AuthClient(this.pool);
        this.maintenance = new RPC.MaintenanceClient(this.pool);
        this.cluster = new RPC.ClusterClient(this.pool);
      }
      /**
       * Resolves to an array of roles available in etcd.
       */
      getRoles() {
        return this.auth.roleList().then((result) => {
          return result.roles.map((role) => new auth_1.Role(this.auth, role));
        });
      }
      /**
       * Returns an object to manipulate the role with the provided name.
       */
      role(name) {
        return new auth_1.Role(this.auth, name);
      }
      /**
       * Resolves to an array of users available in etcd.
       */
      getUsers() {
        return this.auth.userList().then((result) => {
          return result.users.map((user) => new auth_1.User(this.auth, user));
        });
      }
      /**
       * Returns an object to manipulate the user with the provided name.
       */
      user(name) {
        return new auth_1.User(this.auth, name);
      }
      /**
       * `.mock()` allows you to insert an interface that will be called into
       * instead of calling out to the "real" service. `unmock` should be called
       * after mocking is finished.
       *
       * For example:
       *
       * ```
       * const sinon = require('sinon');
       * const { expect } = require('chai');
       *
       * const { Etcd3 } = require('etcd3');
       * const client = new Etcd3();
       *
       * const mock = client.mock({ exec: sinon.stub() });
       * mock.exec.resolves({ kvs: [{ key: 'foo', value: 'bar' }]});
       * const output = client.get('foo').string();
       * expect(output).to.equal('bar');
       * client.unmock();
       * ```
       */
      mock(callable) {
        this.pool.mock(callable);
        return callable;
      }
      /**
       * Removes any previously-inserted mock.
       */
      unmock() {
        this.pool.unmock();
      }
      /**
       * Frees resources associated with the client.
       */
      close() {
        this.pool.close();
      }
    };
    exports.Etcd3 = Etcd3;
  }
});
export default require_lib();
//# sourceMappingURL=lib-AAMNLVH6.js.map
