import { CommandTransport } from './command-transport.js';
import { type StartedCommand, startChildProcess } from './started-command.js';

/** The runner is the node: commands run as child processes of this machine, as this user. */
export class LocalTransport extends CommandTransport {
  readonly kind = 'local' as const;

  constructor(node = 'localhost') {
    super(node);
  }

  protected start(argv: readonly string[], env: Record<string, string>): Promise<StartedCommand> {
    return startChildProcess(argv[0], argv.slice(1), { ...process.env, ...env });
  }

  async close(): Promise<void> {}
}
