import { Secret } from './secret';

/** Settings of a DingTalk bot; all three are required by OOS. */
export interface DingTalkSettings {
  /** Bot template id (`DingTalkTemplateId`), e.g. `381c5aee-….schema`. */
  readonly templateId: string;
  /** DingTalk app client id (`DingTalkClientId`). */
  readonly clientId: string;
  /** DingTalk app client secret (`DingTalkClientSecret`); never a literal string. */
  readonly clientSecret: Secret;
  /** Further non-secret Configuration keys OOS holds beyond the three above; keys ending in `Secret` are refused. @default {} */
  readonly settings?: { readonly [key: string]: string };
}

/** Settings of a WeChat (WeCom) bot; OOS documents no required keys for WeChat. */
export interface WeChatSettings {
  /** Bot template id (`WeChatTemplateId`). @default none */
  readonly templateId?: string;
  /** App client id (`WeChatClientId`). @default none */
  readonly clientId?: string;
  /** App client secret (`WeChatClientSecret`); never a literal string. @default none */
  readonly clientSecret?: Secret;
  /** Further non-secret Configuration keys, e.g. `{ CorpId: 'ww…' }`; keys ending in `Secret` are refused. @default {} */
  readonly settings?: { readonly [key: string]: string };
}

/** The chat platform of a configuration and its platform-specific settings. */
export abstract class Platform {
  /** A DingTalk bot. */
  static dingTalk(settings: DingTalkSettings): Platform {
    return new ConcretePlatform('DingTalk', settings, settings.settings);
  }

  /** A WeChat (WeCom) bot. */
  static weChat(settings: WeChatSettings = {}): Platform {
    return new ConcretePlatform('WeChat', settings, settings.settings);
  }

  /** The OOS `Type`: `DingTalk` or `WeChat`. */
  abstract readonly type: string;
  /** Template id, if any. */
  abstract readonly templateId?: string;
  /** Client id, if any. */
  abstract readonly clientId?: string;
  /** Client secret, if any. */
  abstract readonly clientSecret?: Secret;
  /** Extra Configuration keys (`extra_configuration`). */
  abstract readonly extraConfiguration?: { readonly [key: string]: string };
}

class ConcretePlatform extends Platform {
  readonly templateId?: string;
  readonly clientId?: string;
  readonly clientSecret?: Secret;

  constructor(
    readonly type: string,
    common: { templateId?: string; clientId?: string; clientSecret?: Secret },
    readonly extraConfiguration?: { readonly [key: string]: string },
  ) {
    super();
    this.templateId = common.templateId;
    this.clientId = common.clientId;
    this.clientSecret = common.clientSecret;
  }
}
