import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { backup, FINGERPRINT_MODES } from './commands/backup.js';
import type { CommandContext } from './commands/context.js';
// Commands are loaded when they run: a backup does not load SSH or YAML (~0.15 s of start-up).
import type { PlanOptions } from './commands/plan.js';
import {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  REHEARSAL_PROVIDERS,
  SCENARIOS,
  type ScenarioName,
} from './commands/rehearse-choices.js';
import { exitCodeOf, InputError, OperationError } from './errors.js';
import { dropHarmlessWarnings } from './node-warnings.js';
import type { NodeAccess } from './nodes/access.js';
import { StderrProgress } from './progress.js';
import { renderHuman } from './report/render.js';
import type { S3Settings } from './stores/s3-location.js';
import { VERSION } from './version.js';

const csv = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number ≥ 1, got '${value}'.`);
  }
  return n;
}

const TRUSTED_SIGNERS_HELP =
  "allowed_signers file (ssh-keygen's format: '<principal> ssh-ed25519 AAAA…' per line): refuse a set not signed by one of them";

interface GlobalFlags {
  json?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

interface AccessFlags {
  transport: NodeAccess['transport'];
  sshUser?: string;
  sshKey?: string;
  knownHosts?: string;
  insecureSkipHostKeyCheck?: boolean;
  jumpHost?: string;
  etcdEndpoints?: string[];
  etcdCacert?: string;
  etcdCert?: string;
  etcdKey?: string;
  layout: NodeAccess['layout'];
}

function addAccessFlags(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--transport <kind>', 'how to reach nodes')
        .choices(['ssh', 'local', 'docker'])
        .default('ssh'),
    )
    .option('--ssh-user <user>', 'SSH user (default: ansible_user from the inventory, else root)')
    .option('--ssh-key <file>', 'private key file for SSH')
    .option('--known-hosts <file>', 'known_hosts file to check host keys against', undefined)
    .option('--insecure-skip-host-key-check', 'do not check SSH host keys (not recommended)')
    .option('--jump-host <user@host:port>', 'reach nodes through this SSH jump host')
    .option('--etcd-endpoints <urls>', 'comma-separated etcd client URLs', csv)
    .option('--etcd-cacert <file>', 'etcd CA certificate (overrides the layout)')
    .option('--etcd-cert <file>', 'etcd client certificate (overrides the layout)')
    .option('--etcd-key <file>', 'etcd client key (overrides the layout)')
    .addOption(
      new Option('--layout <layout>', 'cluster layout on the nodes')
        .choices(['auto', 'kubespray', 'kubeadm'])
        .default('auto'),
    );
}

interface S3Flags {
  s3Endpoint?: string;
  s3Region?: string;
  s3ForcePathStyle?: boolean;
}

/** The S3 flags of every command that reads or writes a store: one definition, one meaning. */
function addS3Flags(cmd: Command): Command {
  return cmd
    .option('--s3-endpoint <url>', 'S3 endpoint (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL)')
    .option('--s3-region <region>', 'S3 region (default: AWS_REGION / AWS_DEFAULT_REGION)')
    .option(
      '--s3-force-path-style',
      'address the bucket in the path, not the host name (default: on with an endpoint)',
    )
    .option('--no-s3-force-path-style', 'address the bucket as a host name even with an endpoint');
}

function s3From(flags: S3Flags): S3Settings {
  return {
    endpoint: flags.s3Endpoint,
    region: flags.s3Region,
    ...(flags.s3ForcePathStyle !== undefined ? { forcePathStyle: flags.s3ForcePathStyle } : {}),
  };
}

function accessFrom(flags: AccessFlags): NodeAccess {
  return {
    transport: flags.transport,
    sshUser: flags.sshUser,
    sshKeyFile: flags.sshKey,
    knownHosts: flags.knownHosts,
    insecureSkipHostKeyCheck: flags.insecureSkipHostKeyCheck,
    jumpHost: flags.jumpHost,
    etcdEndpoints: flags.etcdEndpoints,
    etcdCacert: flags.etcdCacert,
    etcdCert: flags.etcdCert,
    etcdKey: flags.etcdKey,
    layout: flags.layout,
  };
}

interface PlanFlags extends AccessFlags, S3Flags {
  inventory: string;
  backup?: string;
  identity?: string[];
  trustedSigners?: string;
  strategy: PlanOptions['strategy'];
  force?: boolean;
  preferBackupSnapshot?: boolean;
  removeHost?: string[];
  bumpRevision?: number;
  probeTimeout?: number;
}

function planOptionsFrom(o: PlanFlags): PlanOptions {
  return {
    inventory: o.inventory,
    access: accessFrom(o),
    backup: o.backup,
    identityFiles: o.identity ?? [],
    trustedSigners: o.trustedSigners,
    strategy: o.strategy,
    force: Boolean(o.force),
    preferBackupSnapshot: Boolean(o.preferBackupSnapshot),
    removeHosts: o.removeHost ?? [],
    s3: s3From(o),
    ...(o.bumpRevision !== undefined ? { bumpRevision: o.bumpRevision } : {}),
    ...(o.probeTimeout !== undefined ? { probeTimeoutMs: o.probeTimeout * 1000 } : {}),
  };
}

/** Runs one command: progress to stderr, the result to stdout (JSON with --json). */
async function run<T>(
  program: Command,
  name: string,
  work: (ctx: CommandContext) => Promise<T>,
): Promise<void> {
  const flags = program.opts<GlobalFlags>();
  const ctx: CommandContext = {
    progress: new StderrProgress({ verbose: flags.verbose, quiet: flags.quiet }),
  };
  const print = (result: unknown) =>
    process.stdout.write(
      flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderHuman(name, result),
    );
  try {
    print(await work(ctx));
  } catch (err) {
    // A failed verification or rehearsal still has a report worth reading.
    if (err instanceof OperationError && 'result' in err) print(err.result);
    throw err;
  }
}

export function buildProgram(): Command {
  const program = new Command('kube-rescue')
    .description(
      'Back up, recover and rehearse the recovery of a Kubernetes control plane (etcd + certificates).',
    )
    .version(VERSION)
    .option('--json', 'print the result as one JSON object on stdout')
    .option('-v, --verbose', 'show debug progress on stderr')
    .option('-q, --quiet', 'show only warnings on stderr')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 the operation failed, 2 bad input or usage.
Progress goes to stderr; results to stdout (--json: one JSON object).

Examples:
  kube-rescue backup -i inventory/hosts.ini --dest /backups --encrypt-to age1...
  kube-rescue plan -i inventory/hosts.ini --backup /backups/mycluster-20261122T010000Z
  kube-rescue inventory recover -i hosts.ini --broken-etcd node1 --broken-control-plane node1
  kube-rescue rehearse --scenario member-loss
  kube-rescue rehearse -i hosts.ini --backup /backups/mycluster-20261122T010000Z --identity key.txt`,
    );

  addS3Flags(
    addAccessFlags(
      program
        .command('backup')
        .description('Save an etcd snapshot and the control-plane certificates as one backup set.')
        .option('-i, --inventory <file>', 'Kubespray inventory (hosts.ini / hosts.yaml)')
        .requiredOption('--dest <dir|s3://bucket/prefix>', 'where to store the backup set')
        .option('--encrypt-to <recipient>', 'age recipient (repeatable or comma-separated)', csv)
        .option(
          '--sign-key <file>',
          'SSH private key: sign the set (manifest.json.sig, ssh-keygen -Y sign, namespace kube-rescue-backup)',
        )
        .addOption(
          new Option('--compress <algo>', 'compression')
            .choices(['gzip', 'zstd', 'none'])
            .default('gzip'),
        )
        .option('--keep <n>', 'keep the newest N backup sets written by kube-rescue', positiveInt)
        .option('--keep-hourly <n>', 'also keep one set per hour for N hours', positiveInt)
        .option('--keep-daily <n>', 'also keep one set per day for N days', positiveInt)
        .option('--keep-weekly <n>', 'also keep one set per week for N weeks', positiveInt)
        .option('--etcd-only', 'skip the certificate/manifest archives')
        .option(
          '--cluster-name <name>',
          'name of the cluster in the set name (default: from the inventory)',
        )
        .addOption(
          new Option(
            '--fingerprint <mode>',
            "keyspace check recorded for verify --deep and restores: hash = etcd's own HashKV + key count, computed by the member (cheap); full = also a sha256 of every key and value, read back from etcd (a second full read; still compares after a revision bump); none",
          )
            .choices(FINGERPRINT_MODES)
            .default('hash'),
        )
        .option('--no-fingerprint', 'same as --fingerprint none'),
    ),
  ).action(async (o) => {
    await run(program, 'backup', (ctx) =>
      backup(
        {
          inventory: o.inventory,
          access: accessFrom(o),
          dest: o.dest,
          encryptTo: o.encryptTo ?? [],
          compress: o.compress,
          keep: o.keep,
          keepHourly: o.keepHourly,
          keepDaily: o.keepDaily,
          keepWeekly: o.keepWeekly,
          etcdOnly: Boolean(o.etcdOnly),
          clusterName: o.clusterName,
          s3: s3From(o),
          fingerprint: o.fingerprint === false ? 'none' : o.fingerprint,
          signKey: o.signKey,
        },
        ctx,
      ),
    );
  });

  addS3Flags(
    program
      .command('list')
      .description('List the complete backup sets at a destination.')
      .argument('<dest>', 'directory or s3://bucket/prefix'),
  ).action(async (dest: string, o) => {
    await run(program, 'list', async (ctx) =>
      (await import('./commands/list.js')).list(dest, ctx, s3From(o)),
    );
  });

  addS3Flags(
    program
      .command('verify')
      .description('Check a backup set: hashes, decryption, the snapshot trailer and status.')
      .argument('<backup>', 'backup set: directory path or URL')
      .option('--identity <file>', 'age identity file (repeatable)', (v, p: string[] = []) => [
        ...p,
        v,
      ])
      .option('--trusted-signers <file>', TRUSTED_SIGNERS_HELP)
      .option('--deep', 'also restore into a throw-away etcd and compare every key')
      .option(
        '--etcd-bin-dir <dir>',
        "directory with etcd, etcdctl and etcdutl for the snapshot checks (default: those on PATH); --deep needs the backup's etcd minor and refuses another",
      ),
  ).action(async (b: string, o) => {
    await run(program, 'verify', async (ctx) =>
      (await import('./commands/verify.js')).verify(
        {
          backup: b,
          identityFiles: o.identity ?? [],
          trustedSigners: o.trustedSigners,
          deep: Boolean(o.deep),
          etcdBinDir: o.etcdBinDir,
          s3: s3From(o),
        },
        ctx,
      ),
    );
  });

  const planFlags = (cmd: Command) =>
    addAccessFlags(
      addS3Flags(cmd)
        .requiredOption('-i, --inventory <file>', 'Kubespray inventory (hosts.ini / hosts.yaml)')
        .option('--backup <backup>', 'backup set to restore from (directory path or URL)')
        .option('--identity <file>', 'age identity file (repeatable)', (v, p: string[] = []) => [
          ...p,
          v,
        ])
        .option('--trusted-signers <file>', TRUSTED_SIGNERS_HELP)
        .addOption(
          new Option(
            '--strategy <s>',
            'quorum-loss recovery: all members at once, or one then grow',
          )
            .choices(['parallel', 'grow'])
            .default('parallel'),
        )
        .option('--force', 'allow restoring over a healthy quorum or from another cluster/version')
        .option(
          '--prefer-backup-snapshot',
          "restore the backup's snapshot even where a surviving member has newer data (loses the writes since)",
        )
        .option(
          '--remove-host <host>',
          'a host that will not return: its etcd member is removed or left out, its Node deleted (repeatable)',
          csv,
        )
        .option(
          '--bump-revision <n>',
          'raise the revision of a snapshot restore by N instead of the planned amount (etcd 3.5+; refused on 3.4)',
          positiveInt,
        )
        .option(
          '--probe-timeout <seconds>',
          'how long each node may take to be probed before it counts as unanswered (a plan over it is refused); default 20',
          positiveInt,
        ),
    );

  planFlags(
    program
      .command('plan')
      .description('Probe the cluster and print the recovery plan. Changes nothing.')
      .option('--out <file>', 'also write the plan file (canonical JSON) for restore --plan'),
  ).action(async (o) => {
    await run(program, 'plan', async (ctx) =>
      (await import('./commands/plan.js')).plan({ ...planOptionsFrom(o), out: o.out }, ctx),
    );
  });

  planFlags(
    program
      .command('restore')
      .description('Execute the recovery plan. Resumable: a re-run continues where it stopped.')
      .option('--yes', 'really change the cluster (required)')
      .option('--journal <file>', 'journal of completed steps (default: beside the inventory)')
      .option(
        '--journal-store <where>',
        "keep the journal in a store: 'backup' (beside the backup set) or a directory / s3:// URL",
      )
      .option('--plan <file>', "execute exactly this plan file ('plan --out'), after a re-probe")
      .option(
        '--plan-sha256 <hex>',
        'refuse a plan file whose sha256 is not this one; without --plan: the sha256 of the unfinished plan a journal in a store holds, to resume it',
      )
      .option('--dry-run', 'walk the whole plan without touching any node (no --yes needed)'),
  ).action(async (o) => {
    await run(program, 'restore', async (ctx) =>
      (await import('./commands/restore.js')).restore(
        {
          ...planOptionsFrom(o),
          yes: Boolean(o.yes),
          journal: o.journal,
          journalStore: o.journalStore,
          planFile: o.plan,
          planSha256: o.planSha256,
          dryRun: Boolean(o.dryRun),
        },
        ctx,
      ),
    );
  });

  program
    .command('inventory')
    .description('Work with Kubespray inventories.')
    .command('recover')
    .description(
      "Write the recovery inventory Kubespray's recover-control-plane.yml needs: a healthy host first, broken hosts copied into broken_etcd / broken_kube_control_plane.",
    )
    .requiredOption('-i, --inventory <file>', 'Kubespray inventory (hosts.ini / hosts.yaml)')
    .option('--broken-etcd <hosts>', 'comma-separated broken etcd hosts', csv)
    .option('--broken-control-plane <hosts>', 'comma-separated broken control-plane hosts', csv)
    .option(
      '-e, --extra-vars <@file>',
      'extra vars file, as ansible -e @file (repeatable)',
      (v, p: string[] = []) => [...p, v.replace(/^@/, '')],
    )
    .option('-o, --output <file>', 'write here instead of stdout')
    .action(async (o) => {
      await run(program, 'inventory', async (ctx) =>
        (await import('./commands/inventory.js')).inventoryRecover(
          {
            inventory: o.inventory,
            brokenEtcd: o.brokenEtcd ?? [],
            brokenControlPlane: o.brokenControlPlane ?? [],
            extraVars: o.extraVars ?? [],
            output: o.output,
          },
          ctx,
        ),
      );
    });

  program
    .command('rehearse')
    .description(
      'Start a throw-away cluster, back it up, break it, recover it with kube-rescue, and prove nothing was lost.',
    )
    .addOption(
      new Option(
        '--provider <p>',
        'where the cluster runs: local (Kubespray-like hosts), kubeadm (a real control plane built here), kind',
      )
        .choices([...REHEARSAL_PROVIDERS])
        .default('local'),
    )
    .addOption(
      new Option(
        '--etcd-version <minor>',
        "etcd of the throw-away cluster (local provider): 3.4 is Debian's, 3.5 and 3.6 are built by scripts/build-tools.sh",
      )
        .choices([...ETCD_VERSIONS])
        .default(DEFAULT_ETCD_VERSION),
    )
    .addOption(
      new Option(
        '--scenario <name...>',
        'scenarios to run (default: every one the provider can run)',
      ).choices([...SCENARIOS]),
    )
    .option('--report <file>', 'write the JSON report here')
    .option('--keys <n>', 'keys to seed before the backup', positiveInt, 2000)
    // The dress rehearsal: a replica of *this* inventory (src/commands/rehearse-inventory.ts).
    .option('-i, --inventory <file>', 'dress rehearsal: replicate this Kubespray inventory')
    .option('--backup <backup>', "dress rehearsal: bring the replica to this backup set's state")
    .option('--identity <file>', 'age identity file (repeatable)', (v, p: string[] = []) => [
      ...p,
      v,
    ])
    .option('--trusted-signers <file>', TRUSTED_SIGNERS_HELP)
    .option(
      '--broken-etcd <hosts>',
      'dress rehearsal: etcd hosts that are lost (default: [broken_etcd])',
      csv,
    )
    .option(
      '--broken-control-plane <hosts>',
      'dress rehearsal: control-plane hosts that are lost (default: [broken_kube_control_plane])',
      csv,
    )
    .option(
      '--remove-host <host>',
      'dress rehearsal: a host that will not return (repeatable)',
      csv,
    )
    .option('--size-mb <n>', 'dress rehearsal without --backup: MiB of generated data', positiveInt)
    .addOption(
      new Option('--layout <l>', 'dress rehearsal: cluster layout').choices([
        'auto',
        'kubespray',
        'kubeadm',
      ]),
    )
    .addOption(
      new Option('--strategy <s>', 'quorum-loss recovery: all members at once, or one then grow')
        .choices(['parallel', 'grow'])
        .default('parallel'),
    )
    .action(async (o, cmd: Command) => {
      const given = (name: string) => cmd.getOptionValueSource(name) !== 'default';
      if (o.inventory) {
        if (o.scenario || given('provider')) {
          throw new InputError(
            "--scenario and --provider are for the fixed rehearsals; with -i the dress rehearsal picks the provider from the layout (local for Kubespray, kubeadm for kubeadm: the backup's flavor, else --layout, else the inventory's etcd_deployment_type).",
          );
        }
        await run(program, 'rehearse', async (ctx) =>
          (await import('./commands/rehearse-inventory.js')).rehearseInventory(
            {
              inventory: o.inventory,
              backup: o.backup,
              identityFiles: o.identity ?? [],
              trustedSigners: o.trustedSigners,
              brokenEtcd: o.brokenEtcd,
              brokenControlPlane: o.brokenControlPlane,
              removeHosts: o.removeHost,
              ...(given('keys') ? { keys: o.keys } : {}),
              sizeMb: o.sizeMb,
              ...(given('etcdVersion') ? { etcdVersion: o.etcdVersion } : {}),
              layout: o.layout,
              strategy: o.strategy,
              report: o.report,
            },
            ctx,
          ),
        );
        return;
      }
      if (o.backup || o.brokenEtcd || o.brokenControlPlane || o.removeHost || o.sizeMb) {
        throw new InputError(
          '--backup, --broken-etcd, --broken-control-plane, --remove-host and --size-mb belong to the dress rehearsal: give the inventory with -i.',
        );
      }
      await run(program, 'rehearse', async (ctx) =>
        (await import('./commands/rehearse.js')).rehearse(
          {
            provider: o.provider,
            etcdVersion: o.etcdVersion,
            scenarios: o.scenario as ScenarioName[] | undefined,
            report: o.report,
            keys: o.keys,
          },
          ctx,
        ),
      );
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; every other commander error is bad usage.
      return err.exitCode === 0 ? 0 : 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`kube-rescue: ${message}\n`);
    if (!(err instanceof InputError) && process.env.KUBE_RESCUE_DEBUG && err instanceof Error) {
      process.stderr.write(`${err.stack}\n`);
    }
    return exitCodeOf(err);
  }
}

dropHarmlessWarnings();
// `kube-rescue --help | head`: a reader that stops early is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
main(process.argv).then((code) => {
  process.exitCode = code;
});
