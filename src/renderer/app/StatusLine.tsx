/**
 * A brief status message at the bottom of the window ("Undid: delete
 * Quote"), read out by screen readers, gone after a few seconds. `stamp`
 * tells one message from the same text shown again.
 */
import { useEffect, useState } from 'react';

export const STATUS_MS = 4000;

export function StatusLine({ message }: { message: { text: string; stamp: number } | null }) {
  const [shown, setShown] = useState<string>('');
  useEffect(() => {
    if (!message) return;
    setShown(message.text);
    const timer = setTimeout(() => setShown(''), STATUS_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div className={shown ? 'status-line status-line--shown' : 'status-line'} role="status" aria-live="polite">
      {shown}
    </div>
  );
}
