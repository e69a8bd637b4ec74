/**
 * Creates this working directory has started, so that a create whose outcome never reached
 * Terraform's state (terraform or the provider killed, an answer lost) can be recognised as
 * ours on the next apply instead of failing with "already exists" or, worse, being adopted by
 * another state.
 *
 * OOS has no idempotency token for CreateChatConfiguration, so the provider makes one: a random
 * token sent inside the Configuration JSON (CREATION_TOKEN_KEY) and written here BEFORE the
 * Create call. A configuration found under the same name is ours only if it carries the token
 * this journal holds for that name. Another working directory (another state) has another
 * journal, so two states racing for one name can never both own it.
 *
 * Entries live under Terraform's data directory (TF_DATA_DIR, default .terraform) of the working
 * directory Terraform runs the provider in. They survive a killed process (the rename is atomic;
 * the page cache survives a process kill), not the loss of the folder: a fresh CI runner that
 * lost its folder gets the "already exists, import it" error instead. That is why a provider
 * block with an `owner` uses OwnerMarks (creation-marks.ts) and no journal at all.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { CreationMarks } from './creation-marks';

export { CREATION_TOKEN_KEY } from './creation-marks';
/** Entries older than this are pruned: their creates ended long ago, one way or another. */
const ENTRY_LIFETIME_MS = 30 * 24 * 3600 * 1000;

export interface CreationEntry {
  readonly token: string;
  /** When the create started (ms since the epoch). */
  readonly startedAt: number;
}

export class CreationJournal implements CreationMarks {
  private pruned = false;
  /**
   * The entry files there were when this process first needed to know, plus those it wrote since.
   * Every refresh and destroy settles its configuration: listed once, a plan over 300 resources
   * makes one directory read instead of 300 unlinks of files that are not there.
   */
  private entryFiles?: Promise<Set<string>>;

  constructor(
    /** The folder holding one file per started create. */
    readonly directory: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The journal of the working directory Terraform started this provider in. */
  static forWorkingDirectory(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): CreationJournal {
    return new CreationJournal(join(resolve(cwd, env.TF_DATA_DIR || '.terraform'), 'oos-chat-configuration-creates'));
  }

  /**
   * Records a create about to be sent and returns the token to send with it. A create this folder
   * started before under that name keeps its token: that earlier attempt may have landed.
   */
  async begin(region: string, name: string): Promise<CreationEntry> {
    const earlier = await this.find(region, name);
    const entry: CreationEntry = { token: earlier?.token ?? randomUUID(), startedAt: this.now() };
    try {
      await mkdir(this.directory, { recursive: true });
      if (!this.pruned) await this.prune();
      const file = this.fileOf(region, name);
      const temporary = `${file}.${process.pid}.${entry.token}.tmp`;
      await writeFile(temporary, JSON.stringify(entry));
      await rename(temporary, file);
      (await this.knownEntryFiles()).add(basename(file));
    } catch (error) {
      // A read-only working directory must not stop the create: the token still protects this
      // apply's own retries; only recovery after a killed apply is lost, so say so.
      process.stderr.write(
        `[WARN] creation journal ${this.directory} could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}): a killed apply's creates will need an import\n`,
      );
    }
    return entry;
  }

  /** The create this working directory last started for that name, if any. */
  async find(region: string, name: string): Promise<CreationEntry | undefined> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.fileOf(region, name), 'utf8'));
      return isEntry(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets the entry once Terraform's state holds the configuration (or it is gone). */
  async settle(region: string, name: string): Promise<void> {
    const file = this.fileOf(region, name);
    const known = await this.knownEntryFiles();
    if (!known.delete(basename(file))) return;
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  private knownEntryFiles(): Promise<Set<string>> {
    this.entryFiles ??= readdir(this.directory).then(
      (files) => new Set(files),
      () => new Set<string>(),
    );
    return this.entryFiles;
  }

  private fileOf(region: string, name: string): string {
    // Names are letters, digits, "-", "_" and "." (lib/domain), so they are safe file names.
    return join(this.directory, `${region}.${name}.json`);
  }

  private async prune(): Promise<void> {
    this.pruned = true;
    const cutoff = this.now() - ENTRY_LIFETIME_MS;
    for (const file of await readdir(this.directory)) {
      const path = join(this.directory, file);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await rm(path, { force: true });
    }
  }
}

function isEntry(value: unknown): value is CreationEntry {
  if (typeof value !== 'object' || value === null) return false;
  const candidate: { token?: unknown; startedAt?: unknown } = value;
  return typeof candidate.token === 'string' && typeof candidate.startedAt === 'number';
}
