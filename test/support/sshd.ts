import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real OpenSSH server on 127.0.0.1 and a free port, with its own host key and one authorized
 * client key, all in a temp dir that `stop()` removes. Tests reach nodes over SSH through it.
 */
export interface StartedSshd extends AsyncDisposable {
  host: '127.0.0.1';
  port: number;
  /** The authorized client private key (OpenSSH format) and its file (0600). */
  clientKey: string;
  clientKeyFile: string;
  /** `ssh-ed25519 AAAA…` of the server's host key. */
  hostPublicKey: string;
  /** known_hosts holding `[127.0.0.1]:port <host key>`. */
  knownHostsFile: string;
  /** A directory for a test's own files (0700). */
  scratchDir: string;
  /** sshd's own log (it runs with -e), for failures. */
  log(): string;
  stop(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';

export function sshdAvailable(): string | undefined {
  if (!existsSync(SSHD)) return `${SSHD} is missing (apt-get install openssh-server)`;
  if (process.getuid?.() !== 0) return 'sshd for tests needs root (it switches to the login user)';
  return undefined;
}

export async function startSshd(): Promise<StartedSshd> {
  const unavailable = sshdAvailable();
  if (unavailable) throw new Error(`Cannot start a test sshd: ${unavailable}`);
  const dir = mkdtempSync(join(tmpdir(), 'kr-sshd-'));
  // sshd reads authorized_keys as the login user, so that part of the tree must be traversable;
  // private keys live in 0700 subdirectories.
  chmodSync(dir, 0o755);
  const secret = join(dir, 'secret');
  const scratchDir = join(dir, 'scratch');
  const authorized = join(dir, 'authorized');
  mkdirSync(secret, { mode: 0o700 });
  mkdirSync(scratchDir, { mode: 0o700 });
  mkdirSync(authorized, { mode: 0o755 });
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const hostKeyFile = join(secret, 'host_ed25519');
  const clientKeyFile = join(secret, 'client_ed25519');
  keygen(hostKeyFile);
  keygen(clientKeyFile);
  const clientPublic = readFileSync(`${clientKeyFile}.pub`, 'utf8');
  const hostPublicKey = readFileSync(`${hostKeyFile}.pub`, 'utf8')
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .join(' ');

  let child: ChildProcess | undefined;
  let log = '';
  let port = 0;
  for (let attempt = 0; attempt < 5 && !child; attempt++) {
    port = await freeLoopbackPort();
    const config = join(dir, 'sshd_config');
    writeFileSync(
      config,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKeyFile}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${authorized}/%u`,
        'StrictModes no',
        'UsePAM no',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        'AllowTcpForwarding yes',
        'LogLevel VERBOSE',
        '',
      ].join('\n'),
    );
    const started = spawn(SSHD, ['-D', '-e', '-f', config], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.stderr!.on('data', (c: Buffer) => {
      log += c.toString();
    });
    if (await answersSsh(port, started)) child = started;
    else started.kill('SIGKILL');
  }
  if (!child) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The test sshd did not start. Its log:\n${log}`);
  }

  const knownHostsFile = join(dir, 'known_hosts');
  writeFileSync(knownHostsFile, `[127.0.0.1]:${port} ${hostPublicKey}\n`);
  const running = child;
  const stop = async () => {
    if (running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((r) => running.once('exit', r));
      running.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const sshd: StartedSshd = {
    host: '127.0.0.1',
    port,
    clientKey: readFileSync(clientKeyFile, 'utf8'),
    clientKeyFile,
    hostPublicKey,
    knownHostsFile,
    scratchDir,
    log: () => log,
    stop,
    [Symbol.asyncDispose]: stop,
  };
  authorize(sshd, 'root', clientPublic);
  return sshd;
}

/** Lets `user` log in with the sshd's client key. */
export function authorize(sshd: StartedSshd, user: string, publicKey?: string): void {
  const key = publicKey ?? readFileSync(`${sshd.clientKeyFile}.pub`, 'utf8');
  const file = join(sshd.clientKeyFile, '..', '..', 'authorized', user);
  writeFileSync(file, key, { mode: 0o644 });
}

/**
 * A non-root login user on this machine, optionally allowed password-less sudo; the test
 * removes it again with `removeLoginUser`. Returns why it cannot be had, or the user name.
 */
export function ensureLoginUser(name: string, sudo: boolean): { user: string } | { skip: string } {
  if (process.getuid?.() !== 0) return { skip: 'creating a test login user needs root' };
  if (sudo && !existsSync('/usr/bin/sudo'))
    return { skip: 'sudo is not installed (apt-get install sudo)' };
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/bin/sh', name]);
  }
  // '!' in shadow means locked, and sshd without PAM refuses locked accounts even for keys.
  execFileSync('usermod', ['-p', '*', name]);
  const sudoers = `/etc/sudoers.d/${name}`;
  if (sudo) writeFileSync(sudoers, `${name} ALL=(ALL) NOPASSWD: ALL\n`, { mode: 0o440 });
  else rmSync(sudoers, { force: true });
  return { user: name };
}

/**
 * Undoes `ensureLoginUser`: its sudoers entry first (a password-less sudo rule must not outlive
 * the test), then the account (it has no home directory to leave behind).
 */
export async function removeLoginUser(name: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  rmSync(`/etc/sudoers.d/${name}`, { force: true });
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
  } catch {
    return;
  }
  // The sshd session processes of a closed connection can take a moment to exit.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('userdel', [name], { stdio: 'pipe' });
      return;
    } catch (err) {
      const stderr = String((err as { stderr?: Buffer }).stderr ?? '');
      if (!stderr.includes('currently used by process') || attempt >= 25) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function keygen(file: string): void {
  execFileSync('ssh-keygen', [
    '-q',
    '-t',
    'ed25519',
    '-N',
    '',
    '-C',
    'kube-rescue-test',
    '-f',
    file,
  ]);
}

/** A port on 127.0.0.1 that nothing listens on (at the moment of asking). */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Waits until the port sends an SSH banner, or the process dies, or 10 s pass. */
async function answersSsh(port: number, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const banner = await new Promise<string>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString());
      });
      socket.once('error', () => resolve(''));
    });
    if (banner.startsWith('SSH-')) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
