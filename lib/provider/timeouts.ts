import type { CallOptions } from '../oos';
import { DEFAULT_TIMEOUTS_MS, type OperationKind } from '../oos/retry';
import { duration, parseDuration } from '../tfplugin/validators';
import type { ProviderContext } from './context';

/** The `timeouts` block every resource of this provider has, as in the alicloud provider. */
export const timeoutsBlock = {
  nesting: 'single',
  block: {
    description: 'How long each operation may take, retries of throttled and failed calls included.',
    attributes: {
      create: { type: 'string', optional: true, description: 'Default `5m`.', validators: [duration()] },
      update: { type: 'string', optional: true, description: 'Default `5m`.', validators: [duration()] },
      delete: { type: 'string', optional: true, description: 'Default `5m`.', validators: [duration()] },
      read: { type: 'string', optional: true, description: 'Default `2m`.', validators: [duration()] },
    },
  },
} as const;

type Timeouts = { [kind in OperationKind]?: string | null } | null;

/** One deadline for every call of a Terraform operation, from the `timeouts` block (else the client's default). */
export function operation(ctx: ProviderContext, timeouts: Timeouts, kind: OperationKind): CallOptions {
  const configured = timeouts?.[kind];
  return {
    deadline: ctx.client.deadlineAfter(typeof configured === 'string' ? (parseDuration(configured) ?? DEFAULT_TIMEOUTS_MS[kind]) : DEFAULT_TIMEOUTS_MS[kind]),
  };
}
