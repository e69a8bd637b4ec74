/**
 * The command line of every command in this project (npm scripts, bin/, the benchmarks, the
 * emulator): arguments are declared once, parsed by `node:util` parseArgs, checked, and the usage
 * text is written from the same declarations, so the help a user reads cannot drift from what is
 * parsed. A leaf module: it imports nothing from lib/, so every layer may use it.
 *
 *   const PLAN = defineCommand({ name: 'plan', invocation: 'npm run plan --', options: { out: { type: 'string', … } } });
 *   runCommand(PLAN, async ({ options, positionals }) => { …; return 0; });
 */
import { parseArgs } from 'node:util';

/** One `--name` option. */
export interface OptionDeclaration {
  /** `string` takes a value, `number` a value that must be a finite number, `boolean` none. */
  readonly type: 'string' | 'number' | 'boolean';
  /** What it does, for the usage text; a `\n` starts an indented continuation line. */
  readonly description: string;
  /** The value's name in the usage text, e.g. `dir` for `--out <dir>`. @default the option's type */
  readonly value?: string;
  /** A one-letter alias, e.g. `p` for `-p`. @default none */
  readonly short?: string;
  /** The command refuses to run without it. @default false */
  readonly required?: boolean;
  /** The only values accepted (case-sensitive). @default any */
  readonly choices?: readonly string[];
  /** The value when the option is absent; shown in the usage text. @default undefined (booleans: false) */
  readonly default?: string | number;
  /** Accept only whole numbers (number options). @default false */
  readonly integer?: boolean;
}

/** One positional argument, in order. */
export interface PositionalDeclaration {
  readonly name: string;
  /** What it is, for the usage text. */
  readonly description: string;
  /** It may be left out (only trailing positionals may be). @default false */
  readonly optional?: boolean;
  /** The only values accepted (case-sensitive). @default any */
  readonly choices?: readonly string[];
}

export interface CommandDeclaration<Options extends Record<string, OptionDeclaration> = Record<string, OptionDeclaration>> {
  /** Short name, the prefix of its error lines, e.g. `plan`. */
  readonly name: string;
  /** How a user types it, the start of the usage line, e.g. `npm run plan --`. @default name */
  readonly invocation?: string;
  /** What the command does: a paragraph of the usage text. @default none */
  readonly description?: string;
  readonly positionals?: readonly PositionalDeclaration[];
  readonly options: Options;
  /**
   * Words this command passes on to another program (e.g. `cdktf deploy` options): when set,
   * unknown options and extra positionals are not errors; they are returned in `passedOn`.
   * The value names them in the usage text. @default undefined (unknown options are errors)
   */
  readonly passesOn?: string;
  /** Exit code for a mistake on the command line. @default 2 */
  readonly usageExitCode?: number;
}

type OptionValue<Declaration extends OptionDeclaration> = Declaration['type'] extends 'boolean'
  ? boolean
  : Declaration['required'] extends true
    ? OptionType<Declaration>
    : Declaration['default'] extends string | number
      ? OptionType<Declaration>
      : OptionType<Declaration> | undefined;
type OptionType<Declaration extends OptionDeclaration> = Declaration['type'] extends 'number'
  ? number
  : Declaration['choices'] extends readonly (infer Choice extends string)[]
    ? Choice
    : string;

/** What the command line said, typed by the declaration. */
export interface CommandLine<Options extends Record<string, OptionDeclaration>> {
  readonly options: { readonly [Name in keyof Options]: OptionValue<Options[Name]> };
  /** The positional arguments, in order (checked against the declared ones). */
  readonly positionals: readonly string[];
  /** The unknown options and extra positionals of a command that `passesOn`, in order. */
  readonly passedOn: readonly string[];
  /** `--help` (or `-h`) was given: nothing else was checked. */
  readonly helpRequested: boolean;
}

/** A mistake on the command line: printed with the usage text, without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Declares a command; `const` keeps the option names and types for the parsed values. */
export function defineCommand<const Options extends Record<string, OptionDeclaration>>(declaration: CommandDeclaration<Options>): CommandDeclaration<Options> {
  for (const [name, option] of Object.entries(declaration.options)) {
    if (name === 'help') throw new Error(`${declaration.name}: --help is every command's own; declare another option name`);
    if (option.type === 'boolean' && (option.default !== undefined || option.required)) {
      throw new Error(`${declaration.name}: boolean --${name} is false unless given; it takes no default and cannot be required`);
    }
  }
  return declaration;
}

