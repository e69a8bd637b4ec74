/**
 * The CI examples run as written: each step of examples/ci, in order, with the real commands in a
 * fresh clone (`npm ci` included). Hosted actions (checkout, artefacts, the SARIF upload, the
 * GitHub API lookup) are played by the test; the PR comment's github-script runs as written against
 * a stub of the GitHub API on 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, RELEASE_CACHE_VARIABLE } from '../../../lib/tooling';
import { PR_COMMENT_LIMIT } from '../../../lib/pipeline';
import { Checkout, PipelineFixture, runCommand, startPipeline } from './support/pipeline';
import { GitHubApiStub, githubScriptGlobals, runGitHubScript, startGitHubApiStub } from './support/github-api-stub';
import { YamlValue, parseYamlSubset } from './support/yaml-subset';

type Step = { readonly [key: string]: YamlValue };

let pipeline: PipelineFixture;
beforeAll(async () => (pipeline = await startPipeline()));
afterAll(async () => pipeline?.dispose());

function example(relative: string): { [key: string]: YamlValue } {
  return parseYamlSubset(readFileSync(join(PACKAGE_ROOT, 'examples', 'ci', relative), 'utf8')) as { [key: string]: YamlValue };
}

/** GitHub runs `bash -e {0}`, Atlantis `sh -c`; asynchronous, since the emulator answers from this process. */
function shell(script: string, cwd: string, env: NodeJS.ProcessEnv, runner: 'github' | 'atlantis' = 'github') {
  const interpreter = runner === 'github' ? ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c'] : ['sh', '-c'];
  return runCommand(interpreter[0], [...interpreter.slice(1), script], cwd, env);
}

/** The current major of each action the workflow uses (checked 2026-12; Node 24 runtimes). */
const CURRENT_ACTIONS: Record<string, string> = {
  'actions/cache': 'v4',
  'actions/checkout': 'v6',
  'actions/setup-node': 'v6',
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8',
  'actions/github-script': 'v8',
  'github/codeql-action/upload-sarif': 'v4',
  'hashicorp/setup-terraform': 'v3',
};
const PULL_REQUEST = 7;

