import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** What the panel shows, for the message ("the border-stop chart"). */
  name: string;
  onReset?: () => void;
  children: ReactNode;
}

/**
 * Catches a rendering fault inside one graphic so it degrades that panel only,
 * with a message and a retry; the rest of the page keeps working.
 */
export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`[${this.props.name}] failed to render`, error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <PanelMessage
          title={`Sorry, ${this.props.name} could not be drawn.`}
          detail={this.state.error.message}
          onRetry={() => {
            this.props.onReset?.();
            this.setState({ error: null });
          }}
        />
      );
    }
    return this.props.children;
  }
}

export function PanelMessage({ title, detail, onRetry }: { title: string; detail?: string; onRetry?: () => void }) {
  return (
    <div className="panel-message" role="alert">
      <p className="panel-message__title">{title}</p>
      {detail && <p className="panel-message__detail">{detail}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
