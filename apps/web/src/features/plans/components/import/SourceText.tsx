import { useEffect, useMemo, useRef } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { splitAtSpan, type SourceSpan } from '../../planText';

/** The source text, monospace and scrollable, with the active field's span highlighted and in view. */
export function SourceText({ text, span, activePath, fileName }: { text: string; span: SourceSpan | null; activePath: string | null; fileName?: string }) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const parts = useMemo(() => splitAtSpan(text, span), [text, span]);

  useEffect(() => {
    const box = boxRef.current;
    const mark = markRef.current;
    if (!box || !mark) return;
    box.scrollTo({ top: Math.max(0, mark.offsetTop - box.clientHeight / 3) });
  }, [span]);

  return (
    <Card
      size="small"
      title={t('plans.import.source')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {fileName ? t('plans.import.file', { name: fileName }) + ' · ' : ''}
          {t('plans.import.chars', { count: text.length })}
        </Typography.Text>
      }
      styles={{ body: { padding: 0 } }}
    >
      {activePath && !span ? (
        <Typography.Text type="secondary" style={{ display: 'block', padding: '6px 12px', borderBottom: '1px solid #f0f0f0' }}>
          {t('plans.import.noSpan')}
        </Typography.Text>
      ) : null}
      <div ref={boxRef} className="plan-source" data-testid="import-source" style={{ position: 'relative' }}>
        {parts.before}
        {parts.mark ? (
          <mark ref={markRef} className="plan-source-mark" data-testid="import-source-mark">
            {parts.mark}
          </mark>
        ) : null}
        {parts.after}
      </div>
    </Card>
  );
}
