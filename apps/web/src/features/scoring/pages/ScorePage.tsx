import { useEffect, useState } from 'react';
import { App as AntApp, Alert, Button, Card, Flex, Input, InputNumber, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { entryPoints, totalOf } from '@tds/contracts';
import { useAssessment, useCouncilScore, useRubric, useStepScore } from '../api';
import { SCORING_PATHS } from '../paths';
import { EvidenceText } from '../components/EvidenceText';
import { errorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';
import { NoCommune } from '../../../components/ui/Forbidden';

type Entry = { value?: number | null; points?: number | null };

/** A council member's own sheet for one unit, beside the unit's claims: saved, then submitted once; or a conflict declared. */
export default function ScorePage() {
  const { communeId } = useCommune();
  const { id, unitId } = useParams();
  if (!communeId || !id || !unitId) return <NoCommune />;
  return <Score key={`${communeId}:${id}:${unitId}`} communeId={communeId} id={id} unitId={unitId} />;
}

function Score({ communeId, id, unitId }: { communeId: string; id: string; unitId: string }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const rubric = useRubric(communeId, id);
  const sheet = useCouncilScore(communeId, id, unitId);
  const claims = useAssessment(communeId, id, unitId);
  const step = useStepScore(communeId, id, unitId);
  const [items, setItems] = useState<Record<string, Entry>>({});
  useEffect(() => {
    if (sheet.data) setItems(sheet.data.items);
  }, [sheet.data]);
  if (rubric.error || sheet.error) return <ErrorAlert error={rubric.error ?? sheet.error} />;
  if (!rubric.data || !sheet.data) return <FullPageSpin />;
  const r = rubric.data;
  const s = sheet.data;
  const unitName = r.units.find((u) => u.id === unitId)?.name ?? '';
  const manual = r.criteria.filter((c) => !c.auto);
  const total = totalOf(manual.map((c) => ({ section: c.section, points: entryPoints(c, items[c.id] ?? {}) })));
  const editable = s.can.save;

  const run = async (transition: 'save' | 'submit') => {
    try {
      let version = s.version;
      if (editable) version = (await step.mutateAsync({ transition: 'save', version, items })).version;
      if (transition === 'submit') await step.mutateAsync({ transition: 'submit', version });
      message.success(t(transition === 'save' ? 'scoring.score.saved' : 'scoring.score.submittedMsg'));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const recuse = () => {
    let reason = '';
    modal.confirm({
      title: t('scoring.score.recuse'),
      content: <Input.TextArea rows={3} placeholder={t('scoring.score.reason')} onChange={(e) => (reason = e.target.value)} data-testid="recuse-reason" />,
      onOk: async () => {
        try {
          await step.mutateAsync({ transition: 'recuse', version: s.version, reason });
          message.success(t('scoring.score.recusedMsg'));
        } catch (e) {
          message.error(errorText(e));
          throw e;
        }
      },
    });
  };
  return (
    <div>
      <PageHeader
        title={t('scoring.score.title', { unit: unitName })}
        subtitle={<Link to={SCORING_PATHS.rubric(r.id)}>{r.title}</Link>}
        extra={
          <>
            {s.can.save ? (
              <Button onClick={() => void run('save')} loading={step.isPending} data-testid="score-save">
                {t('scoring.score.save')}
              </Button>
            ) : null}
            {s.can.submit ? (
              <Button
                type="primary"
                loading={step.isPending}
                data-testid="score-submit"
                onClick={() => modal.confirm({ title: t('scoring.score.submit'), content: t('scoring.score.confirmSubmit'), onOk: () => run('submit') })}
              >
                {t('scoring.score.submit')}
              </Button>
            ) : null}
            {s.can.recuse ? (
              <Button danger onClick={recuse} data-testid="score-recuse">
                {t('scoring.score.recuse')}
              </Button>
            ) : null}
          </>
        }
      />
      {s.ownUnit ? <Alert type="warning" showIcon message={t('scoring.score.ownUnit')} style={{ marginBottom: 12 }} /> : null}
      {s.status === 'submitted' ? <Alert type="success" showIcon message={t('scoring.score.statusSubmitted')} style={{ marginBottom: 12 }} /> : null}
      {s.status === 'recused' ? <Alert type="info" showIcon message={t('scoring.score.statusRecused')} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph strong data-testid="score-total">
        {t('scoring.score.total', { total: formatNumber(total) })}
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        {r.criteria.map((c) => {
          const claim = claims.data?.items.find((i) => i.criterionId === c.id);
          const e = items[c.id] ?? {};
          return (
            <Card
              key={c.id}
              size="small"
              data-testid={`score-entry-${c.order}`}
              title={
                <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                  {c.order}. {c.title}
                </span>
              }
              extra={
                <span>
                  {t(`scoring.sections.${c.section}`)} · {t('scoring.columns.max')} {formatNumber(c.maxPoints)}
                </span>
              }
            >
              {c.auto ? (
                <Typography.Text type="secondary">
                  {t('scoring.score.autoNote')}
                  {claim?.autoPoints !== null && claim?.autoPoints !== undefined ? ` ${formatNumber(claim.autoPoints)}` : ''}
                </Typography.Text>
              ) : (
                <Flex gap={12} wrap align="center">
                  {c.method === 'bands' ? (
                    <label>
                      {t('scoring.score.value')}{' '}
                      <InputNumber
                        value={e.value ?? null}
                        disabled={!editable}
                        onChange={(v) => setItems({ ...items, [c.id]: { value: v ?? null } })}
                        data-testid={`score-value-${c.order}`}
                        aria-label={t('scoring.score.value')}
                      />
                    </label>
                  ) : (
                    <label>
                      {t('scoring.score.points')}{' '}
                      <InputNumber
                        min={0}
                        max={c.maxPoints}
                        value={e.points ?? null}
                        disabled={!editable}
                        onChange={(v) => setItems({ ...items, [c.id]: { points: v ?? null } })}
                        data-testid={`score-points-${c.order}`}
                        aria-label={t('scoring.score.points')}
                      />
                    </label>
                  )}
                  <span>= {formatNumber(entryPoints(c, e))}</span>
                  {claim ? (
                    <Typography.Text type="secondary">
                      {t('scoring.score.claim', {
                        claim:
                          c.method === 'bands' ? `${formatNumber(claim.value ?? 0)} → ${formatNumber(entryPoints(c, claim))}` : formatNumber(claim.points ?? 0),
                      })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              )}
              {claim?.evidence.length ? (
                <Space direction="vertical" size={0} style={{ marginTop: 6 }}>
                  {claim.evidence.map((ev, i) => (
                    <Typography.Text key={i} type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                      • <EvidenceText at={{ communeId, rubricId: id, unitId }} e={ev} />
                    </Typography.Text>
                  ))}
                </Space>
              ) : null}
            </Card>
          );
        })}
      </Flex>
    </div>
  );
}
