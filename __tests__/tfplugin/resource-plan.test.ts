/** The plan and apply the kit derives from what attributes declare, on a small widget resource. */
import {
  Diagnostics,
  IncompleteApplyError,
  ObjectValue,
  UNKNOWN,
  defineDataSource,
  defineResource,
  defineSchema,
  isUnknown,
  path,
  requiresReplace,
  requiresReplaceIf,
  useStateForUnknown,
} from '../../lib/tfplugin';

const widgetSchema = defineSchema({
  version: 0,
  block: {
    attributes: {
      name: { type: 'string', required: true, planModifiers: [requiresReplace()], description: 'Replaces on change.' },
      size: { type: 'number', optional: true, description: 'Updated in place.' },
      secret_wo: { type: 'string', optional: true, writeOnly: true, description: 'Write-only.' },
      id: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'Kept on update.' },
      revision: { type: 'number', computed: true, description: 'Changes on every update.' },
    },
  },
});

const widgetHooks = {
  create: async () => ({ values: { id: 'w-1', revision: 1 } }),
  update: async ({ prior }: { prior: { revision: number | null } }) => ({ values: { revision: (prior.revision ?? 0) + 1 } }),
  delete: async () => undefined,
  read: async <T>({ state }: { state: T }) => ({ state }),
  importState: async (id: string) => ({ state: { id, name: id } }),
};
const widget = defineResource({ name: 'widget', schema: widgetSchema, ...widgetHooks });

const config = (values: ObjectValue): ObjectValue => ({ name: 'a', size: null, secret_wo: null, id: null, revision: null, ...values });
const prior = config({ id: 'w-1', revision: 1 });
const plan = (priorState: ObjectValue | null, proposed: ObjectValue, configured = proposed) =>
  widget.plan({ priorState, proposedNewState: proposed, config: configured, priorPrivate: Buffer.alloc(0) });

describe('plan modifiers', () => {
  test('a create plans computed attributes unknown and write-only ones null, and replaces nothing', async () => {
    const { plannedState, requiresReplace } = await plan(null, config({ secret_wo: 's' }));
    expect(isUnknown(plannedState?.id)).toBe(true);
    expect(isUnknown(plannedState?.revision)).toBe(true);
    expect(plannedState?.secret_wo).toBeNull();
    expect(requiresReplace).toBeUndefined();
  });

  test('an update keeps useStateForUnknown attributes and plans the others unknown', async () => {
    const { plannedState, requiresReplace } = await plan(prior, { ...prior, size: 2 }, config({ size: 2 }));
    expect(plannedState?.id).toBe('w-1');
    expect(isUnknown(plannedState?.revision)).toBe(true);
    expect(requiresReplace).toBeUndefined();
  });

  test('useStateForUnknown leaves the value unknown when the prior state holds null', async () => {
    const nullId = { ...prior, id: null };
    const { plannedState } = await plan(nullId, { ...nullId, size: 2 }, config({ size: 2 }));
    expect(isUnknown(plannedState?.id)).toBe(true);
  });

  test('no change plans the prior state unchanged', async () => {
    const { plannedState } = await plan(prior, prior, config({}));
    expect(plannedState).toEqual(prior);
  });

  test('a change of a requiresReplace attribute names its path', async () => {
    const { requiresReplace } = await plan(prior, { ...prior, name: 'b' }, config({ name: 'b' }));
    expect(requiresReplace).toEqual([[{ attribute: 'name' }]]);
  });

  const ruleSchema = defineSchema({
    version: 0,
    block: {
      attributes: { id: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'Kept.' } },
      blocks: {
        rule: {
          nesting: 'list',
          block: {
            attributes: {
              name: { type: 'string', required: true, planModifiers: [requiresReplace()], description: 'Replaces on change.' },
              priority: {
                type: 'number',
                optional: true,
                description: 'Replaces only when lowered.',
                planModifiers: [
                  requiresReplaceIf(
                    ({ prior }, planned) => typeof prior === 'number' && typeof planned === 'number' && planned < prior,
                    'Lowering it forces a new resource.',
                  ),
                ],
              },
              etag: { type: 'string', computed: true, planModifiers: [useStateForUnknown()], description: 'Kept.' },
            },
          },
        },
      },
    },
  });
  const rules = defineResource({
    name: 'rules',
    schema: ruleSchema,
    ...widgetHooks,
    create: async () => ({ values: {} }),
    update: async () => ({ values: {} }),
    importState: async () => ({ state: {} }),
  });
  const rulePrior: ObjectValue = {
    id: 'r',
    rule: [
      { name: 'a', priority: 1, etag: 'e-a' },
      { name: 'b', priority: 5, etag: 'e-b' },
    ],
  };
  const ruleConfig = (rule: ObjectValue[]): ObjectValue => ({ id: null, rule: rule.map((r) => ({ ...r, etag: null })) });
  const planRules = (rule: ObjectValue[]) =>
    rules.plan({ priorState: rulePrior, proposedNewState: { id: 'r', rule }, config: ruleConfig(rule), priorPrivate: Buffer.alloc(0) });

  test('requiresReplace on an attribute of a nested block names the nested path', async () => {
    const { requiresReplace } = await planRules([
      { name: 'a', priority: 1, etag: 'e-a' },
      { name: 'c', priority: 5, etag: 'e-b' },
    ]);
    expect(requiresReplace).toEqual([[{ attribute: 'rule' }, { index: 1 }, { attribute: 'name' }]]);
  });

  test('requiresReplaceIf replaces only when its condition holds, and useStateForUnknown works in nested blocks', async () => {
    const raised = await planRules([
      { name: 'a', priority: 2, etag: 'e-a' },
      { name: 'b', priority: 5, etag: 'e-b' },
    ]);
    expect(raised.requiresReplace).toBeUndefined();
    expect((raised.plannedState?.rule as ObjectValue[]).map((r) => r.etag)).toEqual(['e-a', 'e-b']);
    const lowered = await planRules([
      { name: 'a', priority: 1, etag: 'e-a' },
      { name: 'b', priority: 4, etag: 'e-b' },
    ]);
    expect(lowered.requiresReplace).toEqual([[{ attribute: 'rule' }, { index: 1 }, { attribute: 'priority' }]]);
  });
});

