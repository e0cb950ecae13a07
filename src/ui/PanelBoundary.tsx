import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** What the panel shows, for the message ("the border-stop chart"). */
  name: string;
  /** Asks for fresh data (a refetch). */
  onReset?: () => void;
  /**
   * Changes when fresh data arrives (the query's dataUpdatedAt). With onReset, "Try
   * again" waits for it before drawing again: redrawing the same data that threw would
   * only throw again, and the fresh data would then find the panel still failed.
   */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  retrying: boolean;
}

/**
 * Catches a rendering fault inside one graphic so it degrades that panel only,
 * with a message and a retry; the rest of the page keeps working.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, retrying: false };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error, retrying: false };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`[${this.props.name}] failed to render`, error, info.componentStack);
  }

  override componentDidUpdate(prev: Props) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null, retrying: false });
  }

  private retry = () => {
    const { onReset, resetKey } = this.props;
    if (onReset && resetKey !== undefined) {
      this.setState({ retrying: true });
      onReset();
    } else {
      onReset?.();
      this.setState({ error: null, retrying: false });
    }
  };

  override render() {
    if (this.state.error) {
      return (
        <PanelMessage
          title={`Sorry, ${this.props.name} could not be drawn.`}
          detail={this.state.error.message}
          onRetry={this.retry}
          busy={this.state.retrying}
        />
      );
    }
    return this.props.children;
  }
}

/**
 * A failed panel's message: what failed, why, and a retry. While `busy` (a retry is
 * under way) the button says so and ignores clicks; it stays focusable, so keyboard
 * focus is not lost.
 */
export function PanelMessage({
  title,
  detail,
  onRetry,
  busy = false,
}: {
  title: string;
  detail?: string;
  onRetry?: () => void;
  busy?: boolean;
}) {
  return (
    <div className="panel-message" role="alert">
      <p className="panel-message__title">{title}</p>
      {detail && <p className="panel-message__detail">{detail}</p>}
      {onRetry && (
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={busy ? undefined : onRetry}>
          {busy ? "Trying again…" : "Try again"}
        </button>
      )}
    </div>
  );
}
