/**
 * OOS secret parameters: Create (with KeyId, Constraints, Tags, ResourceGroupId and an idempotent
 * ClientToken), Get (optionally decrypted, any version), Update (a new Value makes a new version;
 * Description, ResourceGroupId and Tags change in place) and Delete. Values are kept in clear in
 * the store; "encryption" is only simulated by what Get returns without WithDecryption.
 */
import { createHash } from 'node:crypto';
import { SECRET_MASK } from '../domain';
import { type ActionContext, type ActionTable, RESOURCE_GROUP_ID_PATTERN, regionOf } from './actions';
import { entityAlreadyExists, entityNotExists, invalidParameter, missingParameter, OosError } from './errors';
import { type SecretParameterRecord, formatResourceDate } from './store';
import { SECRET_PARAMETER_RESOURCE_TYPE, MAX_TAGS_PER_RESOURCE, applyTags, validateTags } from './tags';

const ENTITY = 'Parameter';
// Get returns the mask as Value without WithDecryption=true.
/** OOS parameter names may be paths such as /app/db-password. */
const NAME_PATTERN = /^[A-Za-z0-9_./-]{1,200}$/;
const MAX_VALUE_LENGTH = 4096;
const MAX_DESCRIPTION_LENGTH = 200;
/** The KMS key OOS uses when none is chosen. */
const DEFAULT_KEY_ID = 'alias/acs/oos';

function requireName(context: ActionContext): string {
  const name = context.params.required('Name');
  if (!NAME_PATTERN.test(name)) throw invalidParameter('Name', 'must be 1 to 200 characters of letters, digits, "_", ".", "/" and "-".');
  if (/^(aliyun|acs)/i.test(name)) throw invalidParameter('Name', 'must not start with "aliyun" or "acs".');
  return name;
}

function optionalValue(context: ActionContext): string | undefined {
  const value = context.params.optional('Value');
  if (value === undefined) return undefined;
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH) throw invalidParameter('Value', `must be 1 to ${MAX_VALUE_LENGTH} characters.`);
  return value;
}

