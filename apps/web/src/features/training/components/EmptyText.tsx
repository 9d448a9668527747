import { Typography } from 'antd';

/** An empty list's sentence, in the readable secondary colour (antd's own grey is below 4.5:1). */
export function EmptyText({ children }: { children: string }) {
  return (
    <Typography.Text type="secondary" style={{ display: 'block', padding: '12px 0' }}>
      {children}
    </Typography.Text>
  );
}
