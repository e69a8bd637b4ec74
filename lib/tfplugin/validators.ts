/**
 * Attribute validators, declared on the attribute (`validators: [lengthBetween(1, 128)]`) as
 * terraform-plugin-framework does. Each carries a `description` for generated docs; each names
 * the attribute path (map keys included) in its diagnostics. Unknown values are skipped: they
 * are validated again once known.
 */
import {
  AttributePath,
  AttributeValidator,
  BlockSchema,
  CtyValue,
  Diagnostic,
  ObjectValue,
  ValidationContext,
  errorDiagnostic,
  isUnknown,
  pathText,
} from './schema';
import { isObjectValue } from './values';

/** A rule on string values; `problem` returns what is wrong, in words that include the fix. */
export function stringRule(description: string, problem: (value: string, context: ValidationContext) => string | undefined): AttributeValidator {
  return {
    description,
    validate(value, context) {
      const detail = typeof value === 'string' ? problem(value, context) : undefined;
      return detail ? [errorDiagnostic(`Invalid ${pathText(context.path)}`, detail, context.path)] : [];
    },
  };
}

/** A rule on a known number, e.g. a range: `problem` returns what is wrong and the fix, or undefined. */
export function numberRule(description: string, problem: (value: number) => string | undefined): AttributeValidator {
  return {
    description,
    validate(value, context) {
      const detail = typeof value === 'number' ? problem(value) : undefined;
      return detail ? [errorDiagnostic(`Invalid ${pathText(context.path)}`, detail, context.path)] : [];
    },
  };
}

/**
 * Wraps a domain rule such as `nameProblem(value)`, which returns a sentence saying what is wrong
 * and how to fix it, or undefined when the value is fine.
 */
export function fromProblem(description: string, problem: (value: string) => string | undefined): AttributeValidator {
  return stringRule(description, (value) => problem(value));
}

export function lengthBetween(min: number, max: number): AttributeValidator {
  return stringRule(`${min} to ${max} characters.`, (value, { attribute }) =>
    value.length < min || value.length > max ? `${attribute} must be ${min} to ${max} characters long, got ${value.length}.` : undefined,
  );
}

/** `description` says in words what the pattern allows; it is also the error's fix. */
export function matchesPattern(pattern: RegExp, description: string): AttributeValidator {
  return stringRule(description, (value, { attribute }) =>
    pattern.test(value) ? undefined : `${JSON.stringify(value)} is not a valid ${attribute}: ${description}`,
  );
}

export function oneOf(...allowed: readonly string[]): AttributeValidator {
  const list = allowed.map((value) => JSON.stringify(value)).join(', ');
  return stringRule(`One of ${allowed.map((value) => `\`${value}\``).join(', ')}.`, (value, { attribute }) =>
    allowed.includes(value) ? undefined : `${JSON.stringify(value)} is not a valid ${attribute}: use one of ${list} (case-sensitive).`,
  );
}

export interface MapLimits {
  readonly maxEntries?: number;
  readonly maxKeyLength?: number;
  readonly maxValueLength?: number;
  /** Matched case-insensitively. */
  readonly forbiddenKeyPrefixes?: readonly string[];
}

/** Limits on a map(string): entry count, key and value lengths, reserved key prefixes. */
export function mapLimits(limits: MapLimits): AttributeValidator {
  const rules = [
    limits.maxEntries !== undefined && `At most ${limits.maxEntries} entries`,
    limits.maxKeyLength !== undefined && `keys 1 to ${limits.maxKeyLength} characters`,
    limits.maxValueLength !== undefined && `values up to ${limits.maxValueLength} characters`,
    limits.forbiddenKeyPrefixes && `no key starting with ${limits.forbiddenKeyPrefixes.map((prefix) => `\`${prefix}\``).join(' or ')}`,
  ].filter((rule): rule is string => typeof rule === 'string');
  return eachKnownMap(`${rules.join('; ')}.`, (map, context) => {
    const problems: Diagnostic[] = [];
    const summary = `Invalid ${pathText(context.path)}`;
    const keys = Object.keys(map);
    if (limits.maxEntries !== undefined && keys.length > limits.maxEntries) {
      problems.push(
        errorDiagnostic(
          summary,
          `${keys.length} entries given; at most ${limits.maxEntries} are allowed: remove ${keys.length - limits.maxEntries}.`,
          context.path,
        ),
      );
    }
    for (const key of keys) {
      const at = [...context.path, { key }];
      if (limits.maxKeyLength !== undefined && (key.length === 0 || key.length > limits.maxKeyLength)) {
        problems.push(errorDiagnostic(summary, `key "${key.slice(0, 40)}" must be 1 to ${limits.maxKeyLength} characters long.`, at));
      }
      const reserved = limits.forbiddenKeyPrefixes?.find((prefix) => key.toLowerCase().startsWith(prefix.toLowerCase()));
      if (reserved) problems.push(errorDiagnostic(summary, `key "${key}" starts with the reserved prefix "${reserved}": rename it.`, at));
      const value = map[key];
      if (limits.maxValueLength !== undefined && value.length > limits.maxValueLength) {
        problems.push(errorDiagnostic(summary, `the value of "${key}" is ${value.length} characters long; at most ${limits.maxValueLength} are allowed.`, at));
      }
    }
    return problems;
  });
}

/** A rule on each key of a map(string), reported at the key's path; `problem` may look at the whole configuration. */
export function eachKey(description: string, summary: string, problem: (key: string, config: ObjectValue) => string | undefined): AttributeValidator {
  return eachKnownMap(description, (map, context) =>
    Object.keys(map).flatMap((key) => {
      const detail = problem(key, context.config);
      return detail ? [errorDiagnostic(summary, detail, [...context.path, { key }])] : [];
    }),
  );
}

/** Messages for the rules between attributes; the defaults name both attributes. */
export interface RelationMessages {
  readonly summary?: string;
  readonly detail?: string;
}

/** Refuses this attribute when `other` is set too (both known and not null). */
export function conflictsWith(other: string, messages: RelationMessages = {}): AttributeValidator {
  return {
    description: `Conflicts with \`${other}\`.`,
    validate(value, { attribute, path, config }) {
      if (!isSet(value) || !isSet(config[other]) || isUnknown(value) || isUnknown(config[other])) return [];
      return [errorDiagnostic(messages.summary ?? 'Conflicting attributes', messages.detail ?? `Set either ${other} or ${attribute}, not both.`, path)];
    },
  };
}

