/**
 * The bench's one table: every figure, the baseline's where there is one, Hearth ÷ baseline, and
 * the goal with whether this run met it. Goals are judged here, never in `pnpm test`.
 */
import type { RatePhase } from './load.ts';
import type { StoreResult } from './store.ts';
import type { RoutingResult } from './routing.ts';
import type { WebhookBenchResult } from './webhooks.ts';

export interface Row {
  step: string;
  measure: string;
  hearth: string;
  baseline?: string;
  ratio?: string;
  goal?: string;
  met?: boolean;
}

interface Results {
  widget?: {
    loader: { gzip: number; brotli: number; budgetGzip: number };
    triggers?: { gzip: number; brotli: number; budgetGzip: number };
    panel: { gzip: number; brotli: number; budgetGzip: number };
    panelLazy?: { gzip: number; brotli: number };
  };
  launcher?: { loads: number; launcherMedianMs: number; launcherMaxMs: number; longTasksPerLoad: number; longTaskMsMedian: number };
  messages?: { hearth: { agents: number; visitors: number; phases: RatePhase[] }; baseline: { phases: RatePhase[] } };
  idle?: { opened: number; requested: number; rssPerSocketKb: number; acceptPerSecond: number; idleCpuCores: number; serverPeakRssMb: number; stillOpenAfterIdle: number };
  store?: StoreResult[];
  routing?: RoutingResult;
  webhooks?: WebhookBenchResult;
  goals?: Row[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
// Latencies are null (NaN through IPC) when nothing arrived: shown as '–', never as a figure.
const ms = (n: number | null) => (n === null || Number.isNaN(n) ? '–' : `${n.toFixed(2)} ms`);
const times = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? `${(a / b).toFixed(2)}×` : '');

export function goalRows(results: Results, goals: { loaderGzip: number; panelGzip: number; launcherMs: number }): Row[] {
  const rows: Row[] = [];
  const { widget, launcher, messages, idle, store, routing, webhooks } = results;
  if (widget) {
    const { loader, triggers, panel, panelLazy } = widget;
    rows.push({ step: 'widget', measure: 'loader gzip / brotli', hearth: `${kb(loader.gzip)} / ${kb(loader.brotli)}`, goal: `≤ ${kb(goals.loaderGzip)} gzip (budget ${kb(loader.budgetGzip)}, ${kb(loader.budgetGzip - loader.gzip)} under)`, met: loader.gzip <= goals.loaderGzip });
    if (triggers) rows.push({ step: 'widget', measure: 'triggers chunk gzip / brotli (sites with triggers, once idle)', hearth: `${kb(triggers.gzip)} / ${kb(triggers.brotli)}`, goal: `budget ${kb(triggers.budgetGzip)}`, met: triggers.gzip <= triggers.budgetGzip });
    rows.push({ step: 'widget', measure: 'panel on opening (English) gzip / brotli', hearth: `${kb(panel.gzip)} / ${kb(panel.brotli)}`, goal: `≤ ${kb(goals.panelGzip)} gzip (budget ${kb(panel.budgetGzip)}, ${kb(panel.budgetGzip - panel.gzip)} under)`, met: panel.gzip <= goals.panelGzip });
    if (panelLazy) rows.push({ step: 'widget', measure: 'panel lazy chunks, all together (locales, emoji, CSAT, contact form, transcript; each fetched only when used)', hearth: `${kb(panelLazy.gzip)} / ${kb(panelLazy.brotli)}` });
  }
  if (launcher) {
    rows.push({ step: 'launcher', measure: `loader start → launcher painted, median of ${launcher.loads}`, hearth: `${ms(launcher.launcherMedianMs)} (max ${ms(launcher.launcherMaxMs)})`, goal: `≤ ${goals.launcherMs} ms`, met: launcher.launcherMedianMs <= goals.launcherMs });
    rows.push({ step: 'launcher', measure: 'long tasks per /demo load (whole page)', hearth: `${launcher.longTasksPerLoad} (median ${ms(launcher.longTaskMsMedian)})` });
  }
  if (messages) {
    const label = `${messages.hearth.visitors} visitors / ${messages.hearth.agents} agents`;
    messages.hearth.phases.forEach((h, i) => {
      const b = messages.baseline.phases[i]!;
      const step = `${h.offeredRate} msg/s`;
      const at1k = h.offeredRate === 1000;
      rows.push({ step, measure: `send → agent p50 (${label})`, hearth: ms(h.e2e.p50Ms), baseline: ms(b.e2e.p50Ms), ratio: times(h.e2e.p50Ms, b.e2e.p50Ms), ...(at1k ? { goal: '≤ 2 ms, ≤ 1.5× relay', met: h.lost === 0 && h.e2e.p50Ms <= 2 && h.e2e.p50Ms <= 1.5 * b.e2e.p50Ms } : {}) });
      rows.push({ step, measure: 'send → agent p99', hearth: ms(h.e2e.p99Ms), baseline: ms(b.e2e.p99Ms), ratio: times(h.e2e.p99Ms, b.e2e.p99Ms), ...(at1k ? { goal: '≤ 10 ms, ≤ 1.5× relay', met: h.lost === 0 && h.e2e.p99Ms <= 10 && h.e2e.p99Ms <= 1.5 * b.e2e.p99Ms } : {}) });
      rows.push({ step, measure: 'send → agent max', hearth: ms(h.e2e.maxMs), baseline: ms(b.e2e.maxMs), ratio: times(h.e2e.maxMs, b.e2e.maxMs) });
      rows.push({ step, measure: 'ack p50 / p99 (durable)', hearth: `${ms(h.ack.p50Ms)} / ${ms(h.ack.p99Ms)}`, baseline: `${ms(b.ack.p50Ms)} / ${ms(b.ack.p99Ms)}`, ratio: `${times(h.ack.p50Ms, b.ack.p50Ms)} / ${times(h.ack.p99Ms, b.ack.p99Ms)}` });
      rows.push({ step, measure: 'sent = stored = delivered (undelivered after drain)', hearth: `${h.sent} = ${h.stored} = ${h.delivered} (${h.lost})`, baseline: `${b.sent} = – = ${b.delivered} (${b.lost})`, goal: 'no loss', met: h.lost === 0 && h.stored === h.sent && h.ackFailed === 0 });
      rows.push({ step, measure: 'deliveries per message (all agents)', hearth: String(h.fanOut), baseline: String(b.fanOut) });
      rows.push({ step, measure: 'server CPU / peak RSS (swarm CPU)', hearth: `${h.serverCpuCores} cores / ${h.serverPeakRssMb} MB (${h.swarmCpuCores})`, baseline: `${b.serverCpuCores} cores / ${b.serverPeakRssMb} MB (${b.swarmCpuCores})` });
    });
  }
  if (idle) {
    rows.push({ step: 'idle sockets', measure: `RSS per idle visitor socket (${idle.opened} of ${idle.requested} open, ${idle.stillOpenAfterIdle} after idling)`, hearth: `${idle.rssPerSocketKb} KB`, goal: '≤ 16 KB with ≥ 20,000', met: idle.rssPerSocketKb <= 16 && idle.opened >= 20_000 });
    rows.push({ step: 'idle sockets', measure: 'accept rate / idle CPU / peak RSS', hearth: `${idle.acceptPerSecond}/s / ${idle.idleCpuCores} cores / ${idle.serverPeakRssMb} MB` });
  }
  for (const s of store ?? []) {
    const group = s.mode === 'group commit';
    rows.push({ step: 'store', measure: `durable inserts, ${s.mode} (${s.messages})`, hearth: `${s.perSecond}/s, p50 ${ms(s.p50Ms)}, p99 ${ms(s.p99Ms)}`, ...(group ? { goal: '≥ 5,000/s, p99 ≤ 25 ms', met: s.perSecond >= 5000 && s.p99Ms <= 25 } : {}) });
  }
  if (routing) {
    rows.push({ step: 'routing', measure: `pickAgent decision over ${routing.agents} agents`, hearth: `p50 ${routing.decisionMicrosP50} µs, p99 ${routing.decisionMicrosP99} µs` });
    rows.push({ step: 'routing', measure: `assignWaiting: ${routing.waiting} waiting, ${routing.agents} agents, one transaction`, hearth: `${routing.drainAssigned} assigned in ${routing.drainMs} ms (${routing.assignmentsPerSecond}/s)` });
  }
  if (webhooks) {
    rows.push({
      step: 'webhooks',
      measure: `signed deliveries to a local receiver (${webhooks.events} events, ${webhooks.lines} conversations)`,
      hearth: `${webhooks.eventsPerSecond}/s, write → receipt p50 ${ms(webhooks.latencyP50Ms)}, p99 ${ms(webhooks.latencyP99Ms)}`,
      goal: 'all delivered once, in order per conversation',
      met: webhooks.delivered === webhooks.events && webhooks.duplicates === 0 && webhooks.inOrder,
    });
  }
  return rows;
}

export function printTable(results: Results): void {
  const header: Row = { step: 'step', measure: 'measure', hearth: 'Hearth', baseline: 'bare relay', ratio: 'Hearth ÷ relay', goal: 'goal' };
  const rows = results.goals ?? [];
  const cells = (r: Row, isHeader = false) => [r.step, r.measure, r.hearth, r.baseline ?? '', r.ratio ?? '', r.goal ?? '', isHeader ? 'met' : r.met === undefined ? '' : r.met ? 'yes' : 'NO'];
  const all = [cells(header, true), ...rows.map((r) => cells(r))];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join(' │ ');
  console.log(line(all[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const c of all.slice(1)) console.log(line(c));
}
