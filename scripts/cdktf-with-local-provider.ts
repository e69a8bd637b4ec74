/**
 * `npm run diff|deploy|destroy -- <stack>`: the cdktf CLI against real Alibaba Cloud, with this
 * package's provider installed from a local mirror so nothing asks a registry for it.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { PACKAGE_ROOT, setUpLocalProvider, terraformBinary } from '../lib/tooling';

const COMMANDS = ['diff', 'deploy', 'destroy'];

function main(args: string[]): void {
  const [command, ...rest] = args;
  if (!COMMANDS.includes(command) || rest.filter((arg) => !arg.startsWith('-')).length === 0) {
    console.error(`usage: npm run ${COMMANDS.join('|')} -- <stack> [cdktf options]   (stacks: dev, staging, prod)`);
    process.exitCode = 2;
    return;
  }
  const { cliConfig } = setUpLocalProvider(path.join(process.cwd(), '.chatops'));
  // `terraform providers lock` ignores the CLI config's mirrors and would look up the provider's
  // (unresolvable) registry host, so cdktf must not run it; `terraform init` still locks from the mirror.
  // This package's own cdktf CLI, whatever folder the app is in.
  const cdktfBin = path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'cdktf');
  const cdktf = spawn(cdktfBin, [command, ...rest, '--skip-provider-lock'], {
    stdio: 'inherit',
    // cdktf names its terraform TERRAFORM_BINARY_NAME; this project's scripts say TERRAFORM_BINARY.
    env: {
      ...process.env,
      TERRAFORM_BINARY_NAME: process.env.TERRAFORM_BINARY_NAME ?? terraformBinary(),
      TF_CLI_CONFIG_FILE: cliConfig,
      CHECKPOINT_DISABLE: '1',
    },
  });
  cdktf.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

main(process.argv.slice(2));