const HELP_OPTION = { type: 'boolean', short: 'h' } as const;

/**
 * Parses `argv` against the declaration: unknown options, missing values, values given to
 * switches, values outside `choices`, missing required options or positionals and extra
 * positionals are each a UsageError naming the option or argument.
 */
export function parseCommandLine<Options extends Record<string, OptionDeclaration>>(
  command: CommandDeclaration<Options>,
  argv: readonly string[],
): CommandLine<Options> {
  const declared = command.options as Record<string, OptionDeclaration>;
  const parserOptions = Object.fromEntries(
    Object.entries(declared).map(
      ([name, option]) => [name, { type: option.type === 'boolean' ? 'boolean' : 'string', ...(option.short ? { short: option.short } : {}) }] as const,
    ),
  );
  // Tokens, not strict mode, so each mistake is worded here with the option's name, and a command
  // that passes words on can keep the ones it does not know.
  const { tokens } = parseArgs({ args: [...argv], options: { ...parserOptions, help: HELP_OPTION }, strict: false, allowPositionals: true, tokens: true });
  const given = new Map<string, string | boolean>();
  const positionals: string[] = [];
  const passedOn: string[] = [];
  let afterTerminator = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      afterTerminator = true;
      if (command.passesOn !== undefined) passedOn.push('--');
      continue;
    }
    if (token.kind === 'positional') {
      if (positionals.length < (command.positionals ?? []).length) positionals.push(token.value);
      else if (command.passesOn !== undefined) passedOn.push(token.value);
      else throw new UsageError(`unexpected argument "${token.value}"${afterTerminator ? '' : ` (${command.name} takes ${describeCount(command)})`}.`);
      continue;
    }
    if (token.name === 'help') return { options: {} as CommandLine<Options>['options'], positionals, passedOn, helpRequested: true };
    const option = declared[token.name];
    if (option === undefined) {
      if (command.passesOn !== undefined) {
        passedOn.push(argv[token.index]);
        continue;
      }
      throw new UsageError(`unknown option ${token.rawName}.`);
    }
    if (option.type === 'boolean') {
      if (token.inlineValue) throw new UsageError(`--${token.name} takes no value (got "${token.value}").`);
      given.set(token.name, true);
      continue;
    }
    // parseArgs takes the next word as the value even when it is another option: a forgotten value must not swallow a flag.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && isDeclaredOption(token.value, declared))) {
      throw new UsageError(`--${token.name} needs a value (${valueName(token.name, option)}).`);
    }
    given.set(token.name, token.value);
  }
  const options: Record<string, string | number | boolean | undefined> = {};
  for (const [name, option] of Object.entries(declared)) options[name] = optionValue(name, option, given.get(name));
  checkPositionals(command, positionals);
  return { options: options as CommandLine<Options>['options'], positionals, passedOn, helpRequested: false };
}

function isDeclaredOption(word: string, declared: Record<string, OptionDeclaration>): boolean {
  const name = word.replace(/^--?/, '').split('=')[0];
  return name === 'help' || name === 'h' || name in declared || Object.values(declared).some((option) => option.short === name);
}

function optionValue(name: string, option: OptionDeclaration, given: string | boolean | undefined): string | number | boolean | undefined {
  if (option.type === 'boolean') return given === true;
  if (given === undefined) {
    if (option.required) throw new UsageError(`--${name} is required (${valueName(name, option)}).`);
    return option.default;
  }
  const text = String(given);
  if (option.choices && !option.choices.includes(text))
    throw new UsageError(`--${name} "${text}" is not one of ${option.choices.join(', ')} (case-sensitive).`);
  if (option.type === 'string') return text;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${text}".`);
  if (option.integer && !Number.isInteger(value)) throw new UsageError(`--${name} must be a whole number, got "${text}".`);
  return value;
}

function checkPositionals(command: CommandDeclaration<Record<string, OptionDeclaration>>, positionals: readonly string[]): void {
  for (const [index, declared] of (command.positionals ?? []).entries()) {
    const value = positionals[index];
    const expected = declared.choices ? `: expected one of ${declared.choices.join(', ')}` : ` (${declared.description})`;
    if (value === undefined) {
      if (declared.optional) continue;
      throw new UsageError(`no ${declared.name} given${expected}.`);
    }
    if (declared.choices && !declared.choices.includes(value)) throw new UsageError(`unknown ${declared.name} "${value}"${expected}.`);
  }
}

