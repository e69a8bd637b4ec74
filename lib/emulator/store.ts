/**
 * The emulator's state ("the cloud side"): chat configurations, secret parameters and tags, per
 * region. Held in memory; when a data file is given, every change is written to it atomically
 * (temp file, fsync, rename) before the request is answered, so killing the process loses nothing
 * that was acknowledged. The file holds secret values in clear, as the real service does behind
 * its API: it must be protected like any credential store (it is created mode 0600).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { internalError } from './errors';

export interface ChatConfigurationRecord {
  name: string;
  type: string;
  ramRole?: string;
  /** The parsed Configuration JSON, secrets in clear. */
  configuration: Record<string, string>;
  resourceGroupId: string;
  createdDate: string;
  updatedDate: string;
}

export interface SecretParameterVersion {
  version: number;
  value: string;
  updatedDate: string;
}

export interface SecretParameterRecord {
  name: string;
  id: string;
  description?: string;
  /** The KMS key given on create; absent = OOS's own key. */
  keyId?: string;
  /** The Constraints JSON text given on create, as sent. */
  constraints?: string;
  /** The create's ClientToken: the same token again returns this parameter instead of failing. */
  clientToken?: string;
  resourceGroupId: string;
  createdDate: string;
  updatedDate: string;
  /** Every version ever written, oldest first; the last one is current. */
  versions: SecretParameterVersion[];
}

/** One region's resources. Maps, not plain objects, so names like `__proto__` are just names. */
export class RegionState {
  readonly chatConfigurations = new Map<string, ChatConfigurationRecord>();
  readonly secretParameters = new Map<string, SecretParameterRecord>();
  /** resourceType -> resourceId -> tag key -> tag value */
  readonly tags = new Map<string, Map<string, Map<string, string>>>();

  get isEmpty(): boolean {
    return this.chatConfigurations.size === 0 && this.secretParameters.size === 0 && this.tags.size === 0;
  }

  tagsOf(resourceType: string, resourceId: string): ReadonlyMap<string, string> {
    return this.tags.get(resourceType)?.get(resourceId) ?? new Map();
  }

  /** The mutable tag map of a resource, created on first use. */
  editTags(resourceType: string, resourceId: string): Map<string, string> {
    let byId = this.tags.get(resourceType);
    if (byId === undefined) this.tags.set(resourceType, (byId = new Map()));
    let tags = byId.get(resourceId);
    if (tags === undefined) byId.set(resourceId, (tags = new Map()));
    return tags;
  }

  /** Drops empty tag maps so deleted resources leave nothing behind. */
  compactTags(resourceType: string, resourceId: string): void {
    const byId = this.tags.get(resourceType);
    if (byId === undefined) return;
    if (byId.get(resourceId)?.size === 0) byId.delete(resourceId);
    if (byId.size === 0) this.tags.delete(resourceType);
  }

  removeTags(resourceType: string, resourceId: string): void {
    this.tags.get(resourceType)?.delete(resourceId);
    this.compactTags(resourceType, resourceId);
  }
}

export class EmulatorState {
  private readonly regions = new Map<string, RegionState>();

  /**
   * A copy that no later change to this state can reach: what a failed change rolls back to.
   * Records are replaced, never edited, so they are shared; the maps and tag maps are copied.
   */
  copy(): EmulatorState {
    const copy = new EmulatorState();
    for (const [regionId, region] of this.regions) {
      const target = copy.region(regionId);
      for (const [name, record] of region.chatConfigurations) target.chatConfigurations.set(name, record);
      for (const [name, record] of region.secretParameters) target.secretParameters.set(name, record);
      for (const [resourceType, byId] of region.tags) {
        target.tags.set(resourceType, new Map([...byId].map(([resourceId, tags]) => [resourceId, new Map(tags)])));
      }
    }
    return copy;
  }

  /** The region's state; an empty one is created on first use (and not saved while empty). */
  region(regionId: string): RegionState {
    let region = this.regions.get(regionId);
    if (region === undefined) this.regions.set(regionId, (region = new RegionState()));
    return region;
  }

  entries(): IterableIterator<[string, RegionState]> {
    return this.regions.entries();
  }
}

const FORMAT_VERSION = 1;

interface SerializedRegion {
  chatConfigurations: ChatConfigurationRecord[];
  secretParameters: SecretParameterRecord[];
  tags: Array<{ resourceType: string; resourceId: string; tags: Array<[string, string]> }>;
}

interface SerializedState {
  formatVersion: number;
  regions: Array<{ regionId: string } & SerializedRegion>;
}

function serialize(state: EmulatorState): string {
  const regions: SerializedState['regions'] = [];
  for (const [regionId, region] of state.entries()) {
    if (region.isEmpty) continue;
    const tags: SerializedRegion['tags'] = [];
    for (const [resourceType, byId] of region.tags) {
      for (const [resourceId, tagMap] of byId) tags.push({ resourceType, resourceId, tags: [...tagMap] });
    }
    regions.push({
      regionId,
      chatConfigurations: [...region.chatConfigurations.values()],
      secretParameters: [...region.secretParameters.values()],
      tags,
    });
  }
  const document: SerializedState = { formatVersion: FORMAT_VERSION, regions };
  return `${JSON.stringify(document, null, 1)}\n`;
}

