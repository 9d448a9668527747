import { useState } from 'react';
import { Button, Flex, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { addOffset, offsetLabelParts, sortOffsets, toOffset, type OffsetSide } from '../../reminderOffsets';

/** "7 ngày trước", "Đúng ngày đến hạn", "1 ngày sau". */
export function useOffsetLabel() {
  const { t } = useTranslation();
  return (offset: number) => {
    const p = offsetLabelParts(offset);
    return t(`progress.reminders.offset.${p.side}`, { n: p.days });
  };
}

/**
 * Reminder offsets as removable tags, plus "N days before/after the deadline" to add one.
 * A form control: `value` / `onChange` are given by Form.Item.
 */
export function OffsetTagsInput({ value = [], onChange, disabled }: { value?: number[]; onChange?: (v: number[]) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const label = useOffsetLabel();
  const [days, setDays] = useState<number | null>(3);
  const [side, setSide] = useState<OffsetSide>('before');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const r = addOffset(value, toOffset(side, days ?? Number.NaN));
    if ('problem' in r) {
      setProblem(t(`progress.reminders.problems.${r.problem}`));
      return;
    }
    setProblem(null);
    onChange?.(r.offsets);
  };

  return (
    <div>
      <Flex wrap gap={6} style={{ marginBottom: 8 }} data-testid="reminder-offsets">
        {value.length === 0 ? <Typography.Text type="secondary">{t('progress.reminders.noOffsets')}</Typography.Text> : null}
        {sortOffsets(value).map((o) => (
          <Tag
            key={o}
            color={o < 0 ? 'blue' : o === 0 ? 'gold' : 'volcano'}
            closable={!disabled}
            onClose={(e) => {
              e.preventDefault();
              onChange?.(value.filter((x) => x !== o));
            }}
            data-testid={`reminder-offset-${o}`}
          >
            {label(o)}
          </Tag>
        ))}
      </Flex>
      {disabled ? null : (
        <Space.Compact style={{ maxWidth: '100%' }}>
          <InputNumber
            min={0}
            max={60}
            precision={0}
            value={days}
            onChange={(v) => setDays(typeof v === 'number' ? v : null)}
            disabled={side === 'on'}
            style={{ width: 72 }}
            aria-label={t('progress.reminders.days')}
            data-testid="reminder-offset-days"
          />
          <Select<OffsetSide>
            value={side}
            onChange={setSide}
            options={(['before', 'on', 'after'] as const).map((s) => ({ value: s, label: t(`progress.reminders.sides.${s}`) }))}
            style={{ width: 160 }}
            aria-label={t('progress.reminders.sideLabel')}
            data-testid="reminder-offset-side"
          />
          <Button icon={<PlusOutlined />} onClick={add} data-testid="reminder-offset-add">
            {t('progress.reminders.addOffset')}
          </Button>
        </Space.Compact>
      )}
      {problem ? (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }} role="alert">
          {problem}
        </Typography.Text>
      ) : null}
    </div>
  );
}
