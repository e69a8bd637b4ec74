/** The store's change/rollback contract, held in memory or backed by a data file. */
import { EmulatorStore } from '../../lib/emulator/store';

function configuration(name: string) {
  return { name, type: 'DingTalk', configuration: {}, resourceGroupId: 'rg-1', createdDate: 'd', updatedDate: 'd' };
}

it('rolls back every edit of a change that throws, tag maps included', () => {
  const store = EmulatorStore.open();
  store.mutate((state) => {
    state.region('cn-hangzhou').chatConfigurations.set('kept', configuration('kept'));
    state.region('cn-hangzhou').editTags('chatconfiguration', 'kept').set('Team', 'a');
  });

  expect(() =>
    store.mutate((state) => {
      const region = state.region('cn-hangzhou');
      region.chatConfigurations.delete('kept');
      region.chatConfigurations.set('added', configuration('added'));
      region.editTags('chatconfiguration', 'kept').set('Team', 'changed');
      region.editTags('chatconfiguration', 'added').set('Team', 'b');
      throw new Error('refused half way');
    }),
  ).toThrow('refused half way');

  const region = store.region('cn-hangzhou');
  expect([...region.chatConfigurations.keys()]).toEqual(['kept']);
  expect(Object.fromEntries(region.tagsOf('chatconfiguration', 'kept'))).toEqual({ Team: 'a' });
  expect(region.tagsOf('chatconfiguration', 'added').size).toBe(0);
});

it('keeps a change once it returns, and later rollbacks go back only to it', () => {
  const store = EmulatorStore.open();
  store.mutate((state) => state.region('cn-hangzhou').editTags('chatconfiguration', 'a').set('Team', 'first'));
  store.mutate((state) => state.region('cn-hangzhou').editTags('chatconfiguration', 'a').set('Team', 'second'));
  expect(() =>
    store.mutate((state) => {
      state.region('cn-hangzhou').removeTags('chatconfiguration', 'a');
      throw new Error('no');
    }),
  ).toThrow('no');
  expect(Object.fromEntries(store.region('cn-hangzhou').tagsOf('chatconfiguration', 'a'))).toEqual({ Team: 'second' });
});
