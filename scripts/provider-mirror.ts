/**
 * `npx oos-provider-mirror <mirror-dir> [--cli-config <file>]`: puts this checkout's provider, the
 * release executable for this machine, into a filesystem mirror for plain HCL configurations, as
 * the stacks get it. Terraform checks it against the lock of the configuration (copy the committed
 * .terraform.lock.hcl beside your .tf files to pin exactly this build).
 */
import { relative } from 'node:path';
import { defineCommand, runCommand } from '../lib/command-line';
import { isLocked, layOutFilesystemMirror, LOCK_COMMAND, writeMirrorCliConfig } from '../lib/release';
import { releaseProvider } from '../lib/tooling';

const PROVIDER_MIRROR = defineCommand({
  name: 'oos-provider-mirror',
  description: "Lays out the oos provider's release archive in <mirror-dir> (Terraform's packed mirror layout).",
  positionals: [
    {
      name: 'mirror-dir',
      description: 'the mirror folder; ./terraform.d/plugins makes it the implied local mirror\nof the configuration in "."',
    },
  ],
  options: {
    'cli-config': {
      type: 'string',
      value: 'file',
      description: 'also writes a Terraform CLI config using <mirror-dir> as a filesystem_mirror\n(export TF_CLI_CONFIG_FILE=<file>)',
    },
  },
});

void runCommand(PROVIDER_MIRROR, async ({ options, positionals: [mirrorDir] }) => {
  const { archive } = await releaseProvider();
  const folder = layOutFilesystemMirror([archive], mirrorDir);
  console.log(`provider ${archive.platform} ${archive.h1} laid out in ${relative(process.cwd(), folder) || '.'}`);
  if (!isLocked(archive)) console.error(`WARNING: this build is not in the committed .terraform.lock.hcl: run "${LOCK_COMMAND}".`);
  const configFile = options['cli-config'];
  if (configFile) {
    writeMirrorCliConfig(configFile, mirrorDir);
    console.log(`CLI config written: ${configFile}\n  export TF_CLI_CONFIG_FILE=${configFile}`);
  }
  return 0;
});
