import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodePool } from '../../../src/nodes/connect.js';
import {
  AuthError,
  HostKeyError,
  TransportTimeoutError,
  UnreachableError,
} from '../../../src/nodes/errors.js';
import { SshTransport, type SshTransportOptions } from '../../../src/nodes/ssh.js';
import {
  authorize,
  ensureLoginUser,
  freeLoopbackPort,
  removeLoginUser,
  type StartedSshd,
  sshdAvailable,
  startSshd,
} from '../../support/sshd.js';
import { transportContract } from './transport-contract.js';

// Scans every process's argv with shell builtins only, so the scan itself holds no copy.
const ARGV_SCAN = `found=0
for f in /proc/[0-9]*/cmdline; do
  c=$(tr '\\0' ' ' < "$f" 2>/dev/null) || continue
  case "$c" in *"$KR_SECRET"*) found=1;; esac
done
printf '%s %s' "$found" "$KR_SECRET"`;

const unavailable = sshdAvailable();

describe.skipIf(unavailable)('SshTransport against a real sshd on loopback', () => {
  let sshd: StartedSshd;
  let transport: SshTransport;
  const opened: SshTransport[] = [];
  const ssh = (overrides: Partial<SshTransportOptions> = {}) => {
    const t = new SshTransport({
      node: 'cp-1',
      host: sshd.host,
      port: sshd.port,
      user: 'root',
      privateKeyFile: sshd.clientKeyFile,
      knownHostsFile: sshd.knownHostsFile,
      connectTimeoutMs: 5000,
      ...overrides,
    });
    opened.push(t);
    return t;
  };

  beforeAll(async () => {
    sshd = await startSshd();
    transport = ssh();
  });
  afterAll(async () => {
    await Promise.all(opened.map((t) => t.close()));
    await sshd?.stop();
    // After sshd: its sessions ran as these users, and an account in use cannot be removed.
    await removeLoginUser('kube-rescue-test');
    await removeLoginUser('kube-rescue-nosudo');
  });

  transportContract(() => transport, { scratchDir: () => sshd.scratchDir });

  it('keeps env values off every command line on the node', async () => {
    const secret = 'kr-secret-value-5f1e';
    const result = await transport.script(ARGV_SCAN, {
      env: { KR_SECRET: secret },
      mask: [secret],
    });
    expect(result.stdout).toBe(`0 ${secret}`);
  });

  it('reuses one connection for many commands, also in parallel', async () => {
    const before = countLogins(sshd.log());
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => transport.exec(['sh', '-c', `echo ${i}`])),
    );
    expect(results.map((r) => r.stdout.trim())).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
    expect(countLogins(sshd.log())).toBe(before);
  });

  it('streams 200 MB through execStream with bounded memory', async () => {
    const size = 200 * 1024 * 1024;
    const run = transport.execStream(['head', '-c', String(size), '/dev/zero']);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let seen = 0;
    const hash = createHash('sha256');
    await pipeline(
      run.stdout,
      new Writable({
        highWaterMark: 64 * 1024,
        write(chunk: Buffer, _enc, cb) {
          seen += chunk.length;
          hash.update(chunk);
          peak = Math.max(peak, process.memoryUsage().rss);
          // A slow consumer: the sender must wait for it rather than buffer.
          if (seen % (16 * 1024 * 1024) < chunk.length) setTimeout(cb, 5);
          else cb();
        },
      }),
    );
    await run.done;
    expect(seen).toBe(size);
    const zeros = createHash('sha256');
    const block = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 200; i++) zeros.update(block);
    expect(hash.digest('hex')).toBe(zeros.digest('hex'));
    expect(peak - rssBefore).toBeLessThan(96 * 1024 * 1024);
  });

  it('refuses a host whose key differs from known_hosts, naming the fingerprint', async () => {
    const other = join(sshd.scratchDir, 'other_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const wrong = join(sshd.scratchDir, 'known_hosts.wrong');
    const otherPub = execFileSync('cat', [`${other}.pub`])
      .toString()
      .split(' ')
      .slice(0, 2)
      .join(' ');
    writeFileSync(wrong, `[127.0.0.1]:${sshd.port} ${otherPub}\n`);
    const err = await ssh({ knownHostsFile: wrong })
      .ping()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostKeyError);
    expect((err as Error).message).toMatch(/differs from the ssh-ed25519 key/);
    expect((err as Error).message).toMatch(/SHA256:/);
  });

  it('refuses a host missing from known_hosts unless checking is explicitly off', async () => {
    const empty = join(sshd.scratchDir, 'known_hosts.empty');
    writeFileSync(empty, '# nothing known\n');
    await expect(ssh({ knownHostsFile: empty }).ping()).rejects.toThrow(HostKeyError);
    await expect(
      ssh({ knownHostsFile: empty, checkHostKey: false }).ping(),
    ).resolves.toBeUndefined();
  });

  it('accepts a hashed known_hosts entry for [host]:port', async () => {
    const hashed = join(sshd.scratchDir, 'known_hosts.hashed');
    writeFileSync(hashed, `[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey}\n`);
    execFileSync('ssh-keygen', ['-q', '-H', '-f', hashed]);
    const text = execFileSync('cat', [hashed]).toString();
    expect(text.startsWith('|1|')).toBe(true);
    await expect(ssh({ knownHostsFile: hashed }).ping()).resolves.toBeUndefined();
  });

  it('reports a refused key as AuthError', async () => {
    const stranger = join(sshd.scratchDir, 'stranger');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const err = await ssh({ privateKeyFile: stranger })
      .ping()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).toContain('refused user root');
  });

  it('reports a closed port as UnreachableError', async () => {
    const port = await freeLoopbackPort();
    const err = await ssh({ port })
      .ping()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as Error).message).toMatch(/connection refused/);
  });

  it('reports a server that never speaks SSH as TransportTimeoutError', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as { port: number }).port;
      const err = await ssh({ port })
        .ping({ timeoutMs: 800 })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TransportTimeoutError);
    } finally {
      silent.close();
    }
  });

  it('reaches the node through a jump host', async () => {
    const viaJump = ssh({ jump: { host: sshd.host, port: sshd.port, user: 'root' } });
    const result = await viaJump.exec(['sh', '-c', 'echo "$SSH_CONNECTION"']);
    // sshd sees the forwarded connection arrive from itself.
    expect(result.stdout).toMatch(/^127\.0\.0\.1 \d+ 127\.0\.0\.1 \d+/);
  });

  it('reports a connection dropped mid-command as UnreachableError, then reconnects', async () => {
    const t = ssh();
    await t.exec(['true']);
    // Kill this session's sshd process: the channel dies without an exit status.
    const err = await t
      .exec(['sh', '-c', 'kill -9 "$(cut -d" " -f4 /proc/$$/stat)"; sleep 5'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as Error).message).toMatch(/closed before the command reported its exit status/);
    await expect(t.exec(['echo', 'again'])).resolves.toMatchObject({ stdout: 'again\n' });
  });

  it('is what connectNode builds from the access flags, reused through a NodePool', async () => {
    const pool = new NodePool({
      transport: 'ssh',
      layout: 'auto',
      sshKeyFile: sshd.clientKeyFile,
      knownHosts: sshd.knownHostsFile,
    });
    try {
      const target = { name: 'cp-1', address: sshd.host, port: sshd.port };
      const first = pool.get(target);
      expect(first.kind).toBe('ssh');
      expect((await first.exec(['id', '-un'])).stdout.trim()).toBe('root');
      expect(pool.get(target)).toBe(first);
    } finally {
      await pool.closeAll();
    }
  });

  describe('as a non-root user', () => {
    const withSudo = ensureLoginUser('kube-rescue-test', true);
    const withoutSudo = ensureLoginUser('kube-rescue-nosudo', false);

    it.skipIf('skip' in withSudo)('runs commands through sudo -n, as root', async () => {
      if ('skip' in withSudo) return;
      authorize(sshd, withSudo.user);
      const t = ssh({ user: withSudo.user });
      const result = await t.exec(['sh', '-c', 'echo "$(id -un) $KR_VAR"'], {
        env: { KR_VAR: 'through sudo' },
      });
      expect(result.stdout.trim()).toBe('root through sudo');
      // sudo stays the command's parent and logs its argv: the value must not be in it.
      const secret = 'kr-sudo-secret-9c2d';
      const scan = await t.script(ARGV_SCAN, { env: { KR_SECRET: secret }, mask: [secret] });
      expect(scan.stdout).toBe(`0 ${secret}`);
      const path = join(sshd.scratchDir, 'by-sudo.txt');
      await t.writeFile(path, 'x', { mode: 0o600, owner: `${withSudo.user}:root` });
      const stat = await transport.exec(['stat', '-c', '%a %U', path]);
      expect(stat.stdout.trim()).toBe(`600 ${withSudo.user}`);
    });

    it.skipIf('skip' in withoutSudo)(
      'reports a user without password-less sudo as AuthError',
      async () => {
        if ('skip' in withoutSudo) return;
        authorize(sshd, withoutSudo.user);
        const err = await ssh({ user: withoutSudo.user })
          .exec(['true'])
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AuthError);
        expect((err as Error).message).toContain("cannot run 'sudo -n'");
      },
    );
  });
});

function countLogins(log: string): number {
  return log.split('\n').filter((l) => l.includes('Accepted publickey')).length;
}
