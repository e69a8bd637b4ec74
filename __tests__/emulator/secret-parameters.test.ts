/** Secret parameters: versions, decryption on request, not-found and duplicate codes. */
import { type RunningEmulator, startEmulator } from '../../lib/emulator';
import { regionCaller } from './signed-client';

let emulator: RunningEmulator;
let call: ReturnType<typeof regionCaller>;

beforeAll(async () => {
  emulator = await startEmulator();
  call = regionCaller(emulator);
});

afterAll(async () => {
  await emulator.close();
});

describe('CreateSecretParameter', () => {
  it('returns the parameter at version 1 without its value', async () => {
    const response = await call('CreateSecretParameter', { Name: 'db/password', Value: 'hunter2', Description: 'db' });
    expect(response.status).toBe(200);
    expect(response.body.Parameter).toMatchObject({ Name: 'db/password', Type: 'Secret', ParameterVersion: 1, Description: 'db' });
    expect(response.body.Parameter.Id).toMatch(/^p-[0-9a-f]+$/);
    expect(response.body.Parameter).not.toHaveProperty('Value');
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
  });

  it('refuses a duplicate name with EntityAlreadyExists.Parameter (409)', async () => {
    await call('CreateSecretParameter', { Name: 'dup', Value: 'a' });
    const response = await call('CreateSecretParameter', { Name: 'dup', Value: 'b' });
    expect(response.status).toBe(409);
    expect(response.body.Code).toBe('EntityAlreadyExists.Parameter');
  });

  it('requires a Value', async () => {
    expect((await call('CreateSecretParameter', { Name: 'no-value' })).body.Code).toBe('MissingParameter.Value');
  });

  it('applies Tags given at creation', async () => {
    await call('CreateSecretParameter', { Name: 'with-tags', Value: 'v', Tags: '{"team":"ops"}' });
    const response = await call('GetSecretParameter', { Name: 'with-tags' });
    expect(response.body.Parameter.Tags).toEqual({ team: 'ops' });
  });
});

describe('GetSecretParameter', () => {
  beforeAll(async () => {
    await call('CreateSecretParameter', { Name: 'rotated', Value: 'first' });
    await call('UpdateSecretParameter', { Name: 'rotated', Value: 'second' });
  });

  it('returns the decrypted current value with WithDecryption=true', async () => {
    const { body } = await call('GetSecretParameter', { Name: 'rotated', WithDecryption: 'true' });
    expect(body.Parameter).toMatchObject({ Value: 'second', ParameterVersion: 2 });
  });

  it('returns a placeholder instead of the value without WithDecryption', async () => {
    const { body } = await call('GetSecretParameter', { Name: 'rotated' });
    expect(body.Parameter.Value).toBe('******');
  });

  it('returns an older version on request', async () => {
    const { body } = await call('GetSecretParameter', { Name: 'rotated', WithDecryption: 'true', ParameterVersion: '1' });
    expect(body.Parameter).toMatchObject({ Value: 'first', ParameterVersion: 1 });
  });

  it('answers a version that never existed with 404', async () => {
    const response = await call('GetSecretParameter', { Name: 'rotated', ParameterVersion: '9' });
    expect(response.status).toBe(404);
    expect(response.body.Code).toBe('EntityNotExists.ParameterVersion');
  });

  it('answers a missing parameter with EntityNotExists.Parameter (404)', async () => {
    const response = await call('GetSecretParameter', { Name: 'missing' });
    expect(response.status).toBe(404);
    expect(response.body.Code).toBe('EntityNotExists.Parameter');
  });
});

describe('UpdateSecretParameter', () => {
  it('bumps ParameterVersion for a new Value', async () => {
    await call('CreateSecretParameter', { Name: 'bumped', Value: 'one' });
    const { body } = await call('UpdateSecretParameter', { Name: 'bumped', Value: 'two' });
    expect(body.Parameter.ParameterVersion).toBe(2);
  });

  it('keeps the version when only the Description changes', async () => {
    await call('CreateSecretParameter', { Name: 'described', Value: 'one' });
    const { body } = await call('UpdateSecretParameter', { Name: 'described', Description: 'new words' });
    expect(body.Parameter).toMatchObject({ ParameterVersion: 1, Description: 'new words' });
  });

  it('answers a missing parameter with 404', async () => {
    expect((await call('UpdateSecretParameter', { Name: 'missing', Value: 'x' })).body.Code).toBe('EntityNotExists.Parameter');
  });
});

