import { InputNumber, Typography } from 'antd';
import { formatNumber } from '../../../../lib/format';

/** One editable target value; read-only text without the permission; its problem underneath. */
export function TargetCell({
  value,
  saved,
  onChange,
  problem,
  readOnly,
  testId,
  label,
}: {
  /** The value shown: the unsaved one when edited, else the saved one. */
  value: number | null;
  saved: boolean;
  onChange: (v: number | null) => void;
  problem?: string;
  readOnly: boolean;
  testId: string;
  label: string;
}) {
  if (readOnly) return <span data-testid={testId}>{value === null ? '—' : formatNumber(value)}</span>;
  return (
    <div>
      <InputNumber
        value={value}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        status={problem ? 'error' : saved ? undefined : 'warning'}
        decimalSeparator=","
        style={{ width: 110 }}
        aria-label={label}
        data-testid={testId}
      />
      {problem ? (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, maxWidth: 200 }} role="alert">
          {problem}
        </Typography.Text>
      ) : null}
    </div>
  );
}
