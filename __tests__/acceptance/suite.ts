/**
 * The acceptance suite, as Terraform providers ship one: the real terraform binary and this
 * provider against OOS, through a bot's whole life — create, update in place, tags (as `tagging`
 * decides), drift, secret rotation, import, delete — with configurations named acc-<random>-…
 * that are removed afterwards even when a step fails.
 *
 * `CHATOPS_ACCEPTANCE=1 npm run test:acceptance` runs it against the account and region of the
 * usual variables; `npm test` runs it against the strict emulator. Where OOS's behaviour is not
 * documented (tags on chat configurations, unknown Configuration keys) the suite accepts either
 * documented outcome of the provider and records which one happened: the findings a first real
 * run reports back (docs/acceptance.md).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, TerraformWorkspace, oosProviderConfig } from '../../lib/tooling';
import { sweepChatConfigurations } from '../../lib/tooling/sweep';
import { type AcceptanceTarget, type EmulatorProfile, acceptanceTarget } from './target';

interface Findings {
  target: string;
  region: string;
  /** Whether tags on chat configurations work with the provider's tag_resource_type. */
  tagsAccepted?: boolean;
  /** Whether OOS accepted and kept the TerraformCreationToken key. */
  creationToken?: 'kept' | 'dropped' | 'refused';
  /** Whether a masked secret ("******") in an update kept the stored secret. */
  maskedSecretKept?: boolean;
  /** OOS error codes seen in terraform's output. */
  errorCodes: string[];
}

/**
 * Defines the suite; `profile` is the emulator's when the suite does not run against the cloud
 * (CHATOPS_ACCEPTANCE=1 runs it once, against the OOS of the usual variables).
 */
