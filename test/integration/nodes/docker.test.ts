import { execFileSync } from 'node:child_process';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerTransport } from '../../../src/nodes/docker.js';
import { UnreachableError } from '../../../src/nodes/errors.js';
import {
  type BusyboxContainer,
  dockerAvailable,
  startBusyboxContainer,
} from '../../support/busybox-image.js';
import { transportContract } from './transport-contract.js';

const unavailable = dockerAvailable();

describe.skipIf(unavailable)('DockerTransport against a real container', () => {
  let container: BusyboxContainer;
  let transport: DockerTransport;

  beforeAll(async () => {
    container = await startBusyboxContainer();
    transport = new DockerTransport(container.name);
  }, 120_000);
  afterAll(async () => {
    await container?.remove();
  });

  transportContract(() => transport, { scratchDir: () => '/tmp' });

  it('keeps env values off the docker command line', async () => {
    // docker takes `-e NAME` values from its own environment; the value must still arrive.
    const result = await transport.exec(['sh', '-c', 'printf %s "$KR_TOKEN"'], {
      env: { KR_TOKEN: 'value with spaces' },
    });
    expect(result.stdout).toBe('value with spaces');
  });

  it("loses no output to docker's 2 s after the exit, however late the reader", async () => {
    // dockerd closes an exec's streams 2 s after the command exits (moby's daemon/monitor.go),
    // and the exit code still says 0. A reader 5 s late lost the tail of an output that had just
    // fit in docker's buffers, so the command could exit: ~1.5-1.7 MB here, the exact size
    // varying from run to run. Every size from 1.3 to 1.9 MB at once: before the fix, one of
    // them lost 9-105 KB on most runs (not every run: the window is narrow); 3 MB never fits.
    const sizes = [...Array.from({ length: 61 }, (_, i) => 1_300_000 + i * 10_000), 3_000_000];
    const got = await Promise.all(
      sizes.map(async (bytes) => {
        const run = transport.execStream([
          'sh',
          '-c',
          `dd if=/dev/zero bs=1000 count=${bytes / 1000} 2>/dev/null | tr '\\0' x`,
        ]);
        let n = 0;
        run.stdout.on('data', (c: Buffer) => {
          n += c.length;
        });
        run.stdout.pause();
        await new Promise((r) => setTimeout(r, 5000));
        run.stdout.resume();
        await run.done;
        await finished(run.stdout);
        return n;
      }),
    );
    expect(got.map((n, i) => n - sizes[i]!).filter((d) => d !== 0)).toEqual([]);
  }, 120_000);

  it('reports a missing container as UnreachableError naming it', async () => {
    const gone = new DockerTransport('kr-test-no-such-container');
    const err = await gone.ping().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as Error).message).toContain('kr-test-no-such-container');
    expect((err as Error).message).toMatch(/No such container/);
  });

  it('reports a stopped container as UnreachableError', async () => {
    const stopped = await startBusyboxContainer();
    try {
      execFileSync('docker', ['stop', '-t', '0', stopped.name], { stdio: 'ignore' });
      const err = await new DockerTransport(stopped.name).exec(['true']).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnreachableError);
      expect((err as Error).message).toMatch(/is not running/);
    } finally {
      await stopped.remove();
    }
  });
});
