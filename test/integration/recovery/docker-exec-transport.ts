import { CommandTransport } from '../../../src/nodes/command-transport.js';
import { type StartedCommand, startChildProcess } from '../../../src/nodes/started-command.js';

/**
 * `docker exec -i` into a harness node, on the project's own command layer. A stopgap for
 * these tests while src/nodes/docker.ts (issue "Reaching nodes") is being written and the SSH
 * transport loses parallel sessions; the recovery code under test is the same either way.
 */
export class DockerExecTransport extends CommandTransport {
  readonly kind = 'docker' as const;

  constructor(
    node: string,
    private readonly container: string,
  ) {
    super(node);
  }

  protected start(argv: readonly string[], env: Record<string, string>): Promise<StartedCommand> {
    const envFlags = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    return startChildProcess(
      process.env.DOCKER ?? 'docker',
      ['exec', '-i', ...envFlags, this.container, ...argv],
      process.env,
    );
  }

  async close(): Promise<void> {}
}
