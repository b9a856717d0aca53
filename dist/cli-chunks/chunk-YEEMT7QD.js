#!/usr/bin/env node
import {
  DockerTransport,
  SshTransport
} from "./chunk-BKMBJ7X7.js";
import {
  LocalTransport
} from "./chunk-AI3HM6CK.js";
import {
  InputError
} from "./chunk-BCQJ3TK4.js";

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
  connectNode,
  parseJumpHost,
  NodePool
};
//# sourceMappingURL=chunk-YEEMT7QD.js.map
