import { basename, join } from 'node:path';
import * as core from '@actions/core';
import { backup } from '../commands/backup.js';
import type { CommandContext } from '../commands/context.js';
import { inventoryRecover } from '../commands/inventory.js';
import { list } from '../commands/list.js';
import { plan } from '../commands/plan.js';
import { rehearse } from '../commands/rehearse.js';
import { rehearseInventory } from '../commands/rehearse-inventory.js';
import { defaultJournalPath, restore } from '../commands/restore.js';
import { verify } from '../commands/verify.js';
import { InputError, OperationError } from '../errors.js';
import type { NodeAccess } from '../nodes/access.js';
import type { Progress } from '../progress.js';
import { useGitHubToken } from '../stores/artifact.js';
import { type ActionSettings, readSettings } from './inputs.js';
import { type SecretFiles, writeSecretFiles } from './secrets.js';
import { writeSummary } from './summary.js';

let groupDepth = 0;

/**
 * Progress in the runner's log: top-level phases as log groups (the runner cannot nest them,
 * so inner phases are lines with their timing), secrets masked by the runner.
 */
export const actionProgress: Progress = {
  info: (m) => core.info(m),
  warn: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  async phase(name, work) {
    if (groupDepth > 0) {
      const t0 = Date.now();
      core.info(`▶ ${name}`);
      const result = await work();
      core.info(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      return result;
    }
    groupDepth++;
    try {
      return await core.group(name, work);
    } finally {
      groupDepth--;
    }
  },
  secret: (v) => core.setSecret(v),
};

function accessWithFiles(settings: ActionSettings, files: SecretFiles): NodeAccess {
  return {
    ...settings.access,
    sshKey: undefined,
    sshKeyFile: files.sshKeyFile,
    knownHosts: files.knownHostsFile,
  };
}

/**
 * With broken hosts named in the inputs, recovery reads the inventory Kubespray's runbook
 * asks for (broken hosts copied into broken_etcd / broken_kube_control_plane); else the probe decides.
 */
async function recoveryInventory(
  settings: ActionSettings,
  files: SecretFiles,
  ctx: CommandContext,
): Promise<string> {
  const inventory = settings.inventory!;
  if (settings.brokenEtcd.length === 0 && settings.brokenControlPlane.length === 0)
    return inventory;
  const output = join(files.dir, `recovery-${basename(inventory)}`);
  await inventoryRecover(
    {
      inventory,
      brokenEtcd: settings.brokenEtcd,
      brokenControlPlane: settings.brokenControlPlane,
      extraVars: [],
      output,
    },
    ctx,
  );
  ctx.progress.info(`Broken hosts from the inputs: recovery reads ${output}.`);
  return output;
}

/** Dispatches the selected command; returns its result for outputs and the summary. */
export async function dispatch(settings: ActionSettings, files: SecretFiles): Promise<unknown> {
  const ctx: CommandContext = { progress: actionProgress, workDir: files.dir };
  const access = accessWithFiles(settings, files);
  const identityFiles = files.identityFile ? [files.identityFile] : [];
  switch (settings.command) {
    case 'backup': {
      const r = await backup(
        {
          inventory: settings.inventory,
          access,
          dest: settings.destination!,
          encryptTo: settings.encryptTo,
          compress: settings.compress,
          fingerprint: settings.fingerprint,
          keep: settings.keep,
          keepHourly: settings.keepHourly,
          keepDaily: settings.keepDaily,
          keepWeekly: settings.keepWeekly,
          clusterName: settings.clusterName,
          s3: settings.s3,
          etcdOnly: settings.etcdOnly,
          signKey: files.signKeyFile,
        },
        ctx,
      );
      core.setOutput('backup-path', r.backupPath);
      core.setOutput('snapshot-revision', String(r.snapshotRevision));
      core.setOutput('snapshot-sha256', r.snapshotSha256);
      return r;
    }
    case 'list':
      return list(settings.destination!, ctx, settings.s3);
    case 'verify':
      return verify(
        {
          backup: settings.backup!,
          identityFiles,
          trustedSigners: files.trustedSignersFile,
          deep: settings.deep,
          s3: settings.s3,
        },
        ctx,
      );
    case 'plan': {
      const r = await plan(
        {
          inventory: await recoveryInventory(settings, files, ctx),
          access,
          backup: settings.backup,
          identityFiles,
          trustedSigners: files.trustedSignersFile,
          strategy: settings.strategy,
          force: settings.force,
          removeHosts: settings.removeHosts,
          ...(settings.probeTimeoutS ? { probeTimeoutMs: settings.probeTimeoutS * 1000 } : {}),
          s3: settings.s3,
          // The plan file outlives this step (upload-artifact reads it); the post step only
          // removes the secrets' temp dir.
          out:
            settings.planFile ??
            join(process.env.RUNNER_TEMP ?? files.dir, 'kube-rescue-plan.json'),
        },
        ctx,
      );
      core.setOutput('plan-json', JSON.stringify(r));
      core.setOutput('plan-file', r.planFilePath ?? '');
      core.setOutput('plan-sha256', r.planSha256);
      return r;
    }
    case 'restore': {
      if (!settings.confirm) {
        throw new InputError(
          "Command 'restore' changes the cluster: set input 'confirm: true' (after reading the plan) to run it.",
        );
      }
      const r = await restore(
        {
          inventory: await recoveryInventory(settings, files, ctx),
          // A runner is thrown away: the journal is kept in the store (beside the backup set by
          // default), so a re-run on the next runner resumes. Without a store it stays beside
          // the user's inventory, not in the temp dir the post step removes.
          journal: defaultJournalPath(settings.inventory!),
          journalStore: settings.journal ?? 'backup',
          planFile: settings.planFile,
          planSha256: settings.planSha256,
          access,
          backup: settings.backup,
          identityFiles,
          trustedSigners: files.trustedSignersFile,
          strategy: settings.strategy,
          force: settings.force,
          removeHosts: settings.removeHosts,
          ...(settings.probeTimeoutS ? { probeTimeoutMs: settings.probeTimeoutS * 1000 } : {}),
          s3: settings.s3,
          yes: true,
        },
        ctx,
      );
      core.setOutput('plan-json', JSON.stringify(r.plan));
      if (r.planSha256) core.setOutput('plan-sha256', r.planSha256);
      return r;
    }
    case 'inventory':
      return inventoryRecover(
        {
          inventory: settings.inventory!,
          brokenEtcd: settings.brokenEtcd,
          brokenControlPlane: settings.brokenControlPlane,
          extraVars: [],
        },
        ctx,
      );
    case 'rehearse':
      // With an inventory: the dress rehearsal of that cluster (src/commands/rehearse-inventory.ts).
      if (settings.inventory) {
        return rehearseInventory(
          {
            inventory: settings.inventory,
            backup: settings.backup,
            identityFiles,
            trustedSigners: files.trustedSignersFile,
            brokenEtcd: settings.brokenEtcd,
            brokenControlPlane: settings.brokenControlPlane,
            removeHosts: settings.removeHosts,
            // The backup's etcd decides; the input (default 3.6) only without a backup.
            ...(settings.backup ? {} : { etcdVersion: settings.etcdVersion }),
            strategy: settings.strategy,
            report: settings.report,
          },
          ctx,
        );
      }
      return rehearse(
        {
          provider: settings.provider,
          etcdVersion: settings.etcdVersion,
          scenarios: settings.scenarios.length ? settings.scenarios : undefined,
          report: settings.report,
          keys: 2000,
        },
        ctx,
      );
  }
}

/** The action's whole run: never throws; failures go to core.setFailed and an annotation. */
export async function run(): Promise<void> {
  let command = '';
  try {
    const settings = readSettings();
    command = settings.command;
    useGitHubToken(settings.githubToken);
    const files = await writeSecretFiles(settings);
    const result = await dispatch(settings, files);
    core.setOutput('result', JSON.stringify(result));
    await writeSummary(settings.command, result);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A failed verification or rehearsal carries its report: show it too.
    if (err instanceof OperationError && 'result' in err) {
      core.setOutput('result', JSON.stringify(err.result));
      await writeSummary(command || 'action', err.result, true).catch(() => {});
    }
    core.error(message, { title: `kube-rescue ${command || 'action'} failed` });
    core.setFailed(message);
  }
}
