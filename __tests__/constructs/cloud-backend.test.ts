import { synthJson, testStack } from './fixtures';

describe('ChatOpsStack with the HCP Terraform / Terraform Enterprise backend', () => {
  test('writes a cloud block with the organization and one workspace named after the stack on app.terraform.io', () => {
    const json = synthJson(testStack({ backend: { kind: 'cloud', organization: 'acme' } }, 'staging'));
    expect(json.terraform.cloud).toEqual({ hostname: 'app.terraform.io', organization: 'acme', workspaces: { name: 'staging' } });
    expect(json.terraform.backend).toBeUndefined();
  });

  test('each stack of one app gets its own workspace', () => {
    const dev = synthJson(testStack({ backend: { kind: 'cloud', organization: 'acme' } }, 'dev'));
    const prod = synthJson(testStack({ backend: { kind: 'cloud', organization: 'acme' } }, 'prod'));
    expect([dev.terraform.cloud.workspaces.name, prod.terraform.cloud.workspaces.name]).toEqual(['dev', 'prod']);
  });

  test('Terraform Enterprise: hostname, workspace and project as given', () => {
    const json = synthJson(
      testStack({ backend: { kind: 'cloud', organization: 'acme', hostname: 'tfe.acme.example', workspace: 'chatops-prod', project: 'chatops' } }, 'prod'),
    );
    expect(json.terraform.cloud).toEqual({
      hostname: 'tfe.acme.example',
      organization: 'acme',
      workspaces: { name: 'chatops-prod', project: 'chatops' },
    });
  });

  test('no token is synthesised: it comes from TF_TOKEN_<host> or terraform login', () => {
    const json = synthJson(testStack({ backend: { kind: 'cloud', organization: 'acme' } }));
    expect(JSON.stringify(json.terraform.cloud)).not.toMatch(/token/i);
  });
});
