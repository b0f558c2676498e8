import { useMemo } from 'preact/hooks';
import { splitLinks } from '@hearth/chat-client';

/**
 * A message body as text nodes and safe links. Never HTML: bodies come from visitors and agents,
 * and splitLinks only ever yields http(s) and mailto hrefs.
 */
export function MessageText({ body }: { body: string }) {
  const parts = useMemo(() => splitLinks(body), [body]);
  return (
    <>
      {parts.map((part, i) =>
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
