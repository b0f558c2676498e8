import { useEffect, useState } from 'preact/hooks';
import type { AgentSite, Report, ReportGroup, ReportMetrics } from '@hearth/protocol';
import { BarChart } from './bar-chart.tsx';
import { CsatSettingsForm } from './csat-settings-form.tsx';
import { dayStart, dayValue, everyDay, formatDuration, formatNumber, formatShare, lastDays, queryString } from './report-format.ts';
import { SitePicker } from '../session/site-picker.tsx';
import { TableRegion } from '../shell/table-region.tsx';

const DAY = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; report: Report };

/** The owners' reports: figures for a date range (UTC days) and site, with charts and a CSV export. */
export default function ReportsPage({ sites }: { sites: AgentSite[] }) {
  const initial = lastDays(Date.now());
  const [from, setFrom] = useState(dayValue(initial.from));
  const [to, setTo] = useState(dayValue(initial.to - DAY));
  const [siteId, setSiteId] = useState('');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const fromMs = dayStart(from);
  const toMs = dayStart(to);
  const query = fromMs !== null && toMs !== null ? queryString({ from: fromMs, to: toMs + DAY, siteId }) : null;

  useEffect(() => {
    if (!query) return;
    let live = true;
    setLoad({ kind: 'loading' });
    fetch(`/api/reports?${query}`, { credentials: 'same-origin' })
      .then(async (res) => {
        const body = (await res.json()) as Report | { error: { message: string } };
        if (!live) return;
        setLoad('error' in body ? { kind: 'error', message: body.error.message } : { kind: 'ready', report: body });
      })
      .catch(() => live && setLoad({ kind: 'error', message: 'Could not reach the server.' }));
    return () => {
      live = false;
    };
  }, [query]);

  return (
    <div class="page">
      <header class="page-head">
        <h1>Reports</h1>
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            From <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            To <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          {sites.length > 1 && (
            <SitePicker sites={sites} value={siteId} onChange={setSiteId} allLabel="All my sites" />
          )}
          {query && (
            <a class="button" href={`/api/reports?${query}&format=csv`} download="hearth-report.csv">
              Export CSV
            </a>
          )}
        </form>
      </header>
      {!query && <p role="alert">Pick a valid date range.</p>}
      {load.kind === 'loading' && <p role="status">Loading report…</p>}
      {load.kind === 'error' && <p role="alert">{load.message}</p>}
      {load.kind === 'ready' && <ReportBody report={load.report} />}
      <CsatSettingsForm sites={sites} />
    </div>
  );
}

function ReportBody({ report }: { report: Report }) {
  const m = report.overall;
  // Every day of the range, quiet ones as 0: a gap in the bars is a day without conversations.
  const days = everyDay(report.volumeByDay, report.from, report.to);
  return (
    <>
      <section class="tiles" aria-label="Overview">
        <Tile label="Conversations" value={String(m.conversations)} />
        <Tile label="CSAT (4–5)" value={formatShare(m.csatScore)} note={m.ratings === 1 ? '1 rating' : `${m.ratings} ratings`} />
        <Tile label="First response, median" value={formatDuration(m.firstResponseMedianMs)} />
        <Tile label="First response, p90" value={formatDuration(m.firstResponseP90Ms)} />
        <Tile label="Average response" value={formatDuration(m.avgResponseMs)} />
        <Tile label="Resolution time" value={formatDuration(m.avgResolutionMs)} />
        <Tile label="First-contact resolution" value={formatShare(m.firstContactResolutionRate)} />
        <Tile label="Missed" value={String(m.missed)} />
        <Tile label="CES average" value={formatNumber(m.cesAverage, 1)} />
      </section>
      <div class="charts">
        <section class="card">
          <h2>Conversations per day</h2>
          <BarChart title="Conversations per day" labels={days.map((d) => d.day.slice(5))} values={days.map((d) => d.count)} />
        </section>
        <section class="card">
          <h2>CSAT distribution</h2>
          <BarChart title="Ratings per score, 1 to 5" labels={['1', '2', '3', '4', '5']} values={m.csatDistribution} />
          <p class="muted">{m.csatDistribution.map((n, i) => `${i + 1}: ${n}`).join(' · ')}</p>
        </section>
      </div>
      <HourOfWeek cells={report.volumeByHourOfWeek} />
      <GroupTable title="Per agent" groups={report.byAgent} />
      <GroupTable title="Per trigger" groups={report.byTrigger} />
      <GroupTable title="Per page" groups={report.byPage} />
    </>
  );
}

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div class="tile">
      <span class="tile-label">{label}</span>
      <strong class="tile-value">{value}</strong>
      {note && <span class="muted">{note}</span>}
    </div>
  );
}

function HourOfWeek({ cells }: { cells: Report['volumeByHourOfWeek'] }) {
  const count = new Map(cells.map((c) => [c.weekday * 24 + c.hour, c.count]));
  const max = Math.max(1, ...cells.map((c) => c.count));
  return (
    <section class="card">
      <h2>Conversations by hour of week (UTC)</h2>
      <TableRegion label="Conversations by hour of week">
      <table class="heatmap">
        <thead>
          <tr>
            <th scope="col" />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day, d) => (
            <tr key={day}>
              <th scope="row">{day}</th>
              {Array.from({ length: 24 }, (_, h) => {
                const n = count.get(d * 24 + h) ?? 0;
                return (
                  <td key={h} style={{ background: n ? `rgba(79, 70, 229, ${0.15 + 0.85 * (n / max)})` : undefined }}>
                    {n || ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </TableRegion>
    </section>
  );
}

const COLUMNS: Array<[string, (m: ReportMetrics) => string]> = [
  ['Conversations', (m) => String(m.conversations)],
  ['First response (median)', (m) => formatDuration(m.firstResponseMedianMs)],
  ['First response (p90)', (m) => formatDuration(m.firstResponseP90Ms)],
  ['Avg response', (m) => formatDuration(m.avgResponseMs)],
  ['Resolution', (m) => formatDuration(m.avgResolutionMs)],
  ['FCR', (m) => formatShare(m.firstContactResolutionRate)],
  ['Missed', (m) => String(m.missed)],
  ['CSAT', (m) => formatShare(m.csatScore)],
  ['Ratings', (m) => String(m.ratings)],
  ['CES', (m) => formatNumber(m.cesAverage, 1)],
];

function GroupTable({ title, groups }: { title: string; groups: ReportGroup[] }) {
  return (
    <section class="card">
      <h2>{title}</h2>
      {groups.length === 0 ? (
        <p class="muted">No conversations in this range.</p>
      ) : (
        <TableRegion label={title}>
          <table class="table data">
            <thead>
              <tr>
                <th scope="col">{title.replace('Per ', '')}</th>
                {COLUMNS.map(([name]) => (
                  <th key={name} scope="col" class="numeric">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row">
                    <span class="cell-clip" dir="auto" title={g.label}>
                      {g.label}
                    </span>
                  </th>
                  {COLUMNS.map(([name, cell]) => (
                    <td key={name} class="numeric">
                      {cell(g)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
