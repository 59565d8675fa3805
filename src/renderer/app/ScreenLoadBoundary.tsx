/**
 * Around the current screen: when a screen's code cannot be loaded (the
 * host stopped while the page was loading it, say), says so and offers to
 * reload, instead of leaving an empty window. `resetKey` (the screen shown)
 * clears the message when the user goes to another screen.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  resetKey: string;
  children: ReactNode;
}

interface State {
  /** The screen the state belongs to. */
  key: string;
  failed: string | null;
}

export class ScreenLoadBoundary extends Component<Props, State> {
  override state: State = { key: this.props.resetKey, failed: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { key: props.resetKey, failed: null };
  }

  override render() {
    const { failed } = this.state;
    if (failed === null) return this.props.children;
    return (
      <div className="screen-failed" role="alert">
        <p>
          <strong>This screen could not be loaded.</strong> Is Triangulate still running? Reload the window to try again.
        </p>
        <p className="muted">{failed}</p>
        <button type="button" className="primary-button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
