import { splitLinks } from '@hearth/chat-client';

/**
 * A message body as text nodes and safe links — never HTML. `splitLinks` only yields http(s) and
 * mailto hrefs; links open in a new tab without giving it a handle on this window.
 */
export function MessageText({ body }: { body: string }) {
  return (
    <>
      {splitLinks(body).map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
