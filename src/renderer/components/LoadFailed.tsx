/**
 * What a screen shows when its data could not be read: the reason in a line,
 * and a button to try again.
 */
export interface LoadFailedProps {
  /** What could not be done ("The library could not be loaded."). */
  message: string;
  onRetry: () => void;
  /** The box's class (the screens' empty-state box by default). */
  className?: string;
}

export function LoadFailed({ message, onRetry, className = 'library__empty' }: LoadFailedProps) {
  return (
    <div className={className}>
      <p>{message}</p>
      <button type="button" className="secondary-button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
