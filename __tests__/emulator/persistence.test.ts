/** State survives a restart, and the data file is replaced atomically after every change. */
import fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RunningEmulator, startEmulator } from '../../lib/emulator';
import { regionCaller } from './signed-client';

let directory: string;
let dataFile: string;
const running: RunningEmulator[] = [];

async function start(): Promise<{ emulator: RunningEmulator; call: ReturnType<typeof regionCaller> }> {
  const emulator = await startEmulator({ dataFile });
  running.push(emulator);
  return { emulator, call: regionCaller(emulator) };
}

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'oos-emulator-persistence-'));
  dataFile = path.join(directory, 'nested', 'state.json');
});

afterEach(async () => {
  jest.restoreAllMocks();
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
  fs.rmSync(directory, { recursive: true, force: true });
});

it('keeps chat configurations, secret parameters and tags across a restart', async () => {
  const first = await start();
  await first.call('CreateChatConfiguration', { Name: 'kept', Type: 'DingTalk', Configuration: '{"DingTalkClientSecret":"s1"}' });
  await first.call('TagResources', { ResourceType: 'chatconfiguration', ResourceIds: '["kept"]', Tags: '{"env":"dev"}' });
  await first.call('CreateSecretParameter', { Name: 'kept-secret', Value: 'v1' });
  await first.emulator.close();

  const second = await start();
  expect((await second.call('GetChatConfiguration', { Name: 'kept' })).body.ChatConfiguration.Type).toBe('DingTalk');
  const tags = await second.call('ListTagResources', { ResourceType: 'chatconfiguration' });
  expect(tags.body.TagResources.TagResource).toEqual([{ ResourceId: 'kept', ResourceType: 'chatconfiguration', TagKey: 'env', TagValue: 'dev' }]);
  const secret = await second.call('GetSecretParameter', { Name: 'kept-secret', WithDecryption: 'true' });
  expect(secret.body.Parameter.Value).toBe('v1');
});

it('has written the change to disk before it answers', async () => {
  const { call } = await start();
  await call('CreateChatConfiguration', { Name: 'durable', Type: 'WeChat' });
  const saved = JSON.parse(fs.readFileSync(dataFile, 'utf8'));
  expect(saved.regions[0].chatConfigurations[0].name).toBe('durable');
});

it('writes through a temporary file and a rename, leaving no temporary file behind', async () => {
  const renames = jest.spyOn(fs, 'renameSync');
  const { call } = await start();
  await call('CreateChatConfiguration', { Name: 'renamed', Type: 'WeChat' });
  expect(renames).toHaveBeenCalledWith(expect.stringMatching(/state\.json\.\d+\.tmp$/), dataFile);
  expect(fs.readdirSync(path.dirname(dataFile))).toEqual(['state.json', 'state.json.lock']);
});

it('leaves the previous file intact and rolls the change back when the write fails', async () => {
  const { call } = await start();
  await call('CreateChatConfiguration', { Name: 'before', Type: 'DingTalk' });
  const before = fs.readFileSync(dataFile, 'utf8');

  jest.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
    throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
  });
  const failed = await call('CreateChatConfiguration', { Name: 'lost', Type: 'DingTalk' });
  expect(failed.status).toBe(500);
  expect(failed.body.Code).toBe('InternalError');

  expect(fs.readFileSync(dataFile, 'utf8')).toBe(before);
  expect(fs.readdirSync(path.dirname(dataFile))).toEqual(['state.json', 'state.json.lock']);
  expect((await call('GetChatConfiguration', { Name: 'lost' })).status).toBe(404);
});

it('creates the data file with owner-only permissions, since it holds secrets', async () => {
  const { call } = await start();
  await call('CreateSecretParameter', { Name: 'private', Value: 'v' });
  expect(fs.statSync(dataFile).mode & 0o777).toBe(0o600);
});

it('refuses to start on a data file that is not emulator data', async () => {
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  fs.writeFileSync(dataFile, 'not json');
  await expect(startEmulator({ dataFile })).rejects.toThrow(/not valid emulator data/);
  expect(fs.readFileSync(dataFile, 'utf8')).toBe('not json');
});

describe('one emulator per data file', () => {
  it('refuses a second emulator on the same data file while the first runs, naming the file and the fix', async () => {
    await start();
    await expect(startEmulator({ dataFile })).rejects.toThrow(/state\.json is in use by another emulator \(pid \d+, this process\).*another --data file/);
  });

  it('refuses a file held by another running process', async () => {
    fs.mkdirSync(path.dirname(dataFile), { recursive: true });
    // The parent of this test process runs as long as the test does.
    fs.writeFileSync(`${dataFile}.lock`, `${process.ppid}\n`);
    await expect(startEmulator({ dataFile })).rejects.toThrow(new RegExp(`in use by another emulator \\(pid ${process.ppid}\\)`));
  });

  it('lets the file go on close, and takes over a lock whose process is gone (a killed emulator)', async () => {
    const first = await start();
    await first.emulator.close();
    expect(fs.existsSync(`${dataFile}.lock`)).toBe(false);
    fs.writeFileSync(`${dataFile}.lock`, '2147483646\n');
    const second = await start();
    expect((await second.call('ListChatConfigurations', {})).status).toBe(200);
  });
});
