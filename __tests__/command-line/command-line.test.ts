/** The one command-line parser of every command: declared options, worded mistakes, generated usage. */
import { type CommandIo, UsageError, defineCommand, parseCommandLine, runCommand, usageText } from '../../lib/command-line';

const PLAN = defineCommand({
  name: 'plan',
  invocation: 'npm run plan --',
  description: 'Plans a stack.',
  positionals: [{ name: 'stack', description: 'the stack to plan', choices: ['dev', 'prod'] }],
  options: {
    out: { type: 'string', value: 'dir', description: 'where the files go' },
    'allow-destructive': { type: 'boolean', description: 'let deletions through' },
    runs: { type: 'number', integer: true, default: 3, description: 'how many times' },
    type: { type: 'string', choices: ['DingTalk', 'WeChat'], description: 'the platform' },
  },
  usageExitCode: 1,
});

describe('parseCommandLine', () => {
  test('reads --name value, --name=value, switches and positionals, typed by the declaration', () => {
    const parsed = parseCommandLine(PLAN, ['dev', '--out', 'o', '--allow-destructive', '--runs=5']);
    expect(parsed.positionals).toEqual(['dev']);
    expect(parsed.options).toEqual({ out: 'o', 'allow-destructive': true, runs: 5, type: undefined });
    expect(parsed.helpRequested).toBe(false);
  });

  test('fills defaults and leaves switches false', () => {
    expect(parseCommandLine(PLAN, ['prod']).options).toEqual({ out: undefined, 'allow-destructive': false, runs: 3, type: undefined });
  });

  test('refuses an unknown option, naming it', () => {
    expect(() => parseCommandLine(PLAN, ['dev', '--allow-destructiv'])).toThrow(new UsageError('unknown option --allow-destructiv.'));
  });

  test('refuses an option without its value, also when the next word is another option', () => {
    expect(() => parseCommandLine(PLAN, ['dev', '--out'])).toThrow('--out needs a value (--out <dir>).');
    expect(() => parseCommandLine(PLAN, ['dev', '--out', '--allow-destructive'])).toThrow('--out needs a value (--out <dir>).');
  });

  test('refuses a value given to a switch', () => {
    expect(() => parseCommandLine(PLAN, ['dev', '--allow-destructive=yes'])).toThrow('--allow-destructive takes no value (got "yes").');
  });

  test('refuses values outside the choices and numbers that are not', () => {
    expect(() => parseCommandLine(PLAN, ['dev', '--type', 'Slack'])).toThrow('--type "Slack" is not one of DingTalk, WeChat (case-sensitive).');
    expect(() => parseCommandLine(PLAN, ['dev', '--runs', 'many'])).toThrow('--runs must be a number, got "many".');
    expect(() => parseCommandLine(PLAN, ['dev', '--runs', '1.5'])).toThrow('--runs must be a whole number, got "1.5".');
  });

  test('names a missing or unknown positional and what it takes', () => {
    expect(() => parseCommandLine(PLAN, [])).toThrow('no stack given: expected one of dev, prod.');
    expect(() => parseCommandLine(PLAN, ['qa'])).toThrow('unknown stack "qa": expected one of dev, prod.');
    expect(() => parseCommandLine(PLAN, ['dev', 'extra'])).toThrow('unexpected argument "extra" (plan takes only <stack>).');
  });

  test('refuses a missing required option', () => {
    const command = defineCommand({ name: 'policy', options: { stack: { type: 'string', required: true, description: 'the stack' } } });
    expect(() => parseCommandLine(command, [])).toThrow('--stack is required (--stack <string>).');
  });

  test('--help and -h win over everything else, unchecked', () => {
    expect(parseCommandLine(PLAN, ['--runs', 'x', '--help']).helpRequested).toBe(true);
    expect(parseCommandLine(PLAN, ['-h']).helpRequested).toBe(true);
  });

  test('a command that passes words on keeps the unknown ones, in order', () => {
    const command = defineCommand({
      name: 'deploy',
      positionals: [{ name: 'stack', description: 'the stack' }],
      options: {},
      passesOn: 'cdktf options',
    });
    const parsed = parseCommandLine(command, ['--auto-approve', 'dev', '--var-file=x.tfvars', 'more']);
    expect(parsed.positionals).toEqual(['dev']);
    expect(parsed.passedOn).toEqual(['--auto-approve', '--var-file=x.tfvars', 'more']);
  });
});

describe('usageText', () => {
  test('is written from the declarations: usage line, description, every argument and option', () => {
    expect(usageText(PLAN)).toBe(
      [
        'usage: npm run plan -- <stack> [--out <dir>] [--allow-destructive] [--runs <number>] [--type <string>]',
        '',
        'Plans a stack.',
        '',
        '  <stack>              the stack to plan: one of dev, prod',
        '  --out <dir>          where the files go',
        '  --allow-destructive  let deletions through',
        '  --runs <number>      how many times (default 3)',
        '  --type <string>      the platform (one of DingTalk, WeChat)',
        '  -h, --help           show this help',
        '',
      ].join('\n'),
    );
  });
});

describe('runCommand', () => {
  function capture(): CommandIo & { out: string; err: string; codes: number[] } {
    const io = {
      out: '',
      err: '',
      codes: [] as number[],
      stdout: (text: string) => void (io.out += text),
      stderr: (text: string) => void (io.err += text),
      exit: (code: number) => void io.codes.push(code),
    };
    return io;
  }

  test('runs main with the parsed line and exits with its code', async () => {
    const io = capture();
    await runCommand(PLAN, ({ positionals }) => (positionals[0] === 'dev' ? 2 : 0), ['dev'], io);
    expect(io.codes).toEqual([2]);
  });

  test('prints the usage on --help and exits 0 without running main', async () => {
    const io = capture();
    const main = jest.fn();
    await runCommand(PLAN, main, ['--help'], io);
    expect(main).not.toHaveBeenCalled();
    expect(io.out).toBe(usageText(PLAN));
    expect(io.codes).toEqual([0]);
  });

  test('prints a mistake with the usage and exits with the usage exit code', async () => {
    const io = capture();
    await runCommand(PLAN, () => 0, ['dev', '--nope'], io);
    expect(io.err).toBe(`plan: unknown option --nope.\n\n${usageText(PLAN)}`);
    expect(io.codes).toEqual([1]);
  });

  test('prints a failure of main without the usage and exits 1', async () => {
    const io = capture();
    await runCommand(
      PLAN,
      async () => {
        throw new Error('terraform failed');
      },
      ['dev'],
      io,
    );
    expect(io.err).toBe('plan: terraform failed\n');
    expect(io.codes).toEqual([1]);
  });

  test('leaves the process running when main returns nothing (a server)', async () => {
    const io = capture();
    await runCommand(PLAN, () => undefined, ['dev'], io);
    expect(io.codes).toEqual([]);
  });
});
