import { installFilesystemMirror, writeTerraformCliConfig } from './local-mirror';

const USAGE = `usage: oos-provider-mirror <mirror-dir> [--cli-config <file>]

Lays out the oos provider in <mirror-dir> (Terraform's unpacked mirror layout).
  <mirror-dir> = ./terraform.d/plugins   makes it an implied local mirror for the configuration in "."
  --cli-config <file>                    also writes a Terraform CLI config using <mirror-dir>
                                         as a filesystem_mirror (export TF_CLI_CONFIG_FILE=<file>)`;

function main(args: string[]): number {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  const mirrorDir = args[0];
  const configIndex = args.indexOf('--cli-config');
  const launcher = installFilesystemMirror(mirrorDir);
  console.log(`provider installed: ${launcher}`);
  if (configIndex >= 0) {
    const configFile = args[configIndex + 1];
    if (!configFile) {
      console.error('--cli-config needs a file name');
      return 2;
    }
    writeTerraformCliConfig(configFile, mirrorDir);
    console.log(`CLI config written: ${configFile}\n  export TF_CLI_CONFIG_FILE=${configFile}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
