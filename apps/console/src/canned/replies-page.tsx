import { useEffect, useState } from 'preact/hooks';
import type { AgentSite, CannedReply, SiteId } from '@hearth/protocol';
import { useConsoleState } from '../store/use-console-state.ts';
import { deskApi, type DeskDataStore } from './desk-api.ts';
import { SitePicker } from '../session/site-picker.tsx';
import { TableRegion } from '../shell/table-region.tsx';

interface Props {
  sites: AgentSite[];
  desk: DeskDataStore;
}

interface Draft {
  id: string | null;
  siteId: SiteId;
  scope: 'site' | 'personal';
  title: string;
  shortcut: string;
  text: string;
}

const PLACEHOLDER_HELP = '{{visitor.name}}, {{visitor.first_name}}, {{visitor.email}}, {{agent.name}}, {{site.name}} — add a fallback with {{visitor.name | there}}';

/** Canned replies: everyone manages their own; owners also the site-wide ones. */
export function RepliesPage({ sites, desk }: Props) {
  const { replies } = useConsoleState(desk);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));
  const isOwner = (siteId: string) => sites.some((s) => s.id === siteId && s.role === 'owner');
  useEffect(() => void desk.reloadReplies(), [desk]);

  const blank = (): Draft => ({ id: null, siteId: sites[0]!.id as SiteId, scope: 'personal', title: '', shortcut: '', text: '' });

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const input = { title: draft.title, shortcut: draft.shortcut, text: draft.text };
    const r = draft.id ? await deskApi.updateCanned(draft.siteId, draft.id, input) : await deskApi.createCanned(draft.siteId, { ...input, scope: draft.scope });
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setError(null);
    setDraft(null);
    await desk.reloadReplies();
  }

  async function remove(reply: CannedReply) {
    if (!confirm(`Delete the canned reply /${reply.shortcut}?`)) return;
    const r = await deskApi.deleteCanned(reply.siteId, reply.id);
    if (!r.ok) setError(r.message);
    await desk.reloadReplies();
  }

  const edit = (r: CannedReply) => setDraft({ id: r.id, siteId: r.siteId, scope: r.scope, title: r.title, shortcut: r.shortcut, text: r.text });

  return (
    <main class="page replies-page" aria-labelledby="replies-title">
      <div class="page-head">
        <h1 id="replies-title">Canned replies</h1>
        <button type="button" class="button button--primary" disabled={sites.length === 0} onClick={() => setDraft(blank())}>
          New reply
        </button>
      </div>
      <p class="muted">Type / in the reply box to insert one. Placeholders: {PLACEHOLDER_HELP}.</p>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {draft && (
        <form class="card replies-form" onSubmit={(e) => void save(e)} aria-label={draft.id ? 'Edit canned reply' : 'New canned reply'}>
          {!draft.id && sites.length > 1 && (
            <SitePicker class="field" sites={sites} value={draft.siteId} onChange={(siteId) => setDraft({ ...draft, siteId, scope: 'personal' })} />
          )}
          {!draft.id && (
            <label class="field">
              Who can use it
              <select value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.currentTarget.value as Draft['scope'] })}>
                <option value="personal">Only me</option>
                {isOwner(draft.siteId) && <option value="site">Everyone on the site</option>}
              </select>
            </label>
          )}
          <label class="field">
            Title
            <input required maxLength={80} dir="auto" value={draft.title} onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
          </label>
          <label class="field">
            Shortcut
            <input
              required
              maxLength={32}
              pattern="[a-z0-9\-]{1,32}"
              title="Lowercase letters, digits and dashes"
              value={draft.shortcut}
              onInput={(e) => setDraft({ ...draft, shortcut: e.currentTarget.value })}
            />
          </label>
          <label class="field field--wide">
            Text
            <textarea required maxLength={2000} rows={4} dir="auto" value={draft.text} onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })} />
          </label>
          <div class="form-actions">
            <button type="submit" class="button button--primary">
              Save
            </button>
            <button type="button" class="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {replies.length === 0 ? (
        <p class="empty">No canned replies yet.</p>
      ) : (
        <TableRegion label="Canned replies">
        <table class="table replies-table">
          <thead>
            <tr>
              <th scope="col">Shortcut</th>
              <th scope="col">Title</th>
              <th scope="col">Text</th>
              <th scope="col">Scope</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {replies.map((r) => (
              <tr key={r.id}>
                <td class="replies-shortcut">
                  <code>/{r.shortcut}</code>
                </td>
                <td class="replies-title" dir="auto">{r.title}</td>
                <td class="replies-text" dir="auto">{r.text}</td>
                <td>{r.scope === 'site' ? `Site-wide${sites.length > 1 ? ` · ${siteNames.get(r.siteId) ?? ''}` : ''}` : 'Mine'}</td>
                <td class="actions-cell">
                  {r.editable && (
                    <>
                      <button type="button" class="link-button" onClick={() => edit(r)} aria-label={`Edit /${r.shortcut}`}>
                        Edit
                      </button>{' '}
                      <button type="button" class="link-button" onClick={() => void remove(r)} aria-label={`Delete /${r.shortcut}`}>
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableRegion>
      )}
    </main>
  );
}
