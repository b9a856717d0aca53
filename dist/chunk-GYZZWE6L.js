import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  CommandTransport,
  DockerTransport,
  SshTransport,
  startChildProcess
} from "./chunk-KYT2MYDB.js";
import {
  InputError
} from "./chunk-ZIEKZMFP.js";

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

// src/nodes/connect.ts
function connectNode(target, access) {
  switch (access.transport) {
    case "local":
      return new LocalTransport(target.name);
    case "docker":
      return new DockerTransport(target.name);
    case "ssh":
      return new SshTransport({
        node: target.name,
        host: target.address,
        port: target.port,
        // The inventory's own user for a host wins over the common flag, as with Ansible.
        user: target.user ?? access.sshUser ?? "root",
        privateKey: access.sshKey,
        privateKeyFile: access.sshKey ? void 0 : access.sshKeyFile,
        knownHostsFile: access.knownHosts,
        checkHostKey: !access.insecureSkipHostKeyCheck,
        jump: access.jumpHost ? parseJumpHost(access.jumpHost) : void 0
      });
    default:
      throw new InputError(
        `Unknown transport '${access.transport}': use ssh, local or docker.`
      );
  }
}
function parseJumpHost(text) {
  const match = /^(?:([^@\s]+)@)?(\[[0-9a-fA-F:.]+\]|[^@:\s[\]]+)(?::(\d{1,5}))?$/.exec(
    text.trim()
  );
  const port = match?.[3] === void 0 ? void 0 : Number(match[3]);
  if (!match || port !== void 0 && (port < 1 || port > 65535)) {
    throw new InputError(
      `Jump host '${text}' is not of the form user@host:port (user and port optional, e.g. ops@bastion.example:22).`
    );
  }
  const host = match[2].startsWith("[") ? match[2].slice(1, -1) : match[2];
  return { host, user: match[1], port };
}
var NodePool = class {
  constructor(access, connect = connectNode) {
    this.access = access;
    this.connect = connect;
  }
  access;
  connect;
  transports = /* @__PURE__ */ new Map();
  get(target) {
    let transport = this.transports.get(target.name);
    if (!transport) {
      transport = this.connect(target, this.access);
      this.transports.set(target.name, transport);
    }
    return transport;
  }
  async closeAll() {
    const all = [...this.transports.values()];
    this.transports.clear();
    await Promise.allSettled(all.map((t) => t.close()));
  }
  async [Symbol.asyncDispose]() {
    await this.closeAll();
  }
};

export {
  LocalTransport,
  connectNode,
  parseJumpHost,
  NodePool
};
//# sourceMappingURL=chunk-GYZZWE6L.js.map
