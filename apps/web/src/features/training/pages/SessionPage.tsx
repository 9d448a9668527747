import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Flex, Input, List, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, FormOutlined, PrinterOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TrainingSessionDetail } from '@tds/contracts';
import { downloadSessionSheet, useResidents, useSession, useSkillModules } from '../api';
import { newOpKey } from '../attendance';
import { localId, queuedResidents, searchRoster, sessionWithQueue, type RosterPerson, type TrainingOp } from '../offline';
import { queueOps, useRoster, useSyncQueue, type Cached } from '../offlineApi';
import { OfflineStatus } from '../components/OfflineStatus';
import { SessionPhotos } from '../components/SessionPhotos';
import { OfflineResidentForm, type OfflineResident } from '../components/OfflineResidentForm';
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
import { useCommune, useCurrentMe } from '../../../lib/session';
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

function SessionScreen({ communeId, session: served }: { communeId: string; session: Cached<TrainingSessionDetail> }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const userId = useCurrentMe().user.id;
  const modules = useSkillModules(communeId);
  const nameOf = moduleNamer(modules.data?.items, t('training.unknownModule'));
  const canRecord = served.can.record;
  const { queue, pending: waiting, online, syncing, lastError, sync } = useSyncQueue(userId, communeId);
  const roster = useRoster(communeId, served.villageId, userId, canRecord);
  // Offline: the browser says so, the session came from the device's copy, or the server did not answer the last sync.
  const away = !online || !!served.cachedAt || lastError === 'unreachable';
  const { session, pending } = sessionWithQueue(served, queue, new Date().toISOString());
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState<{ name: string } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const search = useDebounced(q.trim(), away ? 0 : 300);
  const found = useResidents(
    communeId,
    { page: 1, pageSize: 10, q: search || undefined, villageId: served.villageId },
    { enabled: !away && search.length >= 2 },
  );
  const added = queuedResidents(queue, served.villageId);
  const local = away && search.length >= 2 ? searchRoster(roster.data, added, search) : null;
  const present = new Set(session.attendance.map((a) => a.residentId));

  /** Queue an operation set (all or none); the queue sends it at once when the server can be reached. */
  const put = async (ops: { op: TrainingOp; label: { fullName: string; birthYear: number } }[]) => {
    const ok = await queueOps(
      userId,
      communeId,
      ops.map((o) => ({ ...o, topic: served.id })),
    );
    if (!ok) void message.error(t('training.offline.notStored'));
    return ok;
  };
  const markOp = (id: string, on: boolean): TrainingOp => {
    const opKey = newOpKey();
    return id.startsWith('new:')
      ? { kind: 'mark', opKey, sessionId: served.id, residentOpKey: id.slice(4), present: on }
      : { kind: 'mark', opKey, sessionId: served.id, residentId: id, present: on };
  };
  // The list changes at once (the queued marks are drawn over the server's list); a toast only when a resident was added.
  const toggle = (r: { id: string; fullName: string; birthYear: number }, on: boolean, addedNow = false) =>
    void put([{ op: markOp(r.id, on), label: { fullName: r.fullName, birthYear: r.birthYear } }]).then(
      (ok) => ok && addedNow && void message.success(t('training.session.addedMarked', { name: r.fullName })),
    );
  const addOffline = (r: OfflineResident) => {
    const opKey = newOpKey();
    const label = { fullName: r.fullName, birthYear: r.birthYear };
    setAdding(null);
    setQ('');
    void put([
      {
        op: {
          kind: 'resident',
          opKey,
          resident: { villageId: served.villageId, fullName: r.fullName, birthYear: r.birthYear, gender: r.gender, learnerGroup: 'residents' },
        },
        label,
      },
      { op: markOp(localId(opKey), true), label },
    ]).then((ok) => ok && void message.success(t('training.session.addedMarked', { name: r.fullName })));
  };
  const pick = (c: { id: string; fullName: string; birthYear: number }) => {
    setAdding(null);
    setQ('');
    if (present.has(c.id)) void message.info(t('training.session.alreadyPresent', { name: c.fullName }));
    else toggle(c, true);
  };

  const items: RosterPerson[] = local ? local.items : search.length >= 2 ? (found.data?.items ?? []) : [];
  const total = local ? local.total : (found.data?.total ?? 0);
  const resultRow = (r: RosterPerson & { idLast4?: string | null }) => {
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
                {[String(r.birthYear), t(`people.genders.${r.gender}`), idTail(r.idLast4 ?? null)].filter(Boolean).join(' · ')}
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
      <TrainingNav sync={false} />
      {canRecord ? (
        <OfflineStatus online={online} pending={waiting} syncing={syncing} lastError={lastError} cachedAt={served.cachedAt} onSync={() => void sync()} />
      ) : null}
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
          {away && canRecord && roster.isFetched && !roster.data ? (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }} data-testid="offline-no-roster">
              {t('training.offline.noRoster')}
            </Typography.Paragraph>
          ) : null}
          {search.length >= 2 ? (
            <List
              size="small"
              loading={!local && found.isFetching && !found.data}
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
          {search.length >= 2 && total > items.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('training.session.moreMatches', { count: total - items.length })}
            </Typography.Text>
          ) : null}
          {adding ? (
            <Card
              size="small"
              type="inner"
              title={away ? t('training.offline.addTitle') : t('training.session.addTitle', { village: session.villageName })}
              style={{ marginTop: 12 }}
            >
              {away ? (
                <OfflineResidentForm
                  initialName={adding.name}
                  people={[...added, ...searchRoster(roster.data, [], adding.name || ' ', 50).items]}
                  onAdd={addOffline}
                  onPick={pick}
                  onCancel={() => setAdding(null)}
                />
              ) : (
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
                  onPick={pick}
                />
              )}
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
                {pending.has(a.residentId) ? (
                  <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="session-attendee-waiting">
                    {t('training.offline.waiting')}
                  </Tag>
                ) : null}
              </span>
            </List.Item>
          )}
        />
      </Card>
      {/* Photos need the network: with none, the card waits for it rather than failing. */}
      {away ? null : <SessionPhotos communeId={communeId} sessionId={session.id} canRecord={canRecord} />}
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
