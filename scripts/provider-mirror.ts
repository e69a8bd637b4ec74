/**
 * `npx oos-provider-mirror <mirror-dir> [--cli-config <file>]`: puts this checkout's provider, the
 * release executable for this machine, into a filesystem mirror for plain HCL configurations, as
 * the stacks get it. Terraform checks it against the lock of the configuration (copy the committed
 * .terraform.lock.hcl beside your .tf files to pin exactly this build).
 */
import { relative } from 'node:path';
import { isLocked, layOutFilesystemMirror, LOCK_COMMAND, writeMirrorCliConfig } from '../lib/release';
import { releaseProvider } from '../lib/tooling';
import { parseArgs, runCli, UsageError } from './support/stack-commands';

const USAGE = `usage: oos-provider-mirror <mirror-dir> [--cli-config <file>]

Lays out the oos provider's release archive in <mirror-dir> (Terraform's packed mirror layout).
  <mirror-dir> = ./terraform.d/plugins   makes it the implied local mirror of the configuration in "."
  --cli-config <file>                    also writes a Terraform CLI config using <mirror-dir>
                                         as a filesystem_mirror (export TF_CLI_CONFIG_FILE=<file>)`;

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseArgs(args, { values: ['--cli-config'], switches: [] }, USAGE);
  const mirrorDir = parsed.positional[0];
  if (!mirrorDir) throw new UsageError(`no mirror folder given.\n${USAGE}`);
  const { archive } = await releaseProvider();
  const folder = layOutFilesystemMirror([archive], mirrorDir);
  console.log(`provider ${archive.platform} ${archive.h1} laid out in ${relative(process.cwd(), folder) || '.'}`);
  if (!isLocked(archive)) console.error(`WARNING: this build is not in the committed .terraform.lock.hcl: run "${LOCK_COMMAND}".`);
  const configFile = parsed.values.get('--cli-config');
  if (configFile) {
    writeMirrorCliConfig(configFile, mirrorDir);
    console.log(`CLI config written: ${configFile}\n  export TF_CLI_CONFIG_FILE=${configFile}`);
  }
  return 0;
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
