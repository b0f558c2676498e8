import { render } from 'preact';
import { App } from './app.tsx';
// Stylesheets by feature, in cascade order: a later file may override an earlier one's rule of equal
// specificity, so keep this order when adding or moving rules (settings.css comes with settings-page.tsx).
import './base.css';
import './session/login.css';
import './shell.css';
import './inbox/inbox.css';
import './conversation/conversation.css';
import './conversation/labels.css';
import './conversation/transfer-dialog.css';
import './visitor/visitor.css';
import './agents/agents.css';
import './page.css';
import './reports/reports.css';
import './search/search.css';
import './triggers/triggers.css';
import './canned/replies.css';
import './shortcuts/shortcuts.css';

render(<App />, document.getElementById('app')!);