function optionalDescription(context: ActionContext): string | undefined {
  const description = context.params.optional('Description');
  if (description !== undefined && description.length > MAX_DESCRIPTION_LENGTH) {
    throw invalidParameter('Description', `must be at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  }
  return description;
}

/** The keys Constraints may hold (CreateSecretParameter's documentation). */
const CONSTRAINT_KEYS = ['AllowedValues', 'AllowedPattern', 'MinLength', 'MaxLength'];

interface ValueConstraints {
  readonly AllowedValues?: readonly string[];
  readonly AllowedPattern?: string;
  readonly MinLength?: number;
  readonly MaxLength?: number;
}

/** Constraints, checked for shape; returned as sent (Get answers the text it was given). */
function optionalConstraints(context: ActionContext): string | undefined {
  const text = context.params.optional('Constraints');
  if (text === undefined || text === '') return undefined;
  parseConstraints(text);
  return text;
}

function parseConstraints(text: string): ValueConstraints {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParameter('Constraints', 'is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidParameter('Constraints', 'must be a JSON object.');
  const fields = parsed as Record<string, unknown>;
  const unknownKey = Object.keys(fields).find((key) => !CONSTRAINT_KEYS.includes(key));
  if (unknownKey !== undefined) throw invalidParameter('Constraints', `has an unknown key "${unknownKey}": use ${CONSTRAINT_KEYS.join(', ')}.`);
  const { AllowedValues, AllowedPattern, MinLength, MaxLength } = fields;
  if (AllowedValues !== undefined && !(Array.isArray(AllowedValues) && AllowedValues.every((v) => typeof v === 'string'))) {
    throw invalidParameter('Constraints', 'AllowedValues must be a list of strings.');
  }
  if (AllowedPattern !== undefined && (typeof AllowedPattern !== 'string' || !isRegExp(AllowedPattern))) {
    throw invalidParameter('Constraints', 'AllowedPattern must be a regular expression.');
  }
  for (const [key, length] of [['MinLength', MinLength] as const, ['MaxLength', MaxLength] as const]) {
    if (length !== undefined && !(Number.isInteger(length) && (length as number) >= 0))
      throw invalidParameter('Constraints', `${key} must be a whole number >= 0.`);
  }
  return fields as ValueConstraints;
}

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** A Value that breaks the parameter's Constraints is refused; the message names the rule, never the value. */
function checkConstraints(value: string, constraintsText: string | undefined): void {
  if (constraintsText === undefined) return;
  const c = parseConstraints(constraintsText);
  const broken =
    (c.MinLength !== undefined && value.length < c.MinLength && `MinLength ${c.MinLength}`) ||
    (c.MaxLength !== undefined && value.length > c.MaxLength && `MaxLength ${c.MaxLength}`) ||
    (c.AllowedValues !== undefined && !c.AllowedValues.includes(value) && 'AllowedValues') ||
    (c.AllowedPattern !== undefined && !new RegExp(`^(?:${c.AllowedPattern})$`).test(value) && 'AllowedPattern');
  if (broken) throw invalidParameter('Value', `does not satisfy the parameter's Constraints (${broken}).`);
}

function optionalResourceGroupId(context: ActionContext): string | undefined {
  const resourceGroupId = context.params.optional('ResourceGroupId');
  if (resourceGroupId !== undefined && !RESOURCE_GROUP_ID_PATTERN.test(resourceGroupId)) {
    throw invalidParameter('ResourceGroupId', 'must look like rg-<lowercase letters and digits>.');
  }
  return resourceGroupId;
}

function optionalTags(context: ActionContext): ReadonlyMap<string, string> | undefined {
  const tags = context.params.jsonStringMap('Tags', 0, MAX_TAGS_PER_RESOURCE);
  if (tags !== undefined) validateTags(tags);
  return tags;
}

function requireExisting(context: ActionContext, name: string): SecretParameterRecord {
  const record = regionOf(context).secretParameters.get(name);
  if (record === undefined) throw entityNotExists(ENTITY, name);
  return record;
}

/** The Parameter object of every response; Value is added only by Get. */
function describe(context: ActionContext, record: SecretParameterRecord, versionNumber: number): Record<string, unknown> {
  return {
    Name: record.name,
    Id: record.id,
    Type: 'Secret',
    ParameterVersion: versionNumber,
    Description: record.description ?? '',
    ShareType: 'Internal',
    KeyId: record.keyId ?? DEFAULT_KEY_ID,
    Constraints: record.constraints ?? '',
    ResourceGroupId: record.resourceGroupId,
    Tags: Object.fromEntries(regionOf(context).tagsOf(SECRET_PARAMETER_RESOURCE_TYPE, record.name)),
    CreatedDate: record.createdDate,
    UpdatedDate: record.updatedDate,
  };
}

function currentVersion(record: SecretParameterRecord): number {
  return record.versions[record.versions.length - 1].version;
}

function createSecretParameter(context: ActionContext): Record<string, unknown> {
  const name = requireName(context);
  const value = optionalValue(context);
  if (value === undefined) throw missingParameter('Value');
  const description = optionalDescription(context);
  const tags = optionalTags(context);
  const resourceGroupId = optionalResourceGroupId(context) ?? context.settings.defaultResourceGroupId;
  const keyId = context.params.optional('KeyId') || undefined;
  const constraints = optionalConstraints(context);
  checkConstraints(value, constraints);
  const clientToken = context.params.optional('ClientToken') || undefined;
  const existing = regionOf(context).secretParameters.get(name);
  // A create repeated with its ClientToken (its answer was lost) gets the first create's answer.
  if (existing !== undefined && clientToken !== undefined && existing.clientToken === clientToken) return { Parameter: describe(context, existing, 1) };
  if (existing !== undefined) throw entityAlreadyExists(ENTITY, name);

  const date = formatResourceDate(context.now);
  const record: SecretParameterRecord = {
    name,
    id: `p-${createHash('sha256').update(`${context.regionId}/${name}/${date}`).digest('hex').slice(0, 30)}`,
    ...(description !== undefined ? { description } : {}),
    ...(keyId !== undefined ? { keyId } : {}),
    ...(constraints !== undefined ? { constraints } : {}),
    ...(clientToken !== undefined ? { clientToken } : {}),
    resourceGroupId,
    createdDate: date,
    updatedDate: date,
    versions: [{ version: 1, value, updatedDate: date }],
  };
  context.store.mutate((state) => {
    const region = state.region(context.regionId);
    region.secretParameters.set(name, record);
    if (tags !== undefined && tags.size > 0) applyTags(region, SECRET_PARAMETER_RESOURCE_TYPE, name, tags);
  });
  return { Parameter: describe(context, record, 1) };
}

function getSecretParameter(context: ActionContext): Record<string, unknown> {
  const record = requireExisting(context, requireName(context));
  const withDecryption = context.params.boolean('WithDecryption', false);
  const requestedVersion = context.params.integer('ParameterVersion', 1, Number.MAX_SAFE_INTEGER) ?? currentVersion(record);
  const version = record.versions.find((candidate) => candidate.version === requestedVersion);
  if (version === undefined) {
    throw new OosError('EntityNotExists.ParameterVersion', 404, `The secret parameter "${record.name}" has no version ${requestedVersion}.`);
  }
  return {
    Parameter: {
      ...describe(context, record, version.version),
      Value: withDecryption ? version.value : SECRET_MASK,
    },
  };
}

function updateSecretParameter(context: ActionContext): Record<string, unknown> {
  const name = requireName(context);
  const value = optionalValue(context);
  const description = optionalDescription(context);
  const resourceGroupId = optionalResourceGroupId(context);
  const tags = optionalTags(context);
  const current = requireExisting(context, name);
  if (value !== undefined) checkConstraints(value, current.constraints);

  const date = formatResourceDate(context.now);
  const versions = value === undefined ? current.versions : [...current.versions, { version: currentVersion(current) + 1, value, updatedDate: date }];
  const updated: SecretParameterRecord = {
    ...current,
    ...(description !== undefined ? { description } : {}),
    ...(resourceGroupId !== undefined ? { resourceGroupId } : {}),
    updatedDate: date,
    versions,
  };
  context.store.mutate((state) => {
    const region = state.region(context.regionId);
    region.secretParameters.set(name, updated);
    // Tags on Update are added or changed like TagResources; none is removed (UntagResources does that).
    if (tags !== undefined && tags.size > 0) applyTags(region, SECRET_PARAMETER_RESOURCE_TYPE, name, tags);
  });
  return { Parameter: describe(context, updated, currentVersion(updated)) };
}

function deleteSecretParameter(context: ActionContext): Record<string, unknown> {
  const name = requireName(context);
  requireExisting(context, name);
  context.store.mutate((state) => {
    const region = state.region(context.regionId);
    region.secretParameters.delete(name);
    region.removeTags(SECRET_PARAMETER_RESOURCE_TYPE, name);
  });
  return {};
}

export const secretParameterActions: ActionTable = {
  CreateSecretParameter: createSecretParameter,
  GetSecretParameter: getSecretParameter,
  UpdateSecretParameter: updateSecretParameter,
  DeleteSecretParameter: deleteSecretParameter,
};
