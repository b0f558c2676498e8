import { useState } from 'preact/hooks';
import { offlineMessage } from '../chat-state.ts';

interface OfflineFormProps {
  onSend(body: string): void;
}

/** Nobody is online: the visitor leaves their email and a message; agents see it when they come in. */
export function OfflineForm({ onSend }: OfflineFormProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState('');
  return (
    <form
      class="offline"
      aria-labelledby="offline-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!message.trim()) return;
        onSend(offlineMessage(name, email, message));
      }}
    >
      <p id="offline-title" class="offline-title">
        We're away right now. Leave a message and we'll get back to you.
      </p>
      <label for="offline-name">Name</label>
      <input id="offline-name" autocomplete="name" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for="offline-email">Email</label>
      <input
        id="offline-email"
        type="email"
        required
        autocomplete="email"
        maxLength={254}
        value={email}
        onInput={(e) => setEmail(e.currentTarget.value)}
      />
      <label for="offline-message">Message</label>
      <textarea id="offline-message" required rows={4} maxLength={4500} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
      <button type="submit" class="offline-send">
        Send message
      </button>
    </form>
  );
}
