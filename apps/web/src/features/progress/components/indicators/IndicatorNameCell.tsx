import type { ReactNode } from 'react';
import { Grid, Typography } from 'antd';

/** An indicator's name (wrapping, narrower on a phone), extra tags after it, and its code and a note below. */
export function IndicatorNameCell({ code, name, tags, note, testId }: { code: string; name: string; tags?: ReactNode; note?: ReactNode; testId?: string }) {
  const screens = Grid.useBreakpoint();
  return (
    <div style={{ width: screens.md ? 420 : 150, whiteSpace: 'normal' }} data-testid={testId}>
      {name}
      {tags ? <> {tags}</> : null}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, wordBreak: 'break-all' }}>
        {code}
        {note ? <> · {note}</> : null}
      </Typography.Text>
    </div>
  );
}
