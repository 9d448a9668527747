import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Flex, Input, List, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, FormOutlined, PrinterOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Resident, TrainingSessionDetail } from '@tds/contracts';
import { downloadSessionSheet, useMarkAttendance, useResidents, useSession, useSkillModules } from '../api';
import { newOpKey } from '../attendance';
import { TrainingNav } from '../components/TrainingNav';
import { EmptyText } from '../components/EmptyText';
import { ResidentForm } from '../components/ResidentForm';
import { HelpFormDrawer } from '../components/HelpFormDrawer';
import { idTail, moduleNamer, sessionWhen, typedName } from '../trainingText';
import { TRAINING_PATHS } from '../paths';
import { isApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { formatDateVi } from '../../../lib/format';
import { useDebounced } from '../../../lib/hooks';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

/** The attendance screen of one session, made for a phone: find a resident, tap to mark; add one in two taps. */
export default function SessionPage() {
  const { communeId } = useCommune();
  const { id } = useParams();
  if (!communeId) return <NoCommune />;
  return <SessionLoader key={`${communeId}/${id}`} communeId={communeId} id={id ?? ''} />;
}

function BackButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(TRAINING_PATHS.sessions)} data-testid="session-back">
      {t('common.back')}
    </Button>
  );
}

function SessionLoader({ communeId, id }: { communeId: string; id: string }) {
  const { t } = useTranslation();
  const q = useSession(communeId, id);
  if (q.isPending) return <Skeleton active />;
  if (q.error || !q.data) {
    if (isApiError(q.error) && q.error.status === 404) return <Result status="404" title={t('training.session.notFound')} extra={<BackButton />} />;
    if (isApiError(q.error) && q.error.status === 403) return <Result status="403" title={errorText(q.error)} extra={<BackButton />} />;
    return (
      <>
        <ErrorAlert error={q.error} />
        <BackButton />
      </>
    );
  }
  return <SessionScreen communeId={communeId} session={q.data} />;
}

