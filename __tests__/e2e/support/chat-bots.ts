/** A configuration declaring DingTalk chat configurations by name, as the e2e tests write them. */
import { providerConfig } from './terraform-workspace';

/** One `oos_chat_configuration` per name (client id `cid-<index>`, tag Team=sre); `extra` is added to each. */
export function chatBots(names: readonly string[], provider: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    ...providerConfig(provider),
    resource: {
      oos_chat_configuration: Object.fromEntries(
        names.map((name, i) => [
          name.replace(/[^a-z0-9_]/gi, '_'),
          { name, type: 'DingTalk', template_id: 'tpl', client_id: `cid-${i}`, tags: { Team: 'sre' }, ...extra },
        ]),
      ),
    },
  };
}
