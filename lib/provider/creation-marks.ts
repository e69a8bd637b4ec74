/**
 * The mark a create leaves on the configuration it makes, so that the next apply can tell a
 * configuration this stack created (an attempt whose answer was lost, an apply that was killed
 * before Terraform saved its state) from one someone else made under the same name.
 *
 * OOS has no idempotency token for CreateChatConfiguration, so the mark is a token sent inside
 * the Configuration JSON (CREATION_TOKEN_KEY), hidden from plans, state and data sources. Three
 * ways to choose it, by provider setting:
 * - `owner` set: a digest of the owner, the region and the name. Every runner of one stack has the
 *   same owner (ChatOpsStack sets `<app>/<stack>`), so an apply killed on runner A converges from
 *   a fresh folder on runner B that shares the state; another stack has another owner and a
 *   person's configuration has no token, so neither is ever adopted.
 * - no owner: a random token kept in the working folder's journal (creation-journal.ts); only that
 *   folder recognises its creates.
 * - `creation_token = false`: no token (for an OOS that refuses unknown Configuration keys); a
 *   create that met "already exists" then always needs an import.
 */
import { createHash } from 'node:crypto';

/** The Configuration key that carries the creation token; the provider hides it from users. */
export const CREATION_TOKEN_KEY = 'TerraformCreationToken';

/** A create about to be sent: the token to send (none when tokens are off) and when it started. */
export interface StartedCreation {
  readonly token?: string;
  /** When the create started (ms since the epoch). */
  readonly startedAt: number;
}

/** How creates are marked; see the file comment. */
export interface CreationMarks {
  /** Records a create about to be sent and returns the token to send with it. */
  begin(region: string, name: string): Promise<StartedCreation>;
  /** Forgets what begin recorded once Terraform's state holds the configuration (or it is gone). */
  settle(region: string, name: string): Promise<void>;
}

/** The owner's mark: the same on every runner of the stack, different for every other owner. */
export class OwnerMarks implements CreationMarks {
  constructor(
    readonly owner: string,
    private readonly now: () => number = Date.now,
  ) {}

  async begin(region: string, name: string): Promise<StartedCreation> {
    return { token: ownerToken(this.owner, region, name), startedAt: this.now() };
  }

  async settle(): Promise<void> {}
}

/** `creation_token = false`: nothing in the Configuration but what the user wrote. */
export class NoCreationMarks implements CreationMarks {
  constructor(private readonly now: () => number = Date.now) {}

  async begin(): Promise<StartedCreation> {
    return { startedAt: this.now() };
  }

  async settle(): Promise<void> {}
}

/**
 * A digest, not the owner itself: the token is stored in OOS where anyone with read access sees
 * it, and a fixed length keeps it clear of the 16 KiB Configuration limit whatever the owner.
 */
export function ownerToken(owner: string, region: string, name: string): string {
  return `owner-${createHash('sha256').update(`${owner}\n${region}\n${name}`).digest('hex').slice(0, 40)}`;
}