describe('diagnostics accumulator', () => {
  test('modifyPlan reports a warning with its attribute path beside the plan', async () => {
    const warned = defineResource({
      name: 'widget',
      schema: widgetSchema,
      ...widgetHooks,
      modifyPlan(_change, diagnostics) {
        diagnostics.warning('Size is large', 'Sizes above 10 cost more.', path('size'));
      },
    });
    const { plannedState, diagnostics } = await warned.plan({
      priorState: prior,
      proposedNewState: { ...prior, size: 11 },
      config: config({ size: 11 }),
      priorPrivate: Buffer.alloc(0),
    });
    expect(plannedState?.size).toBe(11);
    expect(diagnostics).toEqual([{ severity: 'warning', summary: 'Size is large', detail: 'Sizes above 10 cost more.', attribute: [{ attribute: 'size' }] }]);
  });

  test('a hook that throws after reporting keeps what it reported, then the thrown error', async () => {
    const failing = defineResource({
      name: 'widget',
      schema: widgetSchema,
      ...widgetHooks,
      async delete(_state, diagnostics) {
        diagnostics.warning('Slow delete');
        throw new Error('delete refused');
      },
    });
    await expect(failing.apply({ priorState: prior, plannedState: null, config: null, plannedPrivate: Buffer.alloc(0) })).rejects.toMatchObject({
      reported: [expect.objectContaining({ severity: 'warning', summary: 'Slow delete' })],
    });
  });

  test('a create that returns its values with an error is saved with the error (Terraform taints it)', async () => {
    const tainted = defineResource({
      name: 'widget',
      schema: widgetSchema,
      ...widgetHooks,
      async create(_request, diagnostics) {
        diagnostics.error('Tagging failed', 'The widget exists but has no tags.', path('name'));
        return { values: { id: 'w-1', revision: 1 } };
      },
    });
    const response = await tainted.apply({
      priorState: null,
      plannedState: config({ id: UNKNOWN, revision: UNKNOWN }),
      config: config({}),
      plannedPrivate: Buffer.alloc(0),
    });
    expect(response.newState).toEqual(config({ id: 'w-1', revision: 1 }));
    expect(response.diagnostics).toEqual([expect.objectContaining({ severity: 'error', summary: 'Tagging failed', attribute: [{ attribute: 'name' }] })]);
  });

  test('a data source returns warnings with its state', async () => {
    const lookup = defineDataSource({
      name: 'lookup',
      schema: defineSchema({ version: 0, block: { attributes: { key: { type: 'string', required: true, description: 'Key.' } } } }),
      async read(config, diagnostics: Diagnostics) {
        diagnostics.warning('Key is deprecated', 'Use another key.', path('key'));
        return config;
      },
    });
    expect(await lookup.read({ key: 'k' })).toEqual({
      state: { key: 'k' },
      diagnostics: [{ severity: 'warning', summary: 'Key is deprecated', detail: 'Use another key.', attribute: [{ attribute: 'key' }] }],
    });
  });
});

test('apply keeps planned known values and fills only the unknowns from what the resource wrote', async () => {
  const planned = { ...prior, size: 2, revision: UNKNOWN };
  const { newState } = await widget.apply({ priorState: prior, plannedState: planned, config: config({ size: 2 }), plannedPrivate: Buffer.alloc(0) });
  expect(newState).toEqual({ ...prior, size: 2, revision: 2 });
});

test('an older stored state is read by attribute name: retired attributes dropped, write-only values nulled', () => {
  const stored = { name: 'a', id: 'w-1', retired: true, secret_wo: 'old' };
  expect(widget.upgradeState(0, stored, stored)).toEqual(config({ id: 'w-1' }));
});

test('a create that made the object but failed afterwards returns what it knows together with the error', async () => {
  const halfDone = defineResource({
    name: 'widget',
    schema: widgetSchema,
    create: async () => {
      throw new IncompleteApplyError(new Error('tagging failed'), { values: { id: 'w-1' } });
    },
    update: async () => ({ values: {} }),
    delete: widgetHooks.delete,
    read: async ({ state }) => ({ state }),
    importState: widgetHooks.importState,
  });
  const planned = config({ id: UNKNOWN, revision: UNKNOWN });
  const response = await halfDone.apply({ priorState: null, plannedState: planned, config: config({}), plannedPrivate: Buffer.alloc(0) });
  expect(response.newState).toEqual(config({ id: 'w-1', revision: null }));
  expect(response.diagnostics).toEqual([expect.objectContaining({ severity: 'error', summary: expect.stringContaining('tagging failed') })]);
});