function SessionScreen({ communeId, session }: { communeId: string; session: TrainingSessionDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const modules = useSkillModules(communeId);
  const nameOf = moduleNamer(modules.data?.items, t('training.unknownModule'));
  const mark = useMarkAttendance(communeId, session.id);
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState<{ name: string } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const search = useDebounced(q.trim(), 300);
  const found = useResidents(communeId, { page: 1, pageSize: 10, q: search || undefined, villageId: session.villageId }, { enabled: search.length >= 2 });
  const present = new Set(session.attendance.map((a) => a.residentId));
  const canRecord = session.can.record;

  // The list changes at once (optimistic); a toast only when a new resident was added, or on failure.
  const toggle = (r: { id: string; fullName: string; birthYear: number }, on: boolean, added = false) =>
    mark.mutate([{ residentId: r.id, fullName: r.fullName, birthYear: r.birthYear, present: on, opKey: newOpKey() }], {
      onSuccess: () => (added ? void message.success(t('training.session.addedMarked', { name: r.fullName })) : undefined),
      onError: (e) => void message.error(errorText(e)),
    });

  const items = search.length >= 2 ? (found.data?.items ?? []) : [];
  const resultRow = (r: Resident) => {
    const on = present.has(r.id);
    return (
      <List.Item style={{ paddingInline: 0 }}>
        <Button
          block
          size="large"
          type={on ? 'default' : 'dashed'}
          aria-pressed={on}
          onClick={() => toggle(r, !on)}
          style={{ height: 'auto', padding: '8px 12px', textAlign: 'left', whiteSpace: 'normal' }}
          data-testid="session-result"
          data-present={on ? 'true' : 'false'}
        >
          <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }}>
            <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <strong>{r.fullName}</strong>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[String(r.birthYear), t(`people.genders.${r.gender}`), idTail(r.idLast4)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </span>
            {on ? (
              <Tag color="green" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }}>
                {t('training.session.present')}
              </Tag>
            ) : (
              <Tag style={{ marginInlineEnd: 0 }}>{t('training.session.tapToMark')}</Tag>
            )}
          </Flex>
        </Button>
      </List.Item>
    );
  };

  return (
    <div style={{ maxWidth: 880 }}>
      <PageHeader
        title={<span data-testid="session-title">{t('training.session.title', { date: formatDateVi(session.date) })}</span>}
        subtitle={`${session.villageName} · ${session.teamName}`}
        extra={
          <>
            <BackButton />
            {canRecord ? (
              <Button
                icon={<PrinterOutlined />}
                onClick={() => void downloadSessionSheet(communeId, session.id).catch((e: unknown) => void message.error(errorText(e)))}
                data-testid="session-sheet"
              >
                {t('training.sheet.print')}
              </Button>
            ) : null}
            {canRecord ? (
              <Button icon={<FormOutlined />} onClick={() => setHelpOpen(true)} data-testid="session-help-open">
                {t('training.help.open')}
              </Button>
            ) : null}
          </>
        }
      />
      <TrainingNav />
      <Card size="small" style={{ marginBottom: 12 }} data-testid="session-header">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'when', label: t('training.session.when'), children: sessionWhen(session) },
            { key: 'place', label: t('training.sessions.place'), children: session.place },
            { key: 'modules', label: t('training.sessions.modules'), children: session.moduleCodes.map(nameOf).join('; '), span: { xs: 1, sm: 2 } },
            ...(session.trainers.length ? [{ key: 'trainers', label: t('training.sessions.trainers'), children: session.trainers.join(', ') }] : []),
          ]}
        />
      </Card>

      {canRecord ? (
        <Card size="small" title={t('training.session.markTitle')} style={{ marginBottom: 12 }}>
          <Input
            size="large"
            // A clear button big enough for a finger (24 px at least).
            allowClear={{
              clearIcon: (
                <span style={{ display: 'inline-flex', width: 28, height: 28, alignItems: 'center', justifyContent: 'center', fontSize: 16 }}>
                  <CloseCircleFilled aria-label={t('training.session.clearSearch')} />
                </span>
              ),
            }}
            prefix={<SearchOutlined />}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('training.session.searchPlaceholder', { village: session.villageName })}
            aria-label={t('training.session.searchLabel')}
            data-testid="session-search"
          />
          {search.length >= 2 ? (
            <List
              size="small"
              loading={found.isFetching && !found.data}
              dataSource={items}
              rowKey="id"
              renderItem={resultRow}
              locale={{ emptyText: <EmptyText>{t('training.session.noMatch')}</EmptyText> }}
              style={{ marginTop: 8 }}
              data-testid="session-results"
            />
          ) : (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
              {t('training.session.searchHint')}
            </Typography.Paragraph>
          )}
          {search.length >= 2 && (found.data?.total ?? 0) > items.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('training.session.moreMatches', { count: (found.data?.total ?? 0) - items.length })}
            </Typography.Text>
          ) : null}
          {adding ? (
            <Card size="small" type="inner" title={t('training.session.addTitle', { village: session.villageName })} style={{ marginTop: 12 }}>
              <ResidentForm
                compact
                communeId={communeId}
                villages={[]}
                villageId={session.villageId}
                initialName={adding.name}
                submitLabel={t('training.session.addSubmit')}
                onCancel={() => setAdding(null)}
                onSaved={(r) => {
                  setAdding(null);
                  setQ('');
                  toggle(r, true, true);
                }}
                onPick={(c) => {
                  setAdding(null);
                  setQ('');
                  if (present.has(c.id)) void message.info(t('training.session.alreadyPresent', { name: c.fullName }));
                  else toggle(c, true);
                }}
              />
            </Card>
          ) : (
            <Button
              icon={<UserAddOutlined />}
              size="large"
              block
              style={{ marginTop: 12 }}
              onClick={() => setAdding({ name: typedName(q) })}
              data-testid="session-add-resident"
            >
              {typedName(q) ? t('training.session.addNamed', { name: typedName(q) }) : t('training.session.add')}
            </Button>
          )}
        </Card>
      ) : null}

      <Card size="small" title={<span data-testid="session-attendees">{t('training.session.presentTitle', { count: session.attendance.length })}</span>}>
        <List
          size="small"
          dataSource={session.attendance}
          rowKey="residentId"
          locale={{ emptyText: <EmptyText>{t('training.session.nobody')}</EmptyText> }}
          pagination={session.attendance.length > 50 ? { pageSize: 50, size: 'small', align: 'center' } : false}
          data-testid="session-attendance"
          renderItem={(a) => (
            <List.Item
              style={{ paddingInline: 0 }}
              data-testid="session-attendee"
              actions={
                canRecord
                  ? [
                      <Button
                        key="undo"
                        type="link"
                        danger
                        size="small"
                        onClick={() => toggle({ id: a.residentId, fullName: a.fullName, birthYear: a.birthYear }, false)}
                        aria-label={t('training.session.unmarkLabel', { name: a.fullName })}
                        data-testid="session-attendee-unmark"
                      >
                        {t('training.session.unmark')}
                      </Button>,
                    ]
                  : undefined
              }
            >
              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {a.fullName} <Typography.Text type="secondary">({a.birthYear})</Typography.Text>
              </span>
            </List.Item>
          )}
        />
      </Card>
      {canRecord ? (
        <HelpFormDrawer
          communeId={communeId}
          open={helpOpen}
          onClose={() => setHelpOpen(false)}
          preset={{ teamId: session.teamId, villageId: session.villageId, date: session.date }}
        />
      ) : null}
    </div>
  );
}
