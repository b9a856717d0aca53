import { execFileSync } from 'node:child_process';
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
