import type { MemberRole, SiteId } from '@hearth/protocol';
import { ApiTokensSection } from './api-tokens-section.tsx';
import { WebhooksSection } from './webhooks-section.tsx';
import './integrations.css';

/** Settings' integration sections: owners only (the server refuses others), so agents see why not. */
export function IntegrationsSections({ siteId, role }: { siteId: SiteId; role: MemberRole }) {
  if (role !== 'owner') {
    return (
      <section class="settings-section" id="api" aria-labelledby="integrations-title">
        <h2 id="integrations-title">API and webhooks</h2>
        <p class="read-only-note">Only the site's owners can create API tokens and webhooks.</p>
      </section>
    );
  }
  return (
    <>
      <ApiTokensSection siteId={siteId} />
      <WebhooksSection siteId={siteId} />
    </>
  );
}
