import { useMemo, useState } from 'react';
import { Calendar, Card, Flex, Grid, Select, Spin, Typography } from 'antd';
import type { CalendarProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCalendar, usePlans } from '../api';
import { calendarRange, pointsInMonth, pointsOn, spansOverlapping } from '../calendarData';
import { DayDrawer, EntryTag, PhaseBars } from '../components/calendar/CalendarParts';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';
import { selectFilter } from '../../../lib/format';

type Mode = 'month' | 'year';
const MAX_IN_CELL = 3;

export default function CalendarPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <CalendarInner key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function CalendarInner({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const planId = params.get('planId') ?? undefined;
  const [value, setValue] = useState<Dayjs>(() => {
    const d = dayjs(params.get('date') ?? '', 'YYYY-MM-DD', true);
    return d.isValid() ? d : dayjs();
  });
  const [mode, setMode] = useState<Mode>(params.get('mode') === 'year' ? 'year' : 'month');
  const [day, setDay] = useState<string | null>(null);
  const range = calendarRange(value.year(), value.month() + 1, mode);
  const cal = useCalendar(communeId, range.from, range.to, planId);
  const plans = usePlans(communeId, { page: 1, pageSize: 200 });
  const entries = useMemo(() => cal.data ?? [], [cal.data]);
  const today = dayjs().format('YYYY-MM-DD');
  const visibleFrom = mode === 'year' ? range.from : value.startOf('month').format('YYYY-MM-DD');
  const visibleTo = mode === 'year' ? range.to : value.endOf('month').format('YYYY-MM-DD');
  const spans = useMemo(() => spansOverlapping(entries, visibleFrom, visibleTo), [entries, visibleFrom, visibleTo]);

  const setPlan = (id?: string) =>
    setParams(
      (p) => {
        if (id) p.set('planId', id);
        else p.delete('planId');
        return p;
      },
      { replace: true },
    );

  const cellRender: CalendarProps<Dayjs>['cellRender'] = (current, info) => {
    const list =
      info.type === 'date' ? pointsOn(entries, current.format('YYYY-MM-DD')) : info.type === 'month' ? pointsInMonth(entries, current.format('YYYY-MM')) : [];
    if (list.length === 0) return null;
    const max = screens.md ? MAX_IN_CELL : 1;
    return (
      <ul className="calendar-cell-list">
        {list.slice(0, max).map((e, i) => (
          <li key={`${e.planId}|${e.kind}|${e.title}|${i}`}>
            <EntryTag entry={e} showDate={info.type === 'month'} />
          </li>
        ))}
        {list.length > max ? (
          <li>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('calendar.more', { count: list.length - max })}
            </Typography.Text>
          </li>
        ) : null}
      </ul>
    );
  };

  return (
    <div>
      <PageHeader
        title={t('calendar.title')}
        subtitle={communeName}
        extra={
          <Select
            allowClear
            showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
            placeholder={t('calendar.allPlans')}
            aria-label={t('calendar.allPlans')}
            value={planId}
            onChange={(v?: string) => setPlan(v)}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title || t('plans.untitled') }))}
            style={{ width: 320, maxWidth: '90vw' }}
            popupMatchSelectWidth={false}
            data-testid="calendar-plan-filter"
          />
        }
      />
      {cal.error ? <ErrorAlert error={cal.error} /> : null}
      <PhaseBars spans={spans} today={today} />
      <Card size="small" data-testid="calendar">
        <Flex justify="flex-end" style={{ minHeight: 22 }}>
          {cal.isFetching ? <Spin size="small" /> : null}
        </Flex>
        <Calendar
          value={value}
          mode={mode}
          cellRender={cellRender}
          onPanelChange={(d, m) => {
            setValue(d);
            setMode(m);
          }}
          onSelect={(d, { source }) => {
            setValue(d);
            if (source === 'date') setDay(d.format('YYYY-MM-DD'));
            else if (source === 'month' && mode === 'year') setMode('month');
          }}
        />
      </Card>
      <DayDrawer day={day} entries={entries} onClose={() => setDay(null)} />
    </div>
  );
}
