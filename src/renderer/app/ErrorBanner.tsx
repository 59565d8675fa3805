/** The app-wide error banner: the latest failure's message, until dismissed. */
export function ErrorBanner({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div className="error-banner" role="alert" aria-live="polite">
      <p className="error-banner__text">{message}</p>
      <button type="button" className="error-banner__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