function deserialize(text: string): EmulatorState {
  const document = JSON.parse(text) as SerializedState;
  if (document === null || typeof document !== 'object' || document.formatVersion !== FORMAT_VERSION || !Array.isArray(document.regions)) {
    throw new Error(`unsupported data format (expected formatVersion ${FORMAT_VERSION})`);
  }
  const state = new EmulatorState();
  for (const serialized of document.regions) {
    const region = state.region(serialized.regionId);
    for (const record of serialized.chatConfigurations) region.chatConfigurations.set(record.name, record);
    for (const record of serialized.secretParameters) region.secretParameters.set(record.name, record);
    for (const entry of serialized.tags) {
      const tags = region.editTags(entry.resourceType, entry.resourceId);
      for (const [key, value] of entry.tags) tags.set(key, value);
    }
  }
  return state;
}

/** Replaces `file` in one step: readers see the old content or the new, never a partial write. */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const descriptor = fs.openSync(temporary, 'w', 0o600);
    try {
      fs.writeSync(descriptor, content);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}

/**
 * Removes `<file>.<pid>.tmp` left by a writer killed between write and rename (they hold secrets
 * in clear), unless that process still runs (a second emulator on the same file is its business).
 */
function removeStaleTemporaries(file: string): void {
  const prefix = `${path.basename(file)}.`;
  for (const entry of fs.readdirSync(path.dirname(file))) {
    const pid = entry.startsWith(prefix) && entry.endsWith('.tmp') ? entry.slice(prefix.length, -'.tmp'.length) : '';
    if (!/^\d+$/.test(pid) || (Number(pid) !== process.pid && isRunning(Number(pid)))) continue;
    fs.rmSync(path.join(path.dirname(file), entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes the rename itself durable; not every platform lets a directory be opened, hence best effort. */
function syncDirectory(directory: string): void {
  try {
    const descriptor = fs.openSync(directory, 'r');
    try {
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
  } catch {
    // The file content is already durable; only the directory entry's durability is at stake.
  }
}

/**
 * One emulator per data file. Each keeps the whole state in memory and rewrites the file after
 * every change, so a second one on the same file would serve stale data and overwrite the first
 * one's changes. `<file>.lock`, created exclusively, holds the owner's pid; a lock whose process
 * no longer runs (a killed emulator) is taken over. Within one process, a registry does the same.
 */
class DataFileLock {
  private static readonly held = new Set<string>();

  private constructor(
    private readonly lockFile: string,
    private readonly dataFile: string,
  ) {}

  static acquire(dataFile: string): DataFileLock {
    const lockFile = `${dataFile}.lock`;
    if (DataFileLock.held.has(dataFile)) throw inUse(dataFile, process.pid);
    for (let attempt = 0; ; attempt++) {
      try {
        fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
        DataFileLock.held.add(dataFile);
        return new DataFileLock(lockFile, dataFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      }
      const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
      // Our own pid in a lock this process does not hold: left by an earlier process with that pid.
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) throw inUse(dataFile, owner);
      fs.rmSync(lockFile, { force: true });
    }
  }

  release(): void {
    if (!DataFileLock.held.delete(this.dataFile)) return;
    fs.rmSync(this.lockFile, { force: true });
  }
}

function inUse(dataFile: string, pid: number): Error {
  return new Error(
    `The data file ${dataFile} is in use by another emulator (pid ${pid}${pid === process.pid ? ', this process' : ''}): ` +
      'two emulators on one file would serve stale data and overwrite each other. Stop the other one, or give this one another --data file.',
  );
}

export class EmulatorStore {
  private state: EmulatorState;

  private constructor(
    private readonly dataFile: string | undefined,
    initial: string | undefined,
  ) {
    this.state = initial === undefined ? new EmulatorState() : deserialize(initial);
  }

  /**
   * Loads `dataFile` when it exists; throws (refusing to start) when it cannot be read as emulator
   * data, or when another emulator holds it (see DataFileLock). `close()` lets it go.
   */
  static open(dataFile?: string): EmulatorStore {
    if (dataFile === undefined) return new EmulatorStore(undefined, undefined);
    const resolved = path.resolve(dataFile);
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    const lock = DataFileLock.acquire(resolved);
    try {
      removeStaleTemporaries(resolved);
      let content: string | undefined;
      try {
        content = fs.readFileSync(resolved, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      try {
        const store = new EmulatorStore(resolved, content);
        store.lock = lock;
        return store;
      } catch (error) {
        throw new Error(`The data file ${resolved} is not valid emulator data: ${(error as Error).name}. Move it away or fix it.`);
      }
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  private lock: DataFileLock | undefined;

  /** Lets the data file go, so another emulator may open it. */
  close(): void {
    this.lock?.release();
    this.lock = undefined;
  }

  /** Read access; do not modify what it returns outside `mutate`. */
  region(regionId: string): RegionState {
    return this.state.region(regionId);
  }

  /**
   * Runs a change and commits it (to the data file when there is one). If the change throws, or
   * the file cannot be written, the state rolls back to the last commit and the error propagates
   * (a write failure as InternalError), so memory and file never disagree.
   */
  mutate<T>(change: (state: EmulatorState) => T): T {
    // A copy rather than a serialized snapshot: serializing every record on every change made
    // 300 creates cost O(n²) (issue 18); the file is written only when there is one.
    const committed = this.state.copy();
    let result: T;
    try {
      result = change(this.state);
    } catch (error) {
      this.state = committed;
      throw error;
    }
    if (this.dataFile !== undefined) {
      try {
        writeFileAtomically(this.dataFile, serialize(this.state));
      } catch {
        this.state = committed;
        throw internalError();
      }
    }
    return result;
  }
}

/** `2025-12-11T13:49:10+00:00`, the form OOS uses for CreatedDate and UpdatedDate. */
export function formatResourceDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
