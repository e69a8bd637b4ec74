/**
 * The kit's model of Terraform values, schemas and diagnostics.
 *
 * Resources and data sources are written against these types; the protocol layer
 * (./protocol) turns them into tfplugin6 messages and msgpack values.
 */
import type { Diagnostics } from './diagnostics';

/** A cty type in its JSON form, exactly as Terraform expects it in schema attributes. */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list', CtyType]
  | readonly ['set', CtyType]
  | readonly ['map', CtyType]
  | readonly ['object', { readonly [attribute: string]: CtyType }];

/** A value not known until apply. Compare with `isUnknown`, never by shape. */
export class UnknownValue {
  private readonly brand = 'unknown';
  toJSON(): string {
    return `<${this.brand}>`;
  }
}
export const UNKNOWN = new UnknownValue();
export function isUnknown(value: unknown): value is UnknownValue {
  return value instanceof UnknownValue;
}

/** A decoded cty value: objects and maps are plain records, lists and sets are arrays. */
export type CtyValue = null | UnknownValue | string | number | boolean | CtyValue[] | ObjectValue;
export interface ObjectValue {
  [attribute: string]: CtyValue;
}

export interface AttributeSchema {
  /** The attribute's cty type. */
  readonly type: CtyType;
  /** Shown in docs and by `terraform providers schema`. */
  readonly description: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  /** Redacted in plan output; still stored in state. */
  readonly sensitive?: boolean;
  /** Never stored in plan or state (Terraform 1.11+). */
  readonly writeOnly?: boolean;
  /**
   * For write-only attributes: what to use instead on a client that cannot keep write-only values
   * out of plan and state (Terraform or OpenTofu before 1.11), in the error such a client gets.
   * @default none (the error only says write-only attributes need 1.11+)
   */
  readonly writeOnlyFallback?: string;
  readonly deprecated?: boolean;
  /**
   * Run in order at plan time (see plan-modifiers.ts), e.g. `[requiresReplace()]` or
   * `[useStateForUnknown()]`; on an attribute of a nested block too.
   */
  readonly planModifiers?: readonly PlanModifier[];
  /** Replaced by `planModifiers: [requiresReplace()]`; declared so an old schema fails to compile instead of being ignored. */
  readonly requiresReplace?: never;
  /** Replaced by `planModifiers: [useStateForUnknown()]`; declared so an old schema fails to compile instead of being ignored. */
  readonly useStateForUnknown?: never;
  /** Checked in Validate*Config; each names this attribute's path in its diagnostics. */
  readonly validators?: readonly AttributeValidator[];
}

/** One rule on an attribute's configured value, e.g. a length or a pattern. */
export interface AttributeValidator {
  /** The rule in plain words, for generated docs, e.g. "1 to 128 characters." */
  readonly description: string;
  /** Called for every configuration, with null and unknown values too: the validator decides what it skips. */
  validate(value: CtyValue, context: ValidationContext): Diagnostic[];
}

/** What a plan modifier sees of one attribute (of one nested block instance). */
export interface AttributePlanRequest {
  /** Where the attribute sits, e.g. `timeouts.create` or `rule[0].name`. */
  readonly path: AttributePath;
  /** The attribute's configured value (null when not set). */
  readonly config: CtyValue;
  /** Its prior state value: null on a create, and where the prior state has none. */
  readonly prior: CtyValue;
  /** The whole prior state: null while the resource is being created. */
  readonly priorState: ObjectValue | null;
  /** The whole configuration, for rules between attributes. */
  readonly resourceConfig: ObjectValue;
}

/** What plan modifiers change: the attribute's planned value and whether its change replaces the resource. */
export interface AttributePlanResponse {
  /** The planned value so far (earlier modifiers included); set it to change the plan. */
  planned: CtyValue;
  requiresReplace: boolean;
  readonly diagnostics: Diagnostics;
}

export interface PlanModifier {
  /** What the modifier does, in plain words, for generated docs, e.g. "Changing this forces a new resource." */
  readonly description: string;
  modify(request: AttributePlanRequest, response: AttributePlanResponse): void;
}

export interface ValidationContext {
  /** The attribute's name in its block. */
  readonly attribute: string;
  /** Where the attribute sits, for diagnostics. */
  readonly path: AttributePath;
  /** The whole block's configuration, for rules between attributes. */
  readonly config: ObjectValue;
}

export interface BlockSchema {
  readonly attributes: { readonly [name: string]: AttributeSchema };
  readonly blocks?: { readonly [name: string]: NestedBlockSchema };
  readonly description?: string;
}

