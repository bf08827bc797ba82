import type { ComponentProps } from 'react';
import { defaultComponents } from 'streamdown';
import { useTranslation } from '../../i18n/i18n.ts';
import { CopyButton } from './copy-button.tsx';

const DefaultPre = defaultComponents.pre;

interface HastLike {
  type: string;
  value?: string;
  children?: HastLike[];
}

/** The code's text from its syntax tree: exactly the fenced text, whatever the highlighter adds around it. */
function textOf(node: HastLike | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** A fenced code block with a copy button. */
export function CodeBlock(props: ComponentProps<typeof DefaultPre>) {
  const { t } = useTranslation();
  const text = textOf(props.node as HastLike | undefined).replace(/\n$/, '');
  return (
    <div className="code-block">
      <div className="block-actions">
        <CopyButton label={t('copy.code')} text={() => text} />
      </div>
      <DefaultPre {...props} />
    </div>
  );
}
