/**
 * The files review tools read: policy.sarif valid against the official SARIF 2.1.0 schema (the copy
 * @microsoft/jest-sarif ships) with one result per violation, policy.junit.xml parsed as XML with one
 * test case per policy per configuration, summary.md appended to $GITHUB_STEP_SUMMARY when set, and
 * the summary saying what ran against what.
 */
import Ajv from 'ajv';
import { DOMParser, Element } from '@xmldom/xmldom';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PolicyReport,
  PRODUCTION_POLICY_SETTINGS,
  builtInPolicies,
  describeTarget,
  evaluatePolicies,
  planTarget,
  policyJUnit,
  policySarif,
  renderSummary,
  writeReviewFiles,
} from '../../lib/pipeline';
import { botCreate, botUpdate, appliedBot, planOf, recordedPlan } from './support/plan-fixtures';

const PROD = { stack: 'prod', environment: 'prod', allowDestructive: false };
const plan = recordedPlan('oos-every-change.plan.json');
const report = evaluatePolicies(plan, builtInPolicies(PRODUCTION_POLICY_SETTINGS), PROD);
const clean = evaluatePolicies(plan, [], PROD);

/** The official schema, draft-04, as ajv 6 validates it. */
function sarifValidator() {
  const ajv = new Ajv({ schemaId: 'id', allErrors: true });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  return ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: { name: string }[] }[];
  properties: { stack: string; address: string; rule: string };
}

describe('policy.sarif', () => {
  const validate = sarifValidator();

  test('is valid SARIF 2.1.0 with violations and without', () => {
    expect(report.violations.length).toBeGreaterThan(3);
    for (const log of [policySarif(plan, report, { stack: 'prod' }), policySarif(plan, clean, { stack: 'prod' })]) {
      const valid = validate(JSON.parse(JSON.stringify(log)));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  test('the schema check can fail: a result without a message is refused', () => {
    const log = JSON.parse(JSON.stringify(policySarif(plan, report, { stack: 'prod' })));
    delete log.runs[0].results[0].message;
    expect(validate(log)).toBe(false);
  });

  test('has one result per violation naming the stack, the resource address and the rule', () => {
    const results = (policySarif(plan, report, { stack: 'prod' }) as { runs: { results: SarifResult[] }[] }).runs[0].results;
    expect(results).toHaveLength(report.violations.length);
    results.forEach((result, index) => {
      const violation = report.violations[index];
      expect(result.ruleId).toBe(violation.rule);
      expect(result.level).toBe(violation.severity);
      expect(result.properties).toMatchObject({ stack: 'prod', address: violation.address, rule: violation.rule });
      expect(result.locations[0].logicalLocations[0].name).toBe(violation.address);
      expect(result.message.text).toContain(`prod: `);
      expect(result.message.text).toContain(violation.address);
    });
  });

  test('points each result at the line of main.ts that names its configuration', () => {
    const source = ["const prod = new ChatOpsStack(app, 'prod', env.prod);", "prod.addChatConfiguration('x', {", "  name: 'alerts-bot',"].join('\n');
    const results = (policySarif(plan, report, { stack: 'prod', sourceText: source }) as { runs: { results: SarifResult[] }[] }).runs[0].results;
    const alerts = results.find((result) => result.properties.address === 'oos_chat_configuration.alerts');
    expect(alerts?.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'main.ts' }, region: { startLine: 3 } });
  });
});

describe('policy.junit.xml', () => {
  function parse(text: string): Element {
    const errors: string[] = [];
    const document = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'text/xml');
    expect(errors).toEqual([]);
    return document.documentElement as Element;
  }

  test('parses, with one test case per policy per configuration and a failure per blocking violation', () => {
    const root = parse(policyJUnit(plan, report, 'prod'));
    const cases = Array.from(root.getElementsByTagName('testcase'));
    const configurations = plan.resourceChanges.filter((change) => change.type === 'oos_chat_configuration').length;
    expect(cases).toHaveLength(report.evaluated * configurations);
    expect(root.getAttribute('tests')).toBe(String(cases.length));
    const failures = Array.from(root.getElementsByTagName('failure'));
    expect(failures).toHaveLength(report.violations.filter((item) => item.severity === 'error').length);
    expect(root.getAttribute('failures')).toBe(String(cases.filter((item) => item.getElementsByTagName('failure').length > 0).length));
    const classnames = new Set(cases.map((item) => item.getAttribute('classname')));
    expect(classnames).toEqual(new Set(report.results?.map((result) => `prod.${result.policy}`)));
    expect(cases.map((item) => item.getAttribute('name'))).toContain('alerts-bot (oos_chat_configuration.alerts)');
  });

  test('escapes what XML cannot hold as text', () => {
    const tricky: PolicyReport = {
      evaluated: 1,
      results: [{ policy: 'quotes', violations: [] }],
      violations: [],
    };
    const weird = planOf([botCreate('w', 'a<b>&"c"', {})]);
    const root = parse(policyJUnit(weird, { ...tricky, violations: [] }, 'dev & co'));
    expect(root.getElementsByTagName('testsuite')[0].getAttribute('name')).toBe('dev & co');
    expect(root.getElementsByTagName('testcase')[0].getAttribute('name')).toBe('a<b>&"c" (oos_chat_configuration.w)');
  });
});

