import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import i18n from '../i18n';

interface State {
  error: Error | null;
}

/** Catches render errors (and failed lazy chunks) so one broken page does not blank the app. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('UI error', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <Result
          status="error"
          title={i18n.t('errors.boundaryTitle')}
          subTitle={i18n.t('errors.boundaryHint')}
          extra={
            <Button type="primary" onClick={() => window.location.reload()}>
              {i18n.t('errors.reloadPage')}
            </Button>
          }
        />
      );
    }
    return this.props.children;
  }
}