export function defineAcceptanceSuite(profile: EmulatorProfile): void {
  let target: AcceptanceTarget;
  let workspace: TerraformWorkspace;
  const findings: Findings = { target: '', region: '', errorCodes: [] };
  const provider = { tagging: 'auto', creation_token: true };
  let secretVersion = 1;
  let clientId = 'acc-client-1';
  let tags: Record<string, string> = { Team: 'acceptance' };
  const outputs: string[] = [];

  const name = (suffix: string) => `${target.prefix}${suffix}`;

  function config(options: { withImported?: boolean; bots?: boolean } = {}) {
    const base = oosProviderConfig({ ...provider, owner: `acceptance/${target.prefix}` });
    if (options.bots === false) return base;
    return {
      ...base,
      variable: { client_secret: { type: 'string', sensitive: true, ephemeral: true } },
      resource: {
        oos_chat_configuration: {
          bot: {
            name: name('bot'),
            type: 'DingTalk',
            template_id: 'acc-template.schema',
            client_id: clientId,
            client_secret_wo: '${var.client_secret}',
            client_secret_wo_version: secretVersion,
            tags,
          },
          ...(options.withImported
            ? { imported: { name: name('imported'), type: 'DingTalk', template_id: 'acc-imported.schema', client_id: 'acc-imported' } }
            : {}),
        },
      },
      ...(options.withImported ? { import: [{ to: 'oos_chat_configuration.imported', id: name('imported') }] } : {}),
    };
  }

  /** Runs terraform, keeping its output for the error codes it names. */
  async function terraform(args: string[]) {
    const result = await workspace.run([...args, '-input=false', '-no-color'], { TF_VAR_client_secret: `acc-secret-${secretVersion}` });
    const output = (result.stdout + result.stderr).replace(/[│\s]+/g, ' ');
    outputs.push(output);
    return { code: result.code, output };
  }

  const apply = () => terraform(['apply', '-auto-approve']);
  const planCode = async () => (await terraform(['plan', '-detailed-exitcode'])).code;
  async function plannedActions(): Promise<string[]> {
    const planned = await terraform(['plan', '-out=acc.tfplan']);
    expect(planned.code).toBe(0);
    const plan = await workspace.showPlan('acc.tfplan');
    return plan.resourceChanges.filter((c) => c.kind !== 'no-op').map((c) => `${c.address}:${c.actions.join('+')}`);
  }

  beforeAll(async () => {
    target = await acceptanceTarget(profile);
    findings.target = target.kind;
    findings.region = target.client.regionId;
    workspace = await TerraformWorkspace.temporary({ env: target.env, prefix: 'oos-acceptance-' });
    workspace.writeConfig(config({ bots: false }));
    await workspace.init();
  });

  afterAll(async () => {
    // Clean-up whatever happened above: Terraform's own destroy, then anything named for this run.
    try {
      if (workspace) {
        workspace.writeConfig(config({ bots: false }));
        await terraform(['apply', '-auto-approve']);
      }
    } finally {
      if (target) {
        const swept = await sweepChatConfigurations(target.client, target.prefix);
        findings.errorCodes = [...new Set(outputs.flatMap((output) => output.match(/\b[A-Z][A-Za-z]+(?:\.[A-Za-z]+)+(?= \(HTTP| \[RequestId)/g) ?? []))];
        const report = JSON.stringify({ ...findings, leftoversSwept: swept.deleted.length }, null, 2);
        process.stdout.write(`acceptance findings (${target.kind}):\n${report}\n`);
        if (target.kind === 'cloud') writeFileSync(join(PACKAGE_ROOT, 'acceptance-report.json'), `${report}\n`);
        await target.close();
      }
      workspace?.dispose();
    }
  });

  test('tags: with tagging = "auto" the plan says, before anything exists, whether OOS holds tags on chat configurations', async () => {
    workspace.writeConfig(config());
    const plan = await terraform(['plan']);
    if (plan.code === 0) findings.tagsAccepted = true;
    else {
      expect(plan.output).toMatch(/Chat configuration tags are not supported here.*tagging = "off"/);
      findings.tagsAccepted = false;
      provider.tagging = 'off';
    }
    expect(await target.client.listChatConfigurations([{ name: 'Name', value: target.prefix }])).toHaveLength(0);
  });

  test('create: the bot exists with its webhook URL; the creation token is kept, or refused with a message naming creation_token', async () => {
    workspace.writeConfig(config());
    let created = await apply();
    if (created.code !== 0) {
      expect(created.output).toMatch(/set creation_token = false/);
      expect(await target.client.listChatConfigurations([{ name: 'Name', value: target.prefix }])).toHaveLength(0);
      findings.creationToken = 'refused';
      provider.creation_token = false;
      workspace.writeConfig(config());
      created = await apply();
    }
    expect(created.code).toBe(0);
    const remote = await target.client.getChatConfiguration(name('bot'));
    findings.creationToken ??= 'TerraformCreationToken' in remote.configuration ? 'kept' : 'dropped';
    const state = await workspace.state();
    const bot = state.values?.root_module.resources?.find((r) => r.address === 'oos_chat_configuration.bot');
    expect(bot?.values.webhook_url).toBe(remote.outputs.URL);
    expect(JSON.stringify(state)).not.toContain('TerraformCreationToken');
    expect(await planCode()).toBe(0);
  });

  test('update in place: a changed client id is an update, never a replacement, and the webhook URL stays', async () => {
    const before = await target.client.getChatConfiguration(name('bot'));
    clientId = 'acc-client-2';
    workspace.writeConfig(config());
    expect(await plannedActions()).toEqual(['oos_chat_configuration.bot:update']);
    expect((await apply()).code).toBe(0);
    const after = await target.client.getChatConfiguration(name('bot'));
    expect(after.configuration.DingTalkClientId).toBe('acc-client-2');
    expect(after.outputs.URL).toBe(before.outputs.URL);
    expect(after.createdDate).toBe(before.createdDate);
  });

  test('tags: changed tags reach OOS where it holds them; with tagging = "off" they stay in Terraform and plan no changes', async () => {
    tags = { Team: 'acceptance', Stage: 'tags' };
    workspace.writeConfig(config());
    const applied = await apply();
    expect(applied.code).toBe(0);
    if (findings.tagsAccepted) expect(await target.client.getChatConfigurationTags(name('bot'))).toEqual(tags);
    else expect(applied.output).toMatch(/Tags are not sent to OOS/);
    expect(await planCode()).toBe(0);
  });

  test('drift: a change made outside Terraform shows in the next plan, and the apply puts it back', async () => {
    const remote = await target.client.getChatConfiguration(name('bot'));
    await target.client.updateChatConfiguration({
      name: name('bot'),
      type: 'DingTalk',
      configuration: { ...remote.configuration, DingTalkTemplateId: 'changed-by-hand.schema' },
    });
    findings.maskedSecretKept = (await target.client.getChatConfiguration(name('bot'))).configuration.DingTalkClientSecret === '******';
    expect(await plannedActions()).toEqual(['oos_chat_configuration.bot:update']);
    expect((await apply()).code).toBe(0);
    expect((await target.client.getChatConfiguration(name('bot'))).configuration.DingTalkTemplateId).toBe('acc-template.schema');
    expect(await planCode()).toBe(0);
  });

  test('secret rotation: a new client_secret_wo_version sends the new secret with an in-place update', async () => {
    const before = await target.client.getChatConfiguration(name('bot'));
    secretVersion = 2;
    workspace.writeConfig(config());
    expect(await plannedActions()).toEqual(['oos_chat_configuration.bot:update']);
    const applied = await apply();
    expect(applied.code).toBe(0);
    expect(applied.output).not.toContain('acc-secret-2');
    const after = await target.client.getChatConfiguration(name('bot'));
    expect(after.outputs.URL).toBe(before.outputs.URL);
    expect(await planCode()).toBe(0);
  });

  test('import: a configuration made outside Terraform is adopted by name with an import block, then plans no changes', async () => {
    await target.client.createChatConfiguration({
      name: name('imported'),
      type: 'DingTalk',
      configuration: { DingTalkTemplateId: 'acc-imported.schema', DingTalkClientId: 'acc-imported' },
    });
    workspace.writeConfig(config({ withImported: true }));
    const imported = await apply();
    expect(imported.code).toBe(0);
    expect(imported.output).toMatch(/1 imported/);
    expect(await planCode()).toBe(0);
  });

  test('delete: configurations removed from the code are deleted in OOS', async () => {
    workspace.writeConfig(config({ bots: false }));
    expect((await apply()).code).toBe(0);
    expect(await target.client.listChatConfigurations([{ name: 'Name', value: target.prefix }])).toHaveLength(0);
  });
}
