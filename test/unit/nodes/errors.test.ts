import { describe, expect, it } from 'vitest';
import { exitCodeOf, InputError, OperationError } from '../../../src/errors.js';
import { connectNode, NodePool, parseJumpHost } from '../../../src/nodes/connect.js';
import {
  AuthError,
  CommandFailedError,
  displayCommand,
  HostKeyError,
  NodeError,
  TransportTimeoutError,
  UnreachableError,
} from '../../../src/nodes/errors.js';
import { classifySshError } from '../../../src/nodes/ssh.js';
import type { Transport } from '../../../src/nodes/transport.js';

describe('CommandFailedError', () => {
  it('names node, masked command, exit code and only the last stderr lines', () => {
    const token = 's3cr3t-token-value';
    const stderr = `${Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n')}\nauth ${token}\n`;
    const err = new CommandFailedError(
      'etcd-2',
      displayCommand(['etcdctl', `--password=${token}`, 'member list'], [token]),
      3,
      stderr,
      [token],
    );
    expect(err).toBeInstanceOf(OperationError);
    expect(exitCodeOf(err)).toBe(1);
    expect(err.message).toContain(
      'Node etcd-2: command exited with code 3: etcdctl --password=*** "member list"',
    );
    expect(err.message).toContain('auth ***');
    expect(err.message).not.toContain(token);
    expect(err.message).not.toContain('line 19\n');
    expect(err.stderrTail.split('\n')).toHaveLength(12);
    expect(err.stderrTail.startsWith('line 20')).toBe(true);
  });

  it('masks a secret that JSON quoting escaped, and says when stderr was empty', () => {
    const secret = 'pa"ss';
    const shown = displayCommand(['sh', '-c', `echo ${secret}`], [secret]);
    expect(shown).not.toContain('pa\\"ss');
    expect(shown).toContain('***');
    const err = new CommandFailedError('n', shown, 1, '', [], 'SIGKILL');
    expect(err.message).toContain('was killed by SIGKILL');
    expect(err.message).toContain('(stderr was empty)');
  });
});

describe('classifySshError', () => {
  const endpoint = { host: '10.0.0.5', port: 22, user: 'ops', timeoutMs: 5000 };
  const sshError = (props: { level?: string; code?: string; message?: string }) =>
    Object.assign(new Error(props.message ?? 'x'), props);

  it('tells unreachable, auth, timeout and host-key failures apart', () => {
    const refused = classifySshError('cp-1', endpoint, sshError({ code: 'ECONNREFUSED' }));
    expect(refused).toBeInstanceOf(UnreachableError);
    expect(refused.message).toBe(
      'Node cp-1 is unreachable: 10.0.0.5:22: connection refused (is sshd running and listening on that port?).',
    );
    const auth = classifySshError('cp-1', endpoint, sshError({ level: 'client-authentication' }));
    expect(auth).toBeInstanceOf(AuthError);
    expect(auth.message).toContain('refused user ops');
    const slow = classifySshError('cp-1', endpoint, sshError({ level: 'client-timeout' }));
    expect(slow).toBeInstanceOf(TransportTimeoutError);
    expect(slow.message).toContain('within 5 s');
    const hostKey = classifySshError(
      'cp-1',
      endpoint,
      sshError({ level: 'handshake' }),
      'key differs',
    );
    expect(hostKey).toBeInstanceOf(HostKeyError);
    expect(classifySshError('cp-1', endpoint, sshError({ code: 'ENOTFOUND' }))).toBeInstanceOf(
      UnreachableError,
    );
  });

  it('keeps any other failure a NodeError that names node and endpoint', () => {
    const other = classifySshError(
      'cp-1',
      endpoint,
      sshError({ level: 'protocol', message: 'bad packet' }),
    );
    expect(other).toBeInstanceOf(NodeError);
    expect(other).not.toBeInstanceOf(UnreachableError);
    expect(other.message).toBe('Node cp-1: the SSH connection to 10.0.0.5:22 failed: bad packet');
  });
});

describe('parseJumpHost', () => {
  it('reads user@host:port with user and port optional, and [v6]:port', () => {
    expect(parseJumpHost('ops@bastion.example:2222')).toEqual({
      host: 'bastion.example',
      user: 'ops',
      port: 2222,
    });
    expect(parseJumpHost('bastion')).toEqual({ host: 'bastion', user: undefined, port: undefined });
    expect(parseJumpHost('root@[fd00::1]:22')).toEqual({ host: 'fd00::1', user: 'root', port: 22 });
  });

  it('refuses malformed jump hosts with the expected form', () => {
    for (const bad of ['', 'a@b@c', 'host:99999', 'host:port', 'user@']) {
      expect(() => parseJumpHost(bad)).toThrow(/user@host:port/);
    }
  });
});

describe('connectNode and NodePool', () => {
  const target = { name: 'cp-1', address: '10.0.0.5' };

  it('picks the transport the access flags ask for; docker uses the node name as container', () => {
    expect(connectNode(target, { transport: 'local', layout: 'auto' }).kind).toBe('local');
    const docker = connectNode(target, { transport: 'docker', layout: 'auto' });
    expect(docker).toMatchObject({ kind: 'docker', node: 'cp-1', container: 'cp-1' });
  });

  it('refuses SSH without a usable key before touching the network', () => {
    const saved = process.env.SSH_AUTH_SOCK;
    delete process.env.SSH_AUTH_SOCK;
    try {
      expect(() => connectNode(target, { transport: 'ssh', layout: 'auto' })).toThrow(InputError);
      expect(() =>
        connectNode(target, {
          transport: 'ssh',
          layout: 'auto',
          sshKeyFile: '/nonexistent/id_ed25519',
        }),
      ).toThrow(/Cannot read SSH key file \/nonexistent\/id_ed25519/);
      expect(() =>
        connectNode(target, { transport: 'ssh', layout: 'auto', sshKey: 'not a key' }),
      ).toThrow(/not a usable private key/);
    } finally {
      if (saved !== undefined) process.env.SSH_AUTH_SOCK = saved;
    }
  });

  it('hands out one transport per node and closes each once', async () => {
    const closed: string[] = [];
    // A recording factory: this test is about the pool's bookkeeping, not about reaching nodes.
    const pool = new NodePool({ transport: 'local', layout: 'auto' }, (t) => {
      return {
        node: t.name,
        kind: 'local',
        close: async () => void closed.push(t.name),
      } as Transport;
    });
    const a = pool.get({ name: 'a', address: '127.0.0.1' });
    expect(pool.get({ name: 'a', address: '127.0.0.1' })).toBe(a);
    pool.get({ name: 'b', address: '127.0.0.1' });
    await pool.closeAll();
    await pool.closeAll();
    expect(closed.sort()).toEqual(['a', 'b']);
  });
});
