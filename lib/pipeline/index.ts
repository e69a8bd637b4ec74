/**
 * Plan review for pipelines: a typed view of `terraform show -json`, summary.md for the pull
 * request, policies over the plan, and the exit code CI branches on. Imports only lib/domain.
 */
export type { JsonValue, JsonObject } from './json';
export { PlanJsonError } from './json';
export type {
  ChangeAction,
  ChangeKind,
  ConfiguredExpression,
  ConfiguredResource,
  OutputChange,
  PlanVariable,
  PlanView,
  ProviderConfiguration,
  ResourceChange,
  ValueMask,
} from './plan';
export { CHANGE_ACTIONS, configuredResource, hasChanges, isChange, parsePlan, planFromJson, readPlanFile } from './plan';
export type { ChangeValues, FieldChange, PlannedValue, Step } from './values';
export { afterValue, beforeValue, fieldChanges, isMasked, plannedKeys } from './values';
export type { AttributeJsonType, ChatConfigurationAttribute, ChatConfigurationAttributes, ChatConfigurationChange } from './chat-configuration';
export {
  CHAT_CONFIGURATION_ATTRIBUTES,
  CHAT_CONFIGURATION_ATTRIBUTE_TYPES,
  chatConfigurationChange,
  chatConfigurationChanges,
  looksLikeSecretKey,
} from './chat-configuration';
export type { Policy, PolicyContext, PolicyReport, PolicyResult, Severity, Violation } from './policy';
export { PolicyEvaluationError, blockingViolations, evaluatePolicies, policyNames, violation } from './policy';
export type { PolicySettings } from './built-in-policies';
export {
  DEVELOPMENT_POLICY_SETTINGS,
  PRODUCTION_POLICY_SETTINGS,
  RULES,
  builtInPolicies,
  noReplaceOrDestroy,
  policySettingsFor,
  ramRoleRequired,
  requiredTags,
  resourceGroupRequired,
  reviewedConfigurations,
  secretsWriteOnlyOrParameter,
} from './built-in-policies';
export type { SummaryOptions } from './summary';
export { PR_COMMENT_LIMIT, changeBreakdown, headline, renderSummary, terraformPlanLine } from './summary';
export type { PlanTarget, TargetSetting } from './target';
export { describeTarget, planTarget } from './target';
export type { PolicySubject } from './policy-subjects';
export { policyOutcomes, policySubjects } from './policy-subjects';
export type { SarifOptions } from './sarif';
export { SARIF_SCHEMA, SARIF_VERSION, policySarif } from './sarif';
export { policyJUnit } from './junit';
export type { ReviewFilesWritten, ReviewInput } from './review-files';
export { REVIEW_FILES, STEP_SUMMARY_VARIABLE, plannedCommit, writeReviewFiles } from './review-files';
export type { PlanExitCode, PlanOutcome } from './exit-code';
export { EXIT_CODES, planExitCode } from './exit-code';
export type { PolicyGate } from './policy-gate';
export { runPolicyGate, violationLines } from './policy-gate';
export { applyRefusal } from './apply-refusal';
