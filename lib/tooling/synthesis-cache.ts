/**
 * Skips synthesis when its output would be the same: the app's code, the framework's version, the
 * output folder and the environment the app reads are unchanged, and the synthesised files are as
 * the last synthesis left them. A plan on an unchanged checkout then never loads cdktf (~0.4 s).
 *
 * The app reads its settings only from variables named CHATOPS_*, ALIBABA_CLOUD_* and CDKTF_* (the
 * cdktf CLI's own): a setting read from another variable must take one of these prefixes, or the
 * cache would not see it change. CHATOPS_SYNTH_CACHE=off turns the cache off.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY } from '../release/repository';

/** Prefixes of the environment variables whose values synthesis may depend on. */
export const SYNTHESIS_ENVIRONMENT_PREFIXES = ['CHATOPS_', 'ALIBABA_CLOUD_', 'CDKTF_', 'SYNTH_'] as const;

const STAMP_FILE = '.oos-chatops-synth.json';

interface CdktfManifest {
  readonly stacks: Record<string, { readonly synthesizedStackPath: string }>;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export class SynthesisCache {
  private readonly stampFile: string;

  /** `appBundle`: one file holding all of the app's own code (the bundle scripts/run.js made). */
  constructor(
    private readonly outdir: string,
    private readonly appBundle: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.stampFile = join(outdir, STAMP_FILE);
  }

  /** Whether the last synthesis into the folder had these inputs and its output is untouched. */
  isFresh(): boolean {
    if (this.env.CHATOPS_SYNTH_CACHE === 'off' || !existsSync(this.stampFile)) return false;
    const stamp = JSON.parse(readFileSync(this.stampFile, 'utf8')) as { inputs: string; outputs: string };
    return stamp.inputs === this.inputs() && stamp.outputs === this.outputs();
  }

  /** Remembers the synthesis just made. */
  record(): void {
    const outputs = this.outputs();
    if (outputs === undefined) rmSync(this.stampFile, { force: true });
    else writeFileSync(this.stampFile, JSON.stringify({ inputs: this.inputs(), outputs }));
  }

  private inputs(): string {
    const frameworks = ['cdktf', 'constructs'].map((name) => {
      const file = join(REPOSITORY, 'node_modules', name, 'package.json');
      return `${name}@${existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'missing'}`;
    });
    const environment = Object.entries(this.env)
      .filter(([key]) => SYNTHESIS_ENVIRONMENT_PREFIXES.some((prefix) => key.startsWith(prefix)))
      .sort(([a], [b]) => a.localeCompare(b));
    return sha256(JSON.stringify([sha256(readFileSync(this.appBundle)), frameworks, process.version, this.outdir, process.cwd(), environment]));
  }

  /** A digest of the manifest and every synthesised stack, or undefined when the manifest is missing. */
  private outputs(): string | undefined {
    const manifestFile = join(this.outdir, 'manifest.json');
    if (!existsSync(manifestFile)) return undefined;
    const manifest = readFileSync(manifestFile);
    const stacks = Object.values((JSON.parse(manifest.toString('utf8')) as CdktfManifest).stacks).map(({ synthesizedStackPath }) => {
      const file = join(this.outdir, synthesizedStackPath);
      return existsSync(file) ? sha256(readFileSync(file)) : 'missing';
    });
    return sha256(JSON.stringify([sha256(manifest), stacks]));
  }
}
