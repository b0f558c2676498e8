/**
 * The proactive prompt: a small card next to the launcher, drawn by the loader in its shadow root,
 * so offering help costs no frame and no socket. Sender and message are the owner's text: set with
 * textContent, never as markup.
 */
export interface PromptCallbacks {
  reply(): void;
  dismiss(): void;
}

export function showPrompt(root: ShadowRoot, from: string, message: string, on: PromptCallbacks): () => void {
  const card = document.createElement('div');
  card.className = 'prompt';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', 'Message from ' + from);
  // Static markup only; the owner's text goes in through textContent below.
  card.innerHTML = '<button class=px aria-label=Dismiss>×</button><p class=pf></p><p></p><button>Reply</button>';
  const [dismiss, sender, text, reply] = card.children as unknown as HTMLElement[];
  sender!.textContent = from;
  text!.textContent = message;
  dismiss!.onclick = on.dismiss;
  reply!.onclick = on.reply;
  root.appendChild(card);
  return () => card.remove();
}
