/**
 * Typed models: the TypeScript type of a block's values, inferred from its schema declaration,
 * so resource code reads `state.name` as a `string` with no casts. Declare schemas with
 * `defineSchema` (it keeps the literal types the inference needs):
 *
 *   export const widgetSchema = defineSchema({ version: 0, block: { attributes: { name: { type: 'string', required: true, ... } } } });
 *   type WidgetModel = ModelOf<typeof widgetSchema>;   // { name: string }
 *
 * Required attributes are never null; every other attribute may be.
 */
import type { CtyValue, ObjectValue, Schema, UnknownValue } from './schema';

/** Keeps a schema's literal types (attribute names, types, required flags) for `ModelOf`. */
export function defineSchema<const S extends Schema>(schema: S): S {
  return schema;
}

/** The TypeScript value of a known cty value of type `T`. */
export type ValueOf<T> = T extends 'string'
  ? string
  : T extends 'number'
    ? number
    : T extends 'bool'
      ? boolean
      : T extends 'dynamic'
        ? CtyValue
        : T extends readonly ['map', infer E]
          ? { [key: string]: ValueOf<E> }
          : T extends readonly ['list' | 'set', infer E]
            ? ValueOf<E>[]
            : T extends readonly ['object', infer A]
              ? { -readonly [K in keyof A]: ValueOf<A[K]> | null }
              : never;

type AttributesOf<B> = B extends { readonly attributes: infer A } ? A : never;
type BlocksOf<B> = B extends { readonly blocks: infer N } ? N : Record<never, never>;

type AttributeValue<A> = A extends { readonly type: infer T } ? (A extends { readonly required: true } ? ValueOf<T> : ValueOf<T> | null) : never;
type NestedValue<N> = N extends { readonly nesting: 'single'; readonly block: infer B }
  ? BlockModel<B> | null
  : N extends { readonly block: infer B }
    ? BlockModel<B>[]
    : never;

/** The values of a block: its attributes, then its nested blocks (lists, or an object or null for `single`). */
export type BlockModel<B> = {
  -readonly [K in keyof AttributesOf<B> | keyof BlocksOf<B>]: K extends keyof AttributesOf<B>
    ? AttributeValue<AttributesOf<B>[K]>
    : K extends keyof BlocksOf<B>
      ? NestedValue<BlocksOf<B>[K]>
      : never;
};

/** A state or a wholly known configuration of the schema. */
export type ModelOf<S extends Schema> = BlockModel<S['block']>;

/** A value that may not be known until apply, at any depth (a map may hold unknown elements). */
export type Unknowable<V> = V extends null
  ? null
  : V extends string | number | boolean
    ? V | UnknownValue
    : V extends (infer E)[]
      ? Unknowable<E>[] | UnknownValue
      : V extends object
        ? { [K in keyof V]: Unknowable<V[K]> } | UnknownValue
        : V | UnknownValue;

/** A configuration or planned state at plan time, where any value may still be unknown. */
export type PlanModelOf<S extends Schema> = { [K in keyof ModelOf<S>]: Unknowable<ModelOf<S>[K]> };

type AttributeAtApply<A> = A extends { readonly computed: true } ? AttributeValue<A> | UnknownValue : AttributeValue<A>;

/**
 * The planned state at apply time: the configuration is known by then, so only computed
 * attributes may still be unknown (the resource fills them from what it wrote).
 */
export type AppliedPlanOf<S extends Schema> = {
  -readonly [K in keyof ModelOf<S>]: K extends keyof AttributesOf<S['block']> ? AttributeAtApply<AttributesOf<S['block']>[K]> : ModelOf<S>[K];
};

/**
 * Views decoded values as the model of their schema. The codec decoded them by that schema's
 * cty type, so the shapes agree; Terraform guarantees required attributes are set. This is the
 * one place the kit trusts that, instead of every resource casting.
 */
export function asModel<M>(value: ObjectValue): M {
  return value as unknown as M;
}

/** The way back: a model is a block value. */
export function asObjectValue<M>(model: M): ObjectValue {
  return model as unknown as ObjectValue;
}
