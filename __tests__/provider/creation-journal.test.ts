import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fsPromises from 'node:fs/promises';
import { CreationJournal } from '../../lib/provider/creation-journal';

// The real functions, counted: how many file operations a refresh costs is part of the contract.
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return { ...actual, unlink: jest.fn(actual.unlink), readdir: jest.fn(actual.readdir) };
});

describe('the creation journal of a working directory', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'journal-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('a started create is found again by a later process in the same folder', async () => {
    const entry = await new CreationJournal(folder).begin('cn-hangzhou', 'bot-1');
    expect(await new CreationJournal(folder).find('cn-hangzhou', 'bot-1')).toEqual(entry);
  });

  test('a create started again under the same name keeps the token, since the first may have landed', async () => {
    const first = await new CreationJournal(folder).begin('cn-hangzhou', 'bot-1');
    const again = await new CreationJournal(folder).begin('cn-hangzhou', 'bot-1');
    expect(again.token).toBe(first.token);
    expect(await new CreationJournal(folder).find('cn-hangzhou', 'bot-1')).toEqual(again);
  });

  test('creates under other names, or after the entry was settled, get new tokens', async () => {
    const journal = new CreationJournal(folder);
    const first = await journal.begin('cn-hangzhou', 'bot-1');
    expect((await journal.begin('cn-hangzhou', 'bot-2')).token).not.toBe(first.token);
    await journal.settle('cn-hangzhou', 'bot-1');
    expect((await journal.begin('cn-hangzhou', 'bot-1')).token).not.toBe(first.token);
  });

  test('another folder, another region or another name knows nothing of it', async () => {
    await new CreationJournal(folder).begin('cn-hangzhou', 'bot-1');
    expect(await new CreationJournal(join(folder, 'other')).find('cn-hangzhou', 'bot-1')).toBeUndefined();
    expect(await new CreationJournal(folder).find('cn-shanghai', 'bot-1')).toBeUndefined();
    expect(await new CreationJournal(folder).find('cn-hangzhou', 'bot-2')).toBeUndefined();
  });

  test('settling forgets the entry', async () => {
    const journal = new CreationJournal(folder);
    await journal.begin('cn-hangzhou', 'bot-1');
    await journal.settle('cn-hangzhou', 'bot-1');
    expect(await journal.find('cn-hangzhou', 'bot-1')).toBeUndefined();
  });

  test('settling names with no entry touches no file: one directory read for the whole refresh', async () => {
    const journal = new CreationJournal(folder);
    await new CreationJournal(folder).begin('cn-hangzhou', 'bot-7');
    const unlink = jest.mocked(fsPromises.unlink);
    const readdir = jest.mocked(fsPromises.readdir);
    unlink.mockClear();
    readdir.mockClear();
    await Promise.all(Array.from({ length: 300 }, (_, i) => journal.settle('cn-hangzhou', `bot-${i}`)));
    expect(unlink).toHaveBeenCalledTimes(1);
    expect(readdir).toHaveBeenCalledTimes(1);
    expect(readdirSync(folder)).toEqual([]);
  });

  test('an entry written by this process after it listed the folder is still settled', async () => {
    const journal = new CreationJournal(folder);
    await journal.settle('cn-hangzhou', 'bot-1');
    await journal.begin('cn-hangzhou', 'bot-1');
    await journal.settle('cn-hangzhou', 'bot-1');
    expect(await new CreationJournal(folder).find('cn-hangzhou', 'bot-1')).toBeUndefined();
  });

  test('a damaged entry counts as none', async () => {
    const journal = new CreationJournal(folder);
    await journal.begin('cn-hangzhou', 'bot-1');
    writeFileSync(join(folder, 'cn-hangzhou.bot-1.json'), '{"token":');
    expect(await journal.find('cn-hangzhou', 'bot-1')).toBeUndefined();
  });

  test('entries older than 30 days are pruned when the next create starts', async () => {
    const journal = new CreationJournal(folder);
    await journal.begin('cn-hangzhou', 'old');
    const longAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    utimesSync(join(folder, 'cn-hangzhou.old.json'), longAgo, longAgo);
    await new CreationJournal(folder).begin('cn-hangzhou', 'new');
    expect(readdirSync(folder)).toEqual(['cn-hangzhou.new.json']);
  });

  test('a folder that cannot be written still yields a token, so the create goes ahead', async () => {
    const blocked = join(folder, 'blocked');
    writeFileSync(blocked, 'a file where the journal folder would go');
    const entry = await new CreationJournal(join(blocked, 'journal')).begin('cn-hangzhou', 'bot-1');
    expect(entry.token).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('the journal lives under TF_DATA_DIR of the working directory, else .terraform', () => {
    expect(CreationJournal.forWorkingDirectory({}, '/w').directory).toBe('/w/.terraform/oos-chat-configuration-creates');
    expect(CreationJournal.forWorkingDirectory({ TF_DATA_DIR: '/data' }, '/w').directory).toBe('/data/oos-chat-configuration-creates');
  });
});
