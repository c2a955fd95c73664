import type { Percentiles } from './percentiles.ts';
import type { SimulationReport } from './run-simulation.ts';

const CHANNEL: Record<SimulationReport['platform'], string> = {
  facebook: 'Messenger (Facebook Page)',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  x: 'X',
};

const n = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const pct = (part: number, whole: number) => (whole > 0 ? ` (${n((100 * part) / whole, 1)} %)` : '');

export function formatPercentiles(p: Percentiles): string {
  return `p50 ${n(p.p50)} ms   p90 ${n(p.p90)} ms   p99 ${n(p.p99)} ms   max ${n(p.max)} ms   (${p.samples} samples)`;
}

/** The report as people read it in a terminal. */
export function formatReport(r: SimulationReport): string {
  const reasons = Object.entries(r.rejectedReasons)
    .map(([why, count]) => `${why}: ${count}`)
    .join(', ');
  const lines = [
    `Simulation on ${CHANNEL[r.platform]} account ${r.accountId}, ${r.conversations} customers, server ${r.server}`,
    `  offered   ${n(r.offeredRate)} msg/s; sent ${r.sent} of ${r.planned} in ${n(r.sendSeconds, 1)} s (${n(r.achievedRate)} msg/s)` +
      (r.generatorHeldBack > 0 ? `; held back ${r.generatorHeldBack} times by the in-flight cap` : ''),
    `  sent      ${r.sent}`,
    `  accepted  ${r.accepted}${pct(r.accepted, r.sent)}   receiver answered 2xx${r.acceptedLate > 0 ? `; ${r.acceptedLate} known only later (a sandbox retry, or a control call with no answer)` : ''}`,
    `  rejected  ${r.rejected}${reasons ? `   ${reasons}` : ''}`,
    `  replied   ${r.replied}${pct(r.replied, r.accepted)}`,
    `  lost      ${r.lost}   accepted but unanswered after waiting ${n(r.waitSeconds, 1)} s`,
    `  duplicates ${r.duplicates}   replies beyond one per message${r.resends > 0 ? `; ${r.resends} sends repeated the metadata (message id) of an earlier send` : ''}`,
    `  latency   ${formatPercentiles(r.latencyMs)}`,
    '            webhook accepted → reply accepted by the sandbox',
    `  webhook   ${formatPercentiles(r.ackMs)}`,
    '            sandbox builds, signs and delivers → receiver stores and answers 2xx',
    `  ${r.complete ? 'complete: every accepted message was answered' : 'INCOMPLETE: some accepted messages were not answered in time'}`,
    `  Note: ${r.matching}.`,
  ];
  return lines.join('\n');
}
