/**
 * Remembers secret values the client has sent or read and masks them in any text it builds
 * for errors or logs. The server may echo parameters back in a Message; this catches that.
 */

import { SECRET_MASK as MASK } from '../domain';

/** Shorter values are not remembered: masking them would garble every message. */
const MIN_SECRET_LENGTH = 4;

export class SecretRedactor {
  private readonly secrets = new Set<string>();
  private patterns: string[] = [];

  remember(value: string | undefined | null): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || value === MASK) return;
    if (this.secrets.has(value)) return;
    this.secrets.add(value);
    // The value may reappear JSON-escaped (inside Configuration text) or percent-encoded.
    const forms = new Set([...this.patterns, value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]);
    this.patterns = [...forms].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const p of this.patterns) out = out.split(p).join(MASK);
    return out;
  }
}