/** Requires this attribute whenever `other` is set (an unknown value counts as set). */
export function requiredWith(other: string, messages: RelationMessages = {}): AttributeValidator {
  return {
    description: `Required with \`${other}\`.`,
    validate(value, { attribute, path, config }) {
      if (isSet(value) || !isSet(config[other])) return [];
      return [errorDiagnostic(messages.summary ?? `Missing ${attribute}`, messages.detail ?? `${attribute} is required when ${other} is set.`, path)];
    },
  };
}

/** Runs the validators declared on a block's attributes against its configuration. */
export function validateBlock(block: BlockSchema, config: ObjectValue, at: AttributePath = []): Diagnostic[] {
  return blockInstances(block, config, at).flatMap((instance) =>
    Object.entries(instance.block.attributes).flatMap(([attribute, schema]) =>
      (schema.validators ?? []).flatMap((validator) =>
        validator.validate(instance.config[attribute] ?? null, { attribute, path: [...instance.at, { attribute }], config: instance.config }),
      ),
    ),
  );
}

/** A block and every nested block instance its configuration holds, each with its path. */
function blockInstances(block: BlockSchema, config: ObjectValue, at: AttributePath): { block: BlockSchema; config: ObjectValue; at: AttributePath }[] {
  const nested = Object.entries(block.blocks ?? {}).flatMap(([name, nestedBlock]) => {
    const value = config[name];
    if (isObjectValue(value)) return blockInstances(nestedBlock.block, value, [...at, { attribute: name }]);
    if (!Array.isArray(value)) return [];
    return value.flatMap((element, index) =>
      isObjectValue(element) ? blockInstances(nestedBlock.block, element, [...at, { attribute: name }, { index }]) : [],
    );
  });
  return [{ block, config, at }, ...nested];
}

/**
 * Refuses every write-only attribute set in a configuration (unknown counts as set), for a client
 * that did not announce `write_only_attributes_allowed`: such a client does not know the value
 * must stay out of plan and state, so it would store it. HashiCorp's SDKs refuse it the same way.
 */
export function writeOnlyNotAllowed(block: BlockSchema, config: ObjectValue, at: AttributePath = []): Diagnostic[] {
  return blockInstances(block, config, at).flatMap((instance) =>
    Object.entries(instance.block.attributes)
      .filter(([attribute, schema]) => schema.writeOnly && isSet(instance.config[attribute]))
      .map(([attribute, schema]) => {
        const path: AttributePath = [...instance.at, { attribute }];
        return errorDiagnostic(
          'Write-only Attribute Not Allowed',
          `${pathText(path)} is write-only, and this Terraform or OpenTofu did not say it supports write-only attributes ` +
            '(Terraform 1.11+ and OpenTofu 1.11+ do), so it would store the value in plan and state.' +
            (schema.writeOnlyFallback ? ` ${schema.writeOnlyFallback}` : ' Upgrade to Terraform 1.11 or later.'),
          path,
        );
      }),
  );
}

/**
 * For an attribute kept only to point users elsewhere (e.g. a secret argument that would land in
 * state): any value, even an unknown one, is refused with `detail`. Pair it with `writeOnly` so the
 * value is never stored either.
 */
export function refusedWhenSet(summary: string, detail: string): AttributeValidator {
  return {
    description: 'Refused when set.',
    validate: (value, context) => (value === null ? [] : [errorDiagnostic(summary, detail, context.path)]),
  };
}

/** Go-style durations as Terraform's `timeouts` blocks take them: "30s", "5m", "1h30m". */
export function duration(): AttributeValidator {
  return stringRule('A duration such as `30s`, `5m` or `1h30m`.', (value) =>
    parseDuration(value) === undefined ? `"${value}" is not a duration: use a number with a unit, such as 30s, 5m or 1h30m.` : undefined,
  );
}

const DURATION_UNITS_MS: { readonly [unit: string]: number } = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds of a Go-style duration, or undefined when it is not one (or not positive). */
export function parseDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * DURATION_UNITS_MS[unit];
  return total > 0 ? total : undefined;
}

function isSet(value: CtyValue | undefined): boolean {
  return value !== null && value !== undefined;
}

/** A rule on a map(string) that is wholly known: a map with unknown elements waits until apply. */
function eachKnownMap(description: string, check: (map: { [key: string]: string }, context: ValidationContext) => Diagnostic[]): AttributeValidator {
  return {
    description,
    validate(value, context) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || isUnknown(value)) return [];
      const map: { [key: string]: string } = {};
      for (const [key, entry] of Object.entries(value)) {
        if (typeof entry !== 'string') return [];
        map[key] = entry;
      }
      return check(map, context);
    },
  };
}
