/**
 * The typed provider block. `defineProvider` takes the provider block's schema, its resources and
 * data sources, and a `configure` hook written against the block's model (inferred from the schema
 * like a resource's), and turns them into the ProviderDefinition the protocol layer serves. Rules on
 * single settings are validators declared on their attributes, so they show in the generated docs;
 * `validate` is for rules between settings. `configure` runs only on a configuration that passed both.
 */
import { Diagnostics } from './diagnostics';
import { ModelOf, PlanModelOf, asModel } from './model';
import type { DataSourceType, Diagnostic, ProviderDefinition, ResourceType, Schema } from './schema';
import { validateBlock } from './validators';

export interface ProviderBlockDefinition<S extends Schema> {
  /** The provider block's schema, declared with `defineSchema`. */
  readonly schema: S;
  readonly resources: readonly ResourceType[];
  readonly dataSources: readonly DataSourceType[];
  /** Rules between settings, after the validators declared on attributes; values may still be unknown. */
  validate?(config: PlanModelOf<S>, diagnostics: Diagnostics): void;
  /**
   * Makes the provider ready for resource calls (clients, credentials). Terraform may send a
   * configuration whose values are not known yet during plan; such values are unknown here.
   */
  configure(request: { readonly config: ModelOf<S>; readonly terraformVersion: string }, diagnostics: Diagnostics): Promise<void> | void;
  /** Called on StopProvider: cancel in-flight calls. */
  stop?(): void;
}

export function defineProvider<S extends Schema>(definition: ProviderBlockDefinition<S>): ProviderDefinition {
  const crossChecks = (config: Parameters<ProviderDefinition['configure']>[0]): Diagnostic[] => {
    const diagnostics = new Diagnostics();
    definition.validate?.(asModel(config), diagnostics);
    return [...diagnostics.all];
  };
  return {
    schema: definition.schema,
    resources: definition.resources,
    dataSources: definition.dataSources,
    // The protocol layer runs the validators declared on the attributes before these.
    validateConfig: crossChecks,
    async configure(config, terraformVersion) {
      const diagnostics = new Diagnostics();
      // Terraform validates first, but configure must never act on settings that break the rules.
      diagnostics.add(...validateBlock(definition.schema.block, config), ...crossChecks(config));
      if (diagnostics.hasErrors) return [...diagnostics.all];
      try {
        await definition.configure({ config: asModel(config), terraformVersion }, diagnostics);
      } catch (error) {
        diagnostics.addError(error);
      }
      return [...diagnostics.all];
    },
    stop: definition.stop,
  };
}
