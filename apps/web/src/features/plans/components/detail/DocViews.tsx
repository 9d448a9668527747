import type { ReactNode } from 'react';
import { Card, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateVi, reviewDate, type PlanDoc } from '@tds/contracts';
import { deadlineWording, dueByLabel, planDateVi, type Deadline } from '../../planText';

function Section({ title, children, extra }: { title: ReactNode; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** A numbered list, or "nothing yet". */
export function Items({ items, testId }: { items: readonly ReactNode[] | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (!items || items.length === 0) return <Typography.Text type="secondary">{t('plans.empty')}</Typography.Text>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 22 }} data-testid={testId}>
      {items.map((x, i) => (
        <li key={i} style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
          {x}
        </li>
      ))}
    </ol>
  );
}

export function LegalBasesView({ doc }: { doc: PlanDoc }) {
  return (
    <Items
      items={doc.legalBases.map((b) =>
        [b.title ?? b.type, b.ref ? `số ${b.ref}` : null, b.date ? `ngày ${planDateVi(b.date)}` : null, b.issuer ? `của ${b.issuer}` : null]
          .filter(Boolean)
          .join(' '),
      )}
    />
  );
}

export function ContentsView({ doc }: { doc: PlanDoc }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('plans.purposes')}>
        <Items items={doc.purposes} />
      </Section>
      <Section title={t('plans.requirements')}>
        <Items items={doc.requirements} />
      </Section>
      <Section title={t('plans.contents')}>
        <Items items={[...doc.contents].sort((a, b) => a.order - b.order).map((c) => c.text)} testId="plan-contents" />
      </Section>
      <Section title={t('plans.solutions')}>
        <Items items={doc.solutions} />
      </Section>
    </>
  );
}

export function CriteriaView({ doc }: { doc: PlanDoc }) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('plans.participantGroups')}>
        {doc.participantGroups.length === 0 ? <Items items={[]} /> : null}
        {doc.participantGroups.map((g, i) => (
          <div key={i} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{g.name}</Typography.Text>
            <Items items={g.criteria} />
          </div>
        ))}
      </Section>
      <Section title={t('plans.awardForms')}>
        <Items
          items={doc.awardForms.map((a) => (
            <Space key={a.name} size={6} wrap>
              <span>{a.name}</span>
              {a.code ? <Tag>{a.code}</Tag> : null}
            </Space>
          ))}
        />
      </Section>
      <Section title={t('plans.occasions')}>
        {doc.occasions.length ? (
          doc.occasions.map((o) => (
            <Tag key={o} color="blue">
              {t(`plans.occasionLabels.${o}`)}
            </Tag>
          ))
        ) : (
          <Items items={[]} />
        )}
      </Section>
      <Section title={t('plans.dossier')}>
        <Items items={doc.dossier} />
      </Section>
    </>
  );
}

export function DueText({ d }: { d: Deadline }) {
  const { t } = useTranslation();
  const due = dueByLabel(d);
  return (
    <div>
      <div>{d.text || deadlineWording(d)}</div>
      {due ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(d.recurrence === 'once' ? 'plans.dueBy' : 'plans.dueByRecurring', { date: due, recurrence: t(`plans.recurrences.${d.recurrence}`) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

export function TimelineView({ doc }: { doc: PlanDoc }) {
  const { t } = useTranslation();
  // Phones: the deadline's wording, when and how often in one column (no sideways scrolling).
  const compact = !Grid.useBreakpoint().sm;
  return (
    <>
      <Section title={t('plans.phases')}>
        <Items items={doc.phases.map((p) => `${p.name ? p.name + ': ' : ''}${p.fromYear} – ${p.toYear}`)} />
      </Section>
      <Section title={t('plans.milestones')}>
        <Items
          items={doc.milestones.map((m) => {
            const r = reviewDate(doc, m);
            return `${t(`plans.milestoneKinds.${m.kind}`)}: ${m.year} – ${t('plans.reviewDueLine', { date: formatDateVi(r.date) })}${r.isDefault ? ` (${t('plans.reviewDefault')})` : ''}`;
          })}
        />
      </Section>
      <Section title={t('plans.deadlines')}>
        {doc.deadlines.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.empty')} />
        ) : (
          <Table<Deadline>
            size="small"
            rowKey={(_, i) => String(i)}
            dataSource={doc.deadlines}
            pagination={false}
            scroll={compact ? undefined : { x: 'max-content' }}
            showHeader={!compact}
            data-testid="plan-deadlines"
            columns={
              compact
                ? [
                    {
                      key: 'deadline',
                      render: (_, d) => (
                        <Space orientation="vertical" size={2} style={{ overflowWrap: 'anywhere' }}>
                          <span>{d.what}</span>
                          <DueText d={d} />
                          <Typography.Text type="secondary">{t(`plans.recurrences.${d.recurrence}`)}</Typography.Text>
                        </Space>
                      ),
                    },
                  ]
                : [
                    { title: t('plans.deadlineWhat'), dataIndex: 'what', minWidth: 220 },
                    { title: t('plans.deadlineFrom'), dataIndex: 'from', minWidth: 140, responsive: ['md'] },
                    { title: t('plans.deadlineTo'), dataIndex: 'to', minWidth: 140, responsive: ['md'] },
                    { title: t('plans.deadlines'), key: 'when', minWidth: 200, render: (_, d) => <DueText d={d} /> },
                    { title: t('plans.recurrence'), dataIndex: 'recurrence', width: 120, render: (r: Deadline['recurrence']) => t(`plans.recurrences.${r}`) },
                  ]
            }
          />
        )}
      </Section>
    </>
  );
}

export function ResponsibilitiesView({ doc }: { doc: PlanDoc }) {
  const { t } = useTranslation();
  return (
    <>
      {doc.responsibilities.length === 0 ? (
        <Section title={t('plans.responsibilities')}>
          <Items items={[]} />
        </Section>
      ) : null}
      {doc.responsibilities.map((r, i) => (
        <Section key={i} title={r.body || '—'}>
          <Items items={r.tasks} />
        </Section>
      ))}
      <Section title={t('plans.recipients')}>
        <Items items={doc.recipients} />
      </Section>
    </>
  );
}
