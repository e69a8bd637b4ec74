/**
 * The README's chart: each variant's median time over the Go anchor's, per phase, as grouped
 * bars with the 1.0 line (Go) and issue 11's targets. A hand-written SVG string, no dependency.
 */
import type { VariantId } from './bench-support';
import { type CompareResult, PHASES, type Phase } from './compare-bench';

const PHASE_COLOURS: Record<Phase, string> = { apply: '#4e79a7', plan: '#f28e2b', destroy: '#59a14f' };
/** Issue 11: the kit ≤ 1.1× apply, ≤ 1.3× plan; oos ≤ 1.3× apply, ≤ 1.6× plan, ≤ 1.3× destroy. */
export const RATIO_TARGETS: Partial<Record<VariantId, Partial<Record<Phase, number>>>> = {
  kit_echo: { apply: 1.1, plan: 1.3 },
  oos: { apply: 1.3, plan: 1.6, destroy: 1.3 },
};
const CHARTED: VariantId[] = ['terraform_data', 'kit_echo', 'oos'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function ratioChartSvg(result: CompareResult, caption: string): string {
  const width = 640;
  const height = 300;
  const left = 48;
  const top = 40;
  const plotHeight = 190;
  const groupWidth = (width - left - 16) / CHARTED.length;
  const barWidth = 34;
  const ratios = CHARTED.map((id) => result.ratiosToGo[id]);
  const maxRatio = Math.max(2, ...ratios.flatMap((r) => (r ? PHASES.map((p) => r[p]) : [])));
  const scale = Math.ceil(maxRatio * 2) / 2;
  const y = (ratio: number) => top + plotHeight - (ratio / scale) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="18" font-size="13" font-weight="bold">${escape(`Time / Go anchor, ${result.count} resources (median of ${result.reps})`)}</text>`,
    `<text x="${left}" y="32" fill="#555">${escape(caption)}</text>`,
  ];
  for (let tick = 0; tick <= scale; tick += 0.5) {
    parts.push(
      `<line x1="${left}" x2="${width - 16}" y1="${y(tick)}" y2="${y(tick)}" stroke="${tick === 1 ? '#333' : '#ddd'}"${tick === 1 ? ' stroke-dasharray="4 3"' : ''}/>`,
    );
    parts.push(`<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick.toFixed(1)}×</text>`);
  }
  CHARTED.forEach((id, group) => {
    const x0 = left + group * groupWidth + (groupWidth - barWidth * PHASES.length) / 2;
    const r = result.ratiosToGo[id];
    PHASES.forEach((phase, i) => {
      const x = x0 + i * barWidth;
      const ratio = r?.[phase];
      if (ratio === undefined) return;
      parts.push(`<rect x="${x + 2}" y="${y(ratio)}" width="${barWidth - 4}" height="${y(0) - y(ratio)}" fill="${PHASE_COLOURS[phase]}"/>`);
      parts.push(`<text x="${x + barWidth / 2}" y="${y(ratio) - 3}" text-anchor="middle">${ratio.toFixed(2)}</text>`);
      const target = RATIO_TARGETS[id]?.[phase];
      if (target !== undefined) parts.push(`<line x1="${x}" x2="${x + barWidth}" y1="${y(target)}" y2="${y(target)}" stroke="#c00" stroke-width="2"/>`);
    });
    parts.push(`<text x="${x0 + (barWidth * PHASES.length) / 2}" y="${top + plotHeight + 16}" text-anchor="middle">${escape(id)}</text>`);
  });
  const legendY = height - 18;
  PHASES.forEach((phase, i) => {
    parts.push(`<rect x="${left + i * 110}" y="${legendY - 9}" width="10" height="10" fill="${PHASE_COLOURS[phase]}"/>`);
    parts.push(`<text x="${left + i * 110 + 14}" y="${legendY}">${phase === 'plan' ? 'plan with refresh' : phase}</text>`);
  });
  parts.push(`<line x1="${left + 340}" x2="${left + 360}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="#c00" stroke-width="2"/>`);
  parts.push(`<text x="${left + 364}" y="${legendY}">target (issue 11)</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
