/**
 * The real terraform binary (1.11.x) against the bundled echo provider, found through the
 * implied local mirror terraform.d/plugins: proves handshake, mTLS, schema, plan and apply,
 * and that a write-only value never reaches the state file.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleEchoProvider } from '../provider/protocol/fixtures/echo-bundle';

const run = promisify(execFile);
const TERRAFORM = process.env.TERRAFORM_BINARY ?? '/usr/local/bin/terraform';
const SECRET = 'wo-secret-never-in-state';

const MAIN_TF = `
terraform {
  required_providers {
    echo = { source = "oos-chatops.local/chatops/echo" }
  }
}

provider "echo" {
  prefix = "> "
}

variable "secret" {
  type      = string
  ephemeral = true
}

resource "echo" "hello" {
  message        = "hello"
  tags           = { team = "chatops" }
  secret_wo      = var.secret
  secret_version = 1
  rule {
    name     = "first"
    priority = 1
  }
}

data "echo" "shout" {
  input = echo.hello.echoed
}

output "echoed" { value = echo.hello.echoed }
output "shout" { value = data.echo.shout.output }
output "secret_received" { value = echo.hello.secret_received }
`;

const describeWithTerraform = existsSync(TERRAFORM) ? describe : describe.skip;

describeWithTerraform('terraform init and apply with the echo provider', () => {
  let workdir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const bundle = await bundleEchoProvider();
    workdir = mkdtempSync(join(tmpdir(), 'echo-terraform-'));
    const pluginDir = join(workdir, 'terraform.d/plugins/oos-chatops.local/chatops/echo/0.0.1/linux_amd64');
    mkdirSync(pluginDir, { recursive: true });
    const launcher = join(pluginDir, 'terraform-provider-echo_v0.0.1');
    writeFileSync(launcher, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bundle)} "$@"\n`);
    chmodSync(launcher, 0o755);
    writeFileSync(join(workdir, 'main.tf'), MAIN_TF);
    writeFileSync(join(workdir, 'cli.tfrc'), '');
    env = {
      PATH: process.env.PATH,
      HOME: workdir,
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_CLI_CONFIG_FILE: join(workdir, 'cli.tfrc'),
      TF_VAR_secret: SECRET,
    };
  });

  afterAll(() => {
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  const terraform = (...args: string[]) => run(TERRAFORM, [...args, '-no-color'], { cwd: workdir, env, timeout: 60_000 });

  test('init installs the provider from terraform.d/plugins without the network', async () => {
    const { stdout } = await terraform('init', '-input=false');
    expect(stdout).toContain('Installing oos-chatops.local/chatops/echo v0.0.1');
    expect(stdout).toContain('Terraform has been successfully initialized!');
  });

  test('apply creates the resource, reads the data source and fills the computed values', async () => {
    const { stdout } = await terraform('apply', '-auto-approve', '-input=false');
    expect(stdout).toContain('secret_wo       = (write-only attribute)');
    expect(stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(stdout).toContain('echoed = "> hello"');
    expect(stdout).toContain('shout = "> HELLO"');
    expect(stdout).toContain('secret_received = true');
  });

  test('the write-only secret is nowhere in the state file', () => {
    const state = readFileSync(join(workdir, 'terraform.tfstate'), 'utf8');
    expect(state).toContain('"echoed": "\\u003e hello"');
    expect(state).not.toContain(SECRET);
  });

  test('a second plan shows no changes', async () => {
    const { stdout } = await terraform('plan', '-input=false', '-detailed-exitcode');
    expect(stdout).toContain('No changes.');
  });

  test('destroy removes it', async () => {
    const { stdout } = await terraform('destroy', '-auto-approve', '-input=false');
    expect(stdout).toContain('Destroy complete! Resources: 1 destroyed.');
  });
});
