import { Component, type ErrorInfo, type ReactNode } from 'react';
import { CHIP_RE } from '../../../shared/grounding/types.ts';
import { showBidiControls } from '../../../shared/text/bidi.ts';
import { t } from '../../i18n/i18n.ts';
import { CopyButton } from './copy-button.tsx';

interface Props {
  /** The answer's text, shown and copied as it is when rendering it fails. */
  text: string;
  /** When this changes (the stream ended, say), a failed answer is tried once more. */
  retryKey: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  failedAt: unknown;
}

/** The parser's chip markers as the person reads them, for text that skipped the Markdown pipeline. */
const readable = (text: string) => text.replace(new RegExp(CHIP_RE.source, 'g'), '[box $1]');

/**
 * Keeps one answer's failure to itself. Model output is hostile data: markup nested thousands deep overflows the
 * stack of the Markdown libraries, and an error thrown while rendering unmounts the whole React tree, blanking the
 * window and every reopening of the session. Here the failed answer shows why and its raw text, ready to copy.
 */
export class AnswerBoundary extends Component<Props, State> {
  state: State = { error: null, failedAt: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error && state.failedAt !== props.retryKey) {
      // Failed under an earlier key: try again. Failed under this one: remember the key, keep the fallback.
      return state.failedAt === undefined ? { failedAt: props.retryKey } : { error: null, failedAt: undefined };
    }
    return null;
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever reads the console; the person sees the fallback.
    console.warn('An answer could not be rendered:', error.message, info.componentStack?.split('\n').slice(0, 4).join('\n'));
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const text = readable(this.props.text);
    return (
      <div className="answer-failed">
        <p className="notice" role="alert">
          {t('answer.failed', { why: /call stack/i.test(error.message) ? t('answer.tooDeep') : error.message })}
        </p>
        <div className="answer-actions">
          <CopyButton label={t('answer.copyRaw')} text={() => text}>
            {t('answer.copyRaw')}
          </CopyButton>
        </div>
        <pre className="answer-raw" aria-label={t('answer.raw')}>
          {showBidiControls(text)}
        </pre>
      </div>
    );
  }
}
