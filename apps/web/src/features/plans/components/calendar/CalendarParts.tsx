import { Card, Drawer, Empty, Flex, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi, formatDateVi } from '../../../../lib/format';
import { pointsOn, spanProgress, spansCovering, type CalEntry } from '../../calendarData';

const KIND_COLOR: Record<CalEntry['kind'], string> = { due: 'volcano', milestone: 'purple', phase: 'blue' };

/** "Báo cáo ... (12 đơn vị)" for a due item, the title otherwise. */
export function useEntryText() {
  const { t } = useTranslation();
  return (e: CalEntry) => (e.kind === 'due' && e.units !== null ? `${e.title} (${t('calendar.units', { count: e.units })})` : e.title);
}

/** One entry inside a calendar cell: "Báo cáo ... (12 đơn vị)", the title cut short, never the count. */
export function EntryTag({ entry, showDate }: { entry: CalEntry; showDate?: boolean }) {
  const { t } = useTranslation();
  const text = useEntryText()(entry);
  const count = entry.kind === 'due' && entry.units !== null ? ` (${t('calendar.units', { count: entry.units })})` : '';
  return (
    <Tag
      color={KIND_COLOR[entry.kind]}
      title={`${text} — ${entry.planTitle}`}
      style={{ display: 'block', maxWidth: '100%', marginInlineEnd: 0, whiteSpace: 'normal', lineHeight: 1.35, paddingBlock: 2 }}
      data-testid="calendar-entry"
    >
      {showDate ? <span style={{ whiteSpace: 'pre', fontWeight: 600 }}>{`${formatDateVi(entry.date).slice(0, 5)} `}</span> : null}
      {/* The title wraps to two lines so it stays readable in a narrow day cell; the tooltip has it all. */}
      <span style={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', wordBreak: 'break-word' }}>
        {entry.title}
      </span>
      {count ? <span style={{ display: 'block', fontSize: 11, opacity: 0.85 }}>{count.trim()}</span> : null}
    </Tag>
  );
}

/** The phases (and other spans) in view, each as a bar of how far it has run. */
export function PhaseBars({ spans, today }: { spans: CalEntry[]; today: string }) {
  const { t } = useTranslation();
  if (spans.length === 0) return null;
  return (
    <Card size="small" title={t('calendar.phases')} style={{ marginBottom: 12 }} data-testid="calendar-phases">
      {spans.map((s, i) => (
        <Flex key={`${s.planId}|${s.title}|${i}`} gap={12} align="center" wrap style={{ marginBottom: 6 }}>
          <div style={{ minWidth: 220, flex: '1 1 220px' }}>
            <Typography.Text strong>{s.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('calendar.range', { from: formatDateVi(s.date), to: formatDateVi(s.endDate) })} · {s.planTitle}
            </Typography.Text>
          </div>
          <Progress percent={spanProgress(s, today)} size="small" style={{ flex: '2 1 240px', margin: 0 }} />
        </Flex>
      ))}
    </Card>
  );
}

/** What falls on a day: due items and reviews, and the phases under way. */
export function DayDrawer({ day, entries, onClose }: { day: string | null; entries: CalEntry[]; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useEntryText();
  const points = day ? pointsOn(entries, day) : [];
  const spans = day ? spansCovering(entries, day) : [];
  const items = [...points, ...spans];
  return (
    <Drawer open={day !== null} onClose={onClose} title={day ? t('calendar.dayTitle', { date: formatDateVi(day) }) : ''} size={460} data-testid="calendar-day">
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.noEntries')} /> : null}
      {items.map((e, i) => (
        <div key={`${e.planId}|${e.kind}|${e.title}|${i}`} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Flex gap={6} align="flex-start" style={{ marginBottom: 4 }}>
            <Tag color={KIND_COLOR[e.kind]}>{t(`calendar.kinds.${e.kind}`)}</Tag>
            <Typography.Text strong data-testid="calendar-day-entry">
              {text(e)}
            </Typography.Text>
          </Flex>
          <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>
            <div>
              {t('calendar.plan')}: <Link to={`/plans/${e.planId}`}>{e.planTitle}</Link>
            </div>
            {e.endDate && e.endDate !== e.date ? <div>{t('calendar.range', { from: formatDateVi(e.date), to: formatDateVi(e.endDate) })}</div> : null}
            {e.lateAfter ? <div>{t('calendar.lateAfter', { time: formatDateTimeVi(e.lateAfter) })}</div> : null}
            {e.unitNames?.length ? (
              <div data-testid="calendar-day-units" style={{ overflowWrap: 'anywhere' }}>
                {t('calendar.owedBy')}: {e.unitNames.join(', ')}
                {e.units !== null && e.units > e.unitNames.length ? ` … (+${e.units - e.unitNames.length})` : ''}
              </div>
            ) : null}
          </div>
        </div>
      ))}
    </Drawer>
  );
}