describe('DeleteSecretParameter', () => {
  it('deletes the parameter and its tags', async () => {
    await call('CreateSecretParameter', { Name: 'short-lived', Value: 'v', Tags: '{"a":"b"}' });
    expect((await call('DeleteSecretParameter', { Name: 'short-lived' })).status).toBe(200);
    expect((await call('GetSecretParameter', { Name: 'short-lived' })).status).toBe(404);
    const tags = await call('ListTagResources', { ResourceType: 'secretparameter', ResourceIds: '["short-lived"]' });
    expect(tags.body.TagResources.TagResource).toEqual([]);
  });

  it('answers a missing parameter with 404', async () => {
    expect((await call('DeleteSecretParameter', { Name: 'missing' })).status).toBe(404);
  });
});

describe('CreateSecretParameter settings', () => {
  it('keeps KeyId and answers the default key when none is given', async () => {
    await call('CreateSecretParameter', { Name: 'own-key', Value: 'v', KeyId: 'key-0123' });
    await call('CreateSecretParameter', { Name: 'default-key', Value: 'v' });
    expect((await call('GetSecretParameter', { Name: 'own-key' })).body.Parameter.KeyId).toBe('key-0123');
    expect((await call('GetSecretParameter', { Name: 'default-key' })).body.Parameter.KeyId).toBe('alias/acs/oos');
  });

  it('keeps Constraints as sent and refuses a value that breaks them, without quoting it', async () => {
    const constraints = '{"MinLength":8,"AllowedPattern":"[a-z0-9]+"}';
    expect((await call('CreateSecretParameter', { Name: 'constrained', Value: 'abcdefgh', Constraints: constraints })).status).toBe(200);
    expect((await call('GetSecretParameter', { Name: 'constrained' })).body.Parameter.Constraints).toBe(constraints);
    const tooShort = await call('UpdateSecretParameter', { Name: 'constrained', Value: 'short' });
    expect(tooShort.body.Code).toBe('InvalidParameter.Value');
    expect(tooShort.body.Message).toContain('MinLength 8');
    expect(tooShort.body.Message).not.toContain('short');
    expect((await call('CreateSecretParameter', { Name: 'bad-pattern', Value: 'ABCDEFGHI', Constraints: constraints })).body.Code).toBe(
      'InvalidParameter.Value',
    );
  });

  it('refuses Constraints with a key OOS does not document', async () => {
    const response = await call('CreateSecretParameter', { Name: 'odd-constraints', Value: 'v', Constraints: '{"Minimum":1}' });
    expect(response.body.Code).toBe('InvalidParameter.Constraints');
  });

  it('answers a create repeated with its ClientToken like the first, and creates once', async () => {
    const first = await call('CreateSecretParameter', { Name: 'idempotent', Value: 'v', ClientToken: 'token-1' });
    const again = await call('CreateSecretParameter', { Name: 'idempotent', Value: 'v', ClientToken: 'token-1' });
    expect(again.status).toBe(200);
    expect(again.body.Parameter.Id).toBe(first.body.Parameter.Id);
    expect((await call('CreateSecretParameter', { Name: 'idempotent', Value: 'v', ClientToken: 'token-2' })).body.Code).toBe('EntityAlreadyExists.Parameter');
  });

  it('refuses a value longer than the documented 4096 characters', async () => {
    expect((await call('CreateSecretParameter', { Name: 'too-long', Value: 'x'.repeat(4097) })).body.Code).toBe('InvalidParameter.Value');
  });
});

describe('UpdateSecretParameter settings', () => {
  beforeAll(async () => {
    await call('CreateSecretParameter', { Name: 'movable', Value: 'v', Tags: '{"team":"ops"}' });
  });

  it('moves the parameter to another resource group without a new version', async () => {
    const { body } = await call('UpdateSecretParameter', { Name: 'movable', ResourceGroupId: 'rg-other01' });
    expect(body.Parameter).toMatchObject({ ResourceGroupId: 'rg-other01', ParameterVersion: 1 });
  });

  it('refuses a resource group id that is not one', async () => {
    expect((await call('UpdateSecretParameter', { Name: 'movable', ResourceGroupId: 'group-1' })).body.Code).toBe('InvalidParameter.ResourceGroupId');
  });

  it('adds and changes Tags without removing others', async () => {
    await call('UpdateSecretParameter', { Name: 'movable', Tags: '{"env":"dev"}' });
    expect((await call('GetSecretParameter', { Name: 'movable' })).body.Parameter.Tags).toEqual({ team: 'ops', env: 'dev' });
  });

  it('lets the tag API tag and untag secret parameters under ResourceType secretparameter', async () => {
    await call('TagResources', { ResourceType: 'secretparameter', ResourceIds: '["movable"]', Tags: '{"tier":"1"}' });
    await call('UntagResources', { ResourceType: 'secretparameter', ResourceIds: '["movable"]', TagKeys: '["team"]' });
    expect((await call('GetSecretParameter', { Name: 'movable' })).body.Parameter.Tags).toEqual({ env: 'dev', tier: '1' });
  });
});