function describeCount(command: CommandDeclaration<Record<string, OptionDeclaration>>): string {
  const names = (command.positionals ?? []).map((positional) => `<${positional.name}>`);
  return names.length === 0 ? 'no positional arguments' : `only ${names.join(' ')}`;
}

function valueName(name: string, option: OptionDeclaration): string {
  return `--${name} <${option.value ?? option.type}>`;
}

/** Options listed one by one in the usage line up to this many; more read better as `[options]`. */
const SYNOPSIS_OPTIONS = 4;

/** The usage text: the usage line, the description, then every argument and option with what it does. */
export function usageText(command: CommandDeclaration<Record<string, OptionDeclaration>>): string {
  const options = Object.entries(command.options);
  const positionals = command.positionals ?? [];
  const optional = options.filter(([, option]) => !option.required);
  const synopsis = [
    command.invocation ?? command.name,
    ...positionals.map((positional) => (positional.optional ? `[<${positional.name}>]` : `<${positional.name}>`)),
    ...options.filter(([, option]) => option.required).map(([name, option]) => flagText(name, option)),
    ...(optional.length > SYNOPSIS_OPTIONS ? ['[options]'] : optional.map(([name, option]) => `[${flagText(name, option)}]`)),
    ...(command.passesOn !== undefined ? [`[${command.passesOn}]`] : []),
  ].join(' ');
  const rows: [string, string][] = [
    ...positionals.map((positional): [string, string] => [
      `<${positional.name}>`,
      positional.description + (positional.choices ? `: one of ${positional.choices.join(', ')}` : ''),
    ]),
    ...options.map(([name, option]): [string, string] => [
      `${option.short ? `-${option.short}, ` : ''}${flagText(name, option)}`,
      option.description +
        (option.choices ? ` (one of ${option.choices.join(', ')})` : '') +
        (option.default !== undefined ? ` (default ${option.default})` : '') +
        (option.required ? ' (required)' : ''),
    ]),
    ...(command.passesOn !== undefined ? [[command.passesOn, 'passed on as they are'] as [string, string]] : []),
    ['-h, --help', 'show this help'],
  ];
  const width = Math.min(28, Math.max(...rows.map(([term]) => term.length)));
  const row = ([term, text]: [string, string]) => {
    const lines = text.split('\n');
    const first = term.length > width ? `  ${term}\n  ${' '.repeat(width)}  ${lines[0]}` : `  ${term.padEnd(width)}  ${lines[0]}`;
    return [first, ...lines.slice(1).map((line) => `  ${' '.repeat(width)}  ${line}`)].join('\n');
  };
  return [`usage: ${synopsis}`, ...(command.description ? ['', command.description] : []), '', ...rows.map(row)].join('\n') + '\n';
}

function flagText(name: string, option: OptionDeclaration): string {
  return option.type === 'boolean' ? `--${name}` : `--${name} <${option.value ?? option.type}>`;
}

/** Where runCommand writes and how it ends the process; tests replace them. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly exit: (code: number) => void;
}

const PROCESS_IO: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
};

/** Exit code of a command that failed for another reason than its command line. */
const FAILURE_EXIT_CODE = 1;

/**
 * Runs a command's main with its parsed command line. `--help` prints the usage text and exits 0;
 * a UsageError (from parsing or from main) prints the problem and the usage text and exits with
 * `usageExitCode`; another failure prints `<name>: <message>` and exits 1. A main that returns a
 * number ends the process with it; one that returns nothing leaves it running (a server).
 */
export function runCommand<Options extends Record<string, OptionDeclaration>>(
  command: CommandDeclaration<Options>,
  main: (commandLine: CommandLine<Options>) => Promise<number | void> | number | void,
  argv: readonly string[] = process.argv.slice(2),
  io: CommandIo = PROCESS_IO,
): Promise<void> {
  const fail = (error: unknown): void => {
    if (error instanceof UsageError) {
      io.stderr(`${command.name}: ${error.message}\n\n${usageText(command)}`);
      io.exit(command.usageExitCode ?? 2);
    } else {
      io.stderr(`${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
      io.exit(FAILURE_EXIT_CODE);
    }
  };
  let commandLine: CommandLine<Options>;
  try {
    commandLine = parseCommandLine(command, argv);
  } catch (error) {
    fail(error);
    return Promise.resolve();
  }
  if (commandLine.helpRequested) {
    io.stdout(usageText(command));
    io.exit(0);
    return Promise.resolve();
  }
  return Promise.resolve()
    .then(() => main(commandLine))
    .then((code) => {
      if (typeof code === 'number') io.exit(code);
    }, fail);
}
