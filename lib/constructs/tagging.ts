import { IConstruct } from 'constructs';
import { Fn, IAspect, Token } from './framework';
import { ChatConfiguration } from './chat-configuration';

/**
 * Merges default tags into every ChatConfiguration below the scope it is added to.
 * Explicit tags of a configuration win. The merge goes into `tagsInput` (the configured
 * value): `tags` is a token that only Terraform can resolve.
 */
export class DefaultTags implements IAspect {
  constructor(private readonly tags: { readonly [key: string]: string }) {}

  visit(node: IConstruct): void {
    if (!ChatConfiguration.isChatConfiguration(node)) return;
    const resource = node.resource;
    const explicit = resource.tagsInput;
    if (explicit !== undefined && Token.isUnresolved(explicit)) {
      // A whole-map token (e.g. a variable): let Terraform merge, explicit last so it wins.
      resource.tags = Fn.merge([{ ...this.tags }, explicit]) as unknown as { [key: string]: string };
      return;
    }
    resource.tags = { ...this.tags, ...(explicit ?? {}) };
  }
}