export interface NestedBlockSchema {
  readonly nesting: 'single' | 'list' | 'set';
  readonly block: BlockSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface Schema {
  /** Bumped when the stored state shape changes; UpgradeResourceState migrates older versions. */
  readonly version: number;
  readonly block: BlockSchema;
}

/** One step of an attribute path: an attribute name, a map key or a list index. */
export type PathStep = { attribute: string } | { key: string } | { index: number };
export type AttributePath = PathStep[];

/** A path as users write it in HCL, e.g. `timeouts.create`, `tags["Team"]`, `assume_role[0].role_arn`. */
export function pathText(steps: AttributePath): string {
  return steps
    .map((step, i) => ('attribute' in step ? `${i === 0 ? '' : '.'}${step.attribute}` : 'key' in step ? `[${JSON.stringify(step.key)}]` : `[${step.index}]`))
    .join('');
}

/** Builds a path from attribute names (strings) and list indexes (numbers). */
export function path(...steps: (string | number)[]): AttributePath {
  return steps.map((step) => (typeof step === 'number' ? { index: step } : { attribute: step }));
}

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly attribute?: AttributePath;
}

export function errorDiagnostic(summary: string, detail?: string, attribute?: AttributePath): Diagnostic {
  return { severity: 'error', summary, detail, attribute };
}

export function warningDiagnostic(summary: string, detail?: string, attribute?: AttributePath): Diagnostic {
  return { severity: 'warning', summary, detail, attribute };
}

/** Thrown by resource code to report one or more diagnostics instead of a plain error. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.summary + (d.detail ? `: ${d.detail}` : '')).join('; '));
  }
}

/** The cty object type a block's values have, used to encode and decode msgpack. */
export function blockType(block: BlockSchema): CtyType {
  const attributes: { [name: string]: CtyType } = {};
  for (const [name, attribute] of Object.entries(block.attributes)) attributes[name] = attribute.type;
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    const inner = blockType(nested.block);
    attributes[name] = nested.nesting === 'single' ? inner : [nested.nesting, inner];
  }
  return ['object', attributes];
}

export interface ResourcePlanRequest {
  readonly priorState: ObjectValue | null;
  readonly proposedNewState: ObjectValue | null;
  readonly config: ObjectValue | null;
  readonly priorPrivate: Buffer;
}
export interface ResourcePlanResponse {
  readonly plannedState: ObjectValue | null;
  readonly requiresReplace?: AttributePath[];
  readonly plannedPrivate?: Buffer;
  readonly diagnostics?: Diagnostic[];
}
export interface ResourceApplyRequest {
  readonly priorState: ObjectValue | null;
  readonly plannedState: ObjectValue | null;
  readonly config: ObjectValue | null;
  readonly plannedPrivate: Buffer;
}
export interface ResourceApplyResponse {
  readonly newState: ObjectValue | null;
  readonly private?: Buffer;
  readonly diagnostics?: Diagnostic[];
}
export interface ResourceReadRequest {
  readonly currentState: ObjectValue;
  readonly private: Buffer;
}
export interface ResourceReadResponse {
  /** null means the remote object is gone: Terraform drops it from state and plans a create. */
  readonly newState: ObjectValue | null;
  readonly private?: Buffer;
  readonly diagnostics?: Diagnostic[];
}
export interface ResourceImportResponse {
  readonly state: ObjectValue;
  readonly private?: Buffer;
  readonly diagnostics?: Diagnostic[];
}

/** A managed resource type, e.g. `oos_chat_configuration`. */
export interface ResourceType {
  readonly name: string;
  readonly schema: Schema;
  validate?(config: ObjectValue): Diagnostic[];
  plan(request: ResourcePlanRequest): Promise<ResourcePlanResponse>;
  apply(request: ResourceApplyRequest): Promise<ResourceApplyResponse>;
  read(request: ResourceReadRequest): Promise<ResourceReadResponse>;
  importState(id: string): Promise<ResourceImportResponse>;
  /**
   * Receives a stored state of an older (or the same) schema version: read by this schema's
   * attribute names and types (attributes it no longer has are dropped, new ones are null), and as
   * stored (JSON data), for a migration that needs a renamed or retired attribute.
   */
  upgradeState(version: number, storedState: ObjectValue, rawState: { readonly [key: string]: unknown }): ObjectValue;
}

/** A data source type, e.g. `oos_chat_configurations`. */
export interface DataSourceType {
  readonly name: string;
  readonly schema: Schema;
  validate?(config: ObjectValue): Diagnostic[];
  read(config: ObjectValue): Promise<{ state: ObjectValue; diagnostics?: Diagnostic[] }>;
}

/** Everything the protocol layer needs to serve one provider. */
export interface ProviderDefinition {
  /** The provider block's schema. */
  readonly schema: Schema;
  readonly resources: readonly ResourceType[];
  readonly dataSources: readonly DataSourceType[];
  validateConfig?(config: ObjectValue): Diagnostic[];
  configure(config: ObjectValue, terraformVersion: string): Promise<Diagnostic[]>;
  /** Called on StopProvider: cancel in-flight calls. */
  stop?(): void;
}