describe('writeReviewFiles', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'review-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('writes summary.md, policy.sarif and policy.junit.xml, and appends the summary to GITHUB_STEP_SUMMARY when it is set', () => {
    const stepSummary = join(dir, 'step-summary.md');
    writeFileSync(stepSummary, 'earlier step\n');
    const written = writeReviewFiles(join(dir, 'out'), { stack: 'prod', plan, policy: report, projectDir: dir, env: { GITHUB_STEP_SUMMARY: stepSummary } });
    const summary = readFileSync(written.summary, 'utf8');
    expect(JSON.parse(readFileSync(written.sarif, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(written.junit, 'utf8')).toMatch(/^<\?xml/);
    expect(readFileSync(stepSummary, 'utf8')).toBe(`earlier step\n${summary}\n`);
    expect(written.stepSummary).toBe(stepSummary);
  });

  test('touches no step summary when the variable is not set', () => {
    const written = writeReviewFiles(join(dir, 'out'), { stack: 'prod', plan, policy: report, projectDir: dir, env: {} });
    expect(written.stepSummary).toBeUndefined();
  });

  test('the summary names the policies that ran, the target and the commit (GITHUB_SHA outside a git checkout)', () => {
    const written = writeReviewFiles(join(dir, 'out'), {
      stack: 'prod',
      plan,
      policy: report,
      projectDir: dir,
      env: { GITHUB_SHA: 'feedc0de', ALIBABA_CLOUD_REGION_ID: 'cn-shanghai' },
    });
    const summary = readFileSync(written.summary, 'utf8');
    expect(summary).toContain(
      '5 policies (`ramRoleRequired`, `noReplaceOrDestroy`, `requiredTags`, `resourceGroupRequired`, `secretsWriteOnlyOrParameter`) evaluated',
    );
    expect(summary).toContain(
      "**Target:** region `cn-shanghai` (ALIBABA_CLOUD_REGION_ID), endpoint `oos.cn-shanghai.aliyuncs.com` (default), the account of the runner's credentials",
    );
    expect(summary).toContain('**Commit:** `feedc0de`');
    expect(summary).toContain('**Terraform:** `1.11.4`');
  });
});

describe('the target of a plan', () => {
  test('region and assumed role come from the provider block, the endpoint from ALIBABA_CLOUD_OOS_ENDPOINT', () => {
    const withProvider = planOf([botUpdate('a', appliedBot('a'), { ram_role: 'R' })], {
      configuration: {
        provider_config: {
          oos: {
            name: 'oos',
            full_name: 'oos-chatops.local/chatops/oos',
            expressions: {
              region: { constant_value: 'cn-shanghai' },
              assume_role: [{ role_arn: { constant_value: 'acs:ram::1234567890123456:role/chatops-deployer' } }],
            },
          },
        },
        root_module: {},
      },
    });
    const target = planTarget(withProvider, { ALIBABA_CLOUD_OOS_ENDPOINT: 'http://127.0.0.1:4566', ALIBABA_CLOUD_REGION_ID: 'cn-beijing' });
    expect(describeTarget(target)).toBe(
      'region `cn-shanghai`, endpoint `http://127.0.0.1:4566` (ALIBABA_CLOUD_OOS_ENDPOINT), account `1234567890123456` (role `chatops-deployer`)',
    );
    expect(renderSummary(withProvider, { target: describeTarget(target) })).toContain('**Target:** region `cn-shanghai`');
  });
});
