import { useEffect, useRef, useState } from 'preact/hooks';
import type { MemberRole, SiteId, TeamView } from '@hearth/protocol';
import { teamApi } from './settings-api.ts';
import { copyText } from './copy-text.ts';
import { TableRegion } from '../shell/table-region.tsx';

const ROLE_NAMES: Record<MemberRole, string> = { owner: 'Owner', agent: 'Agent' };
const dateText = (ms: number) => new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * Settings → Team: members and roles (owners change and remove; the server keeps the last owner),
 * invitations by link (created, listed while pending, revocable).
 */
export function TeamSection({ siteId, role, agentId }: { siteId: SiteId; role: MemberRole; agentId: string }) {
  const [team, setTeam] = useState<TeamView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [inviteRole, setInviteRole] = useState<MemberRole>('agent');
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const linkField = useRef<HTMLTextAreaElement>(null);
  const owner = role === 'owner';

  const load = async () => {
    const res = await teamApi.read(siteId);
    if (res.ok) setTeam(res.data);
    else setError(res.message);
  };
  useEffect(() => void load(), [siteId]);

  async function apply(request: Promise<{ ok: true; data: TeamView } | { ok: false; message: string }>) {
    const res = await request;
    setError(res.ok ? null : res.message);
    if (res.ok) setTeam(res.data);
  }

  async function invite(e: Event) {
    e.preventDefault();
    const res = await teamApi.invite(siteId, { email, role: inviteRole });
    if (!res.ok) return setError(res.message);
    setError(null);
    setEmail('');
    setCopied(false);
    setLink(location.origin + res.data.link);
    await load();
  }

  return (
    <section class="settings-section" id="team" aria-labelledby="team-title">
      <h2 id="team-title">Team</h2>
      {!owner && <p class="read-only-note">Only the site's owners can invite people or change roles.</p>}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <TableRegion label="Members">
      <table class="table team-table">
        <caption class="visually-hidden">Members</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            {owner && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {team?.members.map((m) => (
            <tr key={m.agentId}>
              <th scope="row">
                <bdi>{m.name}</bdi>
                {m.agentId === agentId && ' (you)'}
              </th>
              <td>{m.email}</td>
              <td>
                {owner ? (
                  <select aria-label={`Role of ${m.name}`} value={m.role} onChange={(e) => void apply(teamApi.setRole(siteId, m.agentId, e.currentTarget.value as MemberRole))}>
                    <option value="owner">Owner</option>
                    <option value="agent">Agent</option>
                  </select>
                ) : (
                  ROLE_NAMES[m.role]
                )}
              </td>
              {owner && (
                <td>
                  <button
                    type="button"
                    class="button button--ghost"
                    onClick={() => confirm(`Remove ${m.name} from this site?`) && void apply(teamApi.remove(siteId, m.agentId))}
                  >
                    Remove<span class="visually-hidden"> {m.name}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      </TableRegion>
      {owner && (
        <>
          <h3>Invite someone</h3>
          <form class="invite-form" onSubmit={(e) => void invite(e)}>
            <label class="field">
              Email
              <input type="email" required maxLength={254} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            </label>
            <label class="field">
              Role
              <select value={inviteRole} onChange={(e) => setInviteRole(e.currentTarget.value as MemberRole)}>
                <option value="agent">Agent</option>
                <option value="owner">Owner</option>
              </select>
            </label>
            <button type="submit" class="button button--primary">
              Create invitation link
            </button>
          </form>
          {link && (
            <div class="invite-link">
              <label class="field" for="invite-link">
                Send this link to the person you invited (single use, valid for 7 days):
              </label>
              <textarea id="invite-link" ref={linkField} class="code-block" rows={2} readOnly value={link} />
              <div class="save-bar">
                <button type="button" class="button" onClick={() => void copyText(link, linkField.current).then(setCopied)}>
                  Copy link
                </button>
                <span role="status" aria-live="polite" class="save-ok">
                  {copied ? 'Copied' : ''}
                </span>
              </div>
            </div>
          )}
          <h3>Pending invitations</h3>
          {team?.invitations.length ? (
            <ul class="invitation-list">
              {team.invitations.map((inv) => (
                <li key={inv.id}>
                  <span>
                    {inv.email} · {ROLE_NAMES[inv.role]} · expires {dateText(inv.expiresAt)}
                  </span>
                  <button type="button" class="button button--ghost" onClick={() => void teamApi.revoke(siteId, inv.id).then(load)}>
                    Revoke<span class="visually-hidden"> the invitation for {inv.email}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">No pending invitations.</p>
          )}
        </>
      )}
    </section>
  );
}
