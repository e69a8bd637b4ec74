/**
 * The real terraform binary (1.11.x, or TERRAFORM_BINARY) against the bundled echo provider, found
 * through a local mirror in terraform.d/plugins: proves handshake, mTLS, schema, plan and apply,
 * and that a write-only value never reaches the state file.
 */
import { TerraformWorkspace } from '../../lib/tooling';
import { bundleEchoProvider } from '../tfplugin/fixtures/echo-bundle';

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

describe('terraform init and apply with the echo provider', () => {
  let workspace: TerraformWorkspace;

  beforeAll(async () => {
    const bundle = await bundleEchoProvider();
    workspace = await TerraformWorkspace.temporary({
      provider: { type: 'echo', version: '0.0.1', bundle },
      env: { TF_VAR_secret: SECRET },
      prefix: 'echo-terraform-',
    });
    workspace.writeFile('main.tf', MAIN_TF);
  });

  afterAll(() => workspace?.dispose());

  const terraform = (...args: string[]) => workspace.expect([...args, '-no-color']);

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
    const state = workspace.readFile('terraform.tfstate');
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