describe('examples/ci/github-actions/chatops.yml', () => {
  const workflow = example('github-actions/chatops.yml');
  const jobs = workflow.jobs as { [job: string]: { steps: Step[]; environment?: string; if: string } };
  const artefacts = new Map<string, string>();
  /** actions/cache's store (key → saved folder), and what each job's restore step found. */
  const caches = new Map<string, string>();
  const cacheRestores: { job: string; key: string; hit: boolean }[] = [];
  const sarifUploads: string[] = [];
  const stepSummaries: string[] = [];
  const outputs = new Map<string, string>();
  let github: GitHubApiStub;
  beforeAll(async () => (github = await startGitHubApiStub()));
  afterAll(async () => github?.close());
  const headSha = '0123abcd';
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, name: string) => {
      const known: Record<string, string | undefined> = {
        'github.event.pull_request.head.sha': headSha,
        'github.token': 'token',
        ...Object.fromEntries(outputs),
      };
      if (known[name] === undefined) throw new Error(`the test does not know the value of \${{ ${name} }}`);
      return known[name] as string;
    });

  async function runJob(name: string): Promise<Checkout> {
    let checkout: Checkout | undefined;
    const saveCaches: (() => void)[] = [];
    for (const step of jobs[name].steps) {
      const uses = step.uses as string | undefined;
      const options = (step.with ?? {}) as Record<string, string>;
      const dir = () => (checkout ?? fail('no checkout before this step')).dir;
      if (uses?.startsWith('actions/checkout@')) checkout = pipeline.checkout();
      else if (uses?.startsWith('actions/setup-node@')) expect({ node: options['node-version'], cache: options.cache }).toEqual({ node: '22', cache: 'npm' });
      else if (uses?.startsWith('actions/cache@')) {
        // hashFiles() over the checkout, as the runner computes it; the rest of the key is the runner's.
        const key = expression(
          options.key
            .replace(/\$\{\{\s*hashFiles\('([^']+)'\)\s*\}\}/g, (_, file: string) =>
              createHash('sha256')
                .update(readFileSync(join(dir(), file)))
                .digest('hex'),
            )
            .replace(/\$\{\{\s*runner\.os\s*\}\}/g, 'Linux')
            .replace(/\$\{\{\s*runner\.arch\s*\}\}/g, 'X64'),
        );
        const path = join(dir(), options.path);
        const saved = caches.get(key);
        cacheRestores.push({ job: name, key, hit: saved !== undefined });
        if (saved) cpSync(saved, path, { recursive: true });
        else
          saveCaches.push(() => {
            const kept = join(pipeline.root, `cache-${caches.size}`);
            cpSync(path, kept, { recursive: true });
            caches.set(key, kept);
          });
      } else if (uses?.startsWith('hashicorp/setup-terraform@')) continue;
      else if (uses?.startsWith('github/codeql-action/upload-sarif@')) {
        const sarif = JSON.parse(readFileSync(join(dir(), options.sarif_file), 'utf8')) as { version: string };
        expect(sarif.version).toBe('2.1.0');
        sarifUploads.push(options.sarif_file);
      } else if (uses?.startsWith('actions/upload-artifact@')) artefacts.set(expression(options.name), join(dir(), options.path));
      else if (uses?.startsWith('actions/download-artifact@')) {
        const source = artefacts.get(expression(options.name));
        expect(source).toBeDefined();
        expect(expression(options['run-id'])).toBe('4242');
        cpSync(source as string, join(dir(), options.path), { recursive: true });
      } else if (uses?.startsWith('actions/github-script@')) {
        await runGitHubScript(options.script, githubScriptGlobals(github.url, PULL_REQUEST), dir());
      } else if (step.id === 'source') {
        // The GitHub API: the merged pull request's head commit and its plan run.
        outputs.set('steps.source.outputs.head_sha', headSha).set('steps.source.outputs.run_id', '4242');
      } else if (typeof step.run === 'string') {
        const githubOutput = join(dir(), '.github-output');
        const stepSummary = join(dir(), '.github-step-summary');
        writeFileSync(githubOutput, '');
        writeFileSync(stepSummary, '');
        // No shared release cache here: the workflow's own cache step is what a runner has.
        const result = await shell(expression(step.run), dir(), {
          ...pipeline.env,
          [RELEASE_CACHE_VARIABLE]: undefined,
          GITHUB_OUTPUT: githubOutput,
          GITHUB_STEP_SUMMARY: stepSummary,
        });
        stepSummaries.push(readFileSync(stepSummary, 'utf8'));
        if (result.code !== 0) throw new Error(`step "${String(step.name ?? step.run)}" of job ${name} failed:\n${result.output}`);
        for (const line of readFileSync(githubOutput, 'utf8').split('\n').filter(Boolean)) {
          const [key, value] = line.split('=', 2);
          outputs.set(`steps.${String(step.id)}.outputs.${key}`, value);
        }
      } else throw new Error(`the test cannot run step ${JSON.stringify(step)}`);
    }
    // actions/cache saves at the end of a job, and only a key it did not find.
    for (const save of saveCaches) save();
    return checkout as Checkout;
  }

  test('every action is at its current major version, and Node is 22', () => {
    const used = Object.values(jobs).flatMap((job) => job.steps.map((step) => step.uses as string | undefined).filter((uses): uses is string => !!uses));
    for (const uses of used) {
      const [action, version] = uses.split('@');
      expect(`${action}@${version}`).toBe(`${action}@${CURRENT_ACTIONS[action]}`);
    }
    expect(used).toContain('github/codeql-action/upload-sarif@v4');
  });

  test('the pull request job plans, uploads the plan and the SARIF, writes the run summary and posts summary.md as one comment', async () => {
    expect(jobs.plan.if).toContain('pull_request');
    await runJob('plan');
    expect(outputs.get('steps.plan.outputs.exitcode')).toBe('2');
    expect(sarifUploads).toEqual(['plan-out/dev/policy.sarif']);
    expect(stepSummaries.join('')).toContain('## Terraform plan for `dev`');
    const comments = github.comments.get(PULL_REQUEST) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toMatch(/^<!-- oos-chatops plan: dev -->\n## Terraform plan for `dev`/);
    expect(comments[0].body.length).toBeLessThan(PR_COMMENT_LIMIT);
  }, 300_000);

  test('a second push updates that comment in place (found by its hidden marker) instead of adding one', async () => {
    const first = (github.comments.get(PULL_REQUEST) ?? [])[0];
    // Someone else's comment in between must stay untouched.
    github.comments.get(PULL_REQUEST)?.push({ id: 1, body: 'LGTM once the plan is green' });
    await runJob('plan');
    const comments = github.comments.get(PULL_REQUEST) ?? [];
    expect(comments.map((comment) => comment.id)).toEqual([first.id, 1]);
    expect(comments[1].body).toBe('LGTM once the plan is green');
    expect(github.requests.filter((request) => request.startsWith('PATCH '))).toEqual([`PATCH /repos/acme/chatops/issues/comments/${first.id}`]);
    expect(github.requests.filter((request) => request.startsWith('POST '))).toHaveLength(1);
  }, 300_000);

  test('the merge job waits for the dev environment approval and applies the uploaded plan in a fresh checkout', async () => {
    expect(jobs.apply.environment).toBe('dev');
    const checkout = await runJob('apply');
    expect(existsSync(join(checkout.dir, 'plan-out', 'dev', 'plan.tfplan'))).toBe(true);
    expect(await pipeline.configurationNames()).toEqual(['dev-alerts-wechat', 'dev-ops-dingtalk']);
    // The first pull request run built the provider and saved it; every later runner restored it.
    expect(cacheRestores.map(({ job, hit }) => `${job}: ${hit ? 'hit' : 'miss'}`)).toEqual(['plan: miss', 'plan: hit', 'apply: hit']);
    expect(new Set(cacheRestores.map(({ key }) => key)).size).toBe(1);
  }, 300_000);
});

