/** The plan and apply the kit derives from what attributes declare, on a small widget resource. */
import { defineSchema } from '../../../lib/tfplugin/model';
import { IncompleteApplyError, defineResource } from '../../../lib/tfplugin/resource';
import { ObjectValue, UNKNOWN, isUnknown } from '../../../lib/tfplugin/schema';

const widgetSchema = defineSchema({
  version: 0,
  block: {
    attributes: {
      name: { type: 'string', required: true, requiresReplace: true, description: 'Replaces on change.' },
      size: { type: 'number', optional: true, description: 'Updated in place.' },
      secret_wo: { type: 'string', optional: true, writeOnly: true, description: 'Write-only.' },
      id: { type: 'string', computed: true, useStateForUnknown: true, description: 'Kept on update.' },
      revision: { type: 'number', computed: true, description: 'Changes on every update.' },
    },
  },
});

const widget = defineResource({
  name: 'widget',
  schema: widgetSchema,
  create: async () => ({ values: { id: 'w-1', revision: 1 } }),
  update: async ({ prior }) => ({ values: { revision: (prior.revision ?? 0) + 1 } }),
  delete: async () => undefined,
  read: async ({ state }) => ({ state }),
  importState: async (id) => ({ state: { id, name: id } }),
});

const config = (values: ObjectValue): ObjectValue => ({ name: 'a', size: null, secret_wo: null, id: null, revision: null, ...values });
const prior = config({ id: 'w-1', revision: 1 });
const plan = (priorState: ObjectValue | null, proposed: ObjectValue, configured = proposed) =>
  widget.plan({ priorState, proposedNewState: proposed, config: configured, priorPrivate: Buffer.alloc(0) });

test('a create plans computed attributes unknown and write-only ones null', async () => {
  const { plannedState } = await plan(null, config({ secret_wo: 's' }));
  expect(isUnknown(plannedState?.id)).toBe(true);
  expect(isUnknown(plannedState?.revision)).toBe(true);
  expect(plannedState?.secret_wo).toBeNull();
});

test('an update keeps useStateForUnknown attributes and plans the others unknown', async () => {
  const { plannedState, requiresReplace } = await plan(prior, { ...prior, size: 2 }, config({ size: 2 }));
  expect(plannedState?.id).toBe('w-1');
  expect(isUnknown(plannedState?.revision)).toBe(true);
  expect(requiresReplace).toBeUndefined();
});

test('no change plans the prior state unchanged', async () => {
  const { plannedState } = await plan(prior, prior, config({}));
  expect(plannedState).toEqual(prior);
});

test('a change of a requiresReplace attribute plans a replacement, computed values unknown', async () => {
  const { plannedState, requiresReplace } = await plan(prior, { ...prior, name: 'b' }, config({ name: 'b' }));
  expect(requiresReplace).toEqual([[{ attribute: 'name' }]]);
  expect(isUnknown(plannedState?.id)).toBe(true);
});

test('apply keeps planned known values and fills only the unknowns from what the resource wrote', async () => {
  const planned = { ...prior, size: 2, revision: UNKNOWN };
  const { newState } = await widget.apply({ priorState: prior, plannedState: planned, config: config({ size: 2 }), plannedPrivate: Buffer.alloc(0) });
  expect(newState).toEqual({ ...prior, size: 2, revision: 2 });
});

test('an older stored state is read by attribute name: retired attributes dropped, write-only values nulled', () => {
  expect(widget.upgradeState(0, { name: 'a', id: 'w-1', retired: true, secret_wo: 'old' })).toEqual(config({ id: 'w-1' }));
});

test('a create that made the object but failed afterwards returns what it knows together with the error', async () => {
  const halfDone = defineResource({
    name: 'widget',
    schema: widgetSchema,
    create: async () => {
      throw new IncompleteApplyError(new Error('tagging failed'), { values: { id: 'w-1' } });
    },
    update: async () => ({ values: {} }),
    delete: async () => undefined,
    read: async ({ state }) => ({ state }),
    importState: async (id) => ({ state: { id, name: id } }),
  });
  const planned = config({ id: UNKNOWN, revision: UNKNOWN });
  const response = await halfDone.apply({ priorState: null, plannedState: planned, config: config({}), plannedPrivate: Buffer.alloc(0) });
  expect(response.newState).toEqual(config({ id: 'w-1', revision: null }));
  expect(response.diagnostics).toEqual([expect.objectContaining({ severity: 'error', summary: expect.stringContaining('tagging failed') })]);
});