describe('examples/ci/atlantis', () => {
  test('atlantis.yaml names the dev project on the chatops workflow, whose plan, policy_check and apply steps run in one working directory', async () => {
    const project = (example('atlantis/atlantis.yaml').projects as Step[])[0];
    expect(project).toMatchObject({ name: 'dev', dir: '.', workflow: 'chatops' });
    const workflow = ((example('atlantis/repos.yaml').workflows as Record<string, YamlValue>).chatops ?? {}) as Record<string, { steps: Step[] }>;
    const checkout = pipeline.checkout();
    checkout.edit(`tags: { Team: 'sre' }`, `tags: { Team: 'sre', Channel: 'atlantis' }`);
    mkdirSync(join(checkout.dir, '.atlantis'));
    const env = {
      ...pipeline.env,
      PROJECT_NAME: 'dev',
      WORKSPACE: 'default',
      DIR: checkout.dir,
      PLANFILE: join(checkout.dir, '.atlantis', 'dev-default.tfplan'),
    };
    const logs: string[] = [];
    expect(Object.keys(workflow)).toEqual(['plan', 'policy_check', 'apply']);
    for (const phase of ['plan', 'policy_check', 'apply']) {
      for (const step of workflow[phase].steps) {
        const result = await shell(step.run as string, checkout.dir, env, 'atlantis');
        logs.push(result.output);
        if (result.code !== 0) throw new Error(`Atlantis ${phase} step failed:\n${result.output}`);
      }
      if (phase === 'plan') expect(existsSync(env.PLANFILE)).toBe(true);
    }
    expect(logs.join('\n')).toContain('## Terraform plan for `dev`');
    expect(logs.join('\n')).toMatch(/\d+ policies of dev over .*plan\.json: 0 blocking/);
    expect(existsSync(join(checkout.dir, 'plan-out', 'dev', 'policy.sarif'))).toBe(true);
    expect(logs.join('\n')).toContain('applied dev');
  }, 300_000);
});

function fail(message: string): never {
  throw new Error(message);
}
