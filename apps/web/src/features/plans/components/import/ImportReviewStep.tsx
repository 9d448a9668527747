import { useMemo, useState } from 'react';
import type { FormInstance } from 'antd';
import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanImportResult } from '../../api';
import type { PlanFormValues } from '../../planForm';
import { fieldLabelsEn, fieldLabelsVi } from '@tds/contracts';
import { findSpan, importWarningText, lowConfidencePaths, planPathLabel } from '../../planText';
import { PLAN_FORM_NAME, PlanDocForm } from '../form/PlanDocForm';
import { SourceText } from './SourceText';

/** Focus the form item of a sources key, if it is on the page. */
export function focusPlanField(path: string): void {
  if (!path.startsWith('plan.')) return;
  const el = document.getElementById(`${PLAN_FORM_NAME}_${path.slice(5).split('.').join('_')}`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}

const SEGMENT_KEYS: Record<string, string> = {
  what: 'deadlineWhat',
  from: 'deadlineFrom',
  to: 'deadlineTo',
  type: 'basisType',
  title: 'planTitle',
  fromYear: 'fromYear',
  toYear: 'toYear',
};

/** A readable name for a field path: "plan.deadlines.1.what" -> "Thời hạn › 2 › Việc phải làm". */
function usePathLabel() {
  const { t, i18n } = useTranslation();
  const labels = i18n.language.startsWith('vi') ? fieldLabelsVi : fieldLabelsEn;
  return (path: string) =>
    planPathLabel(
      path,
      (p) => {
        const key = `plans.${SEGMENT_KEYS[p] ?? p}`;
        return i18n.exists(key) && typeof t(key, { returnObjects: true }) === 'string' ? t(key) : undefined;
      },
      labels,
    );
}

/** Step 2: the source text beside the extracted fields; the officer corrects them. */
export function ImportReviewStep({
  result,
  form,
  initialValues,
}: {
  result: PlanImportResult;
  form: FormInstance<PlanFormValues>;
  initialValues: PlanFormValues;
}) {
  const { t, i18n } = useTranslation();
  const label = usePathLabel();
  const warningText = (w: PlanImportResult['warnings'][number]) =>
    importWarningText(
      w,
      i18n.language.startsWith('vi'),
      (code) => (i18n.exists(`plans.import.warnings.${code}`) ? t(`plans.import.warnings.${code}`) : undefined),
      w.path ? label(w.path) : undefined,
    );
  const [active, setActive] = useState<string | null>(null);
  const span = useMemo(() => (active ? findSpan(result.sources, active) : null), [active, result.sources]);
  const low = useMemo(() => lowConfidencePaths(result.sources), [result.sources]);

  const go = (path: string) => {
    setActive(path);
    focusPlanField(path);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={11}>
        <div style={{ position: 'sticky', top: 72 }}>
          <SourceText text={result.text} span={span} activePath={active} fileName={result.fileName} />
        </div>
      </Col>
      <Col xs={24} lg={13}>
        <Typography.Paragraph type="secondary">{t('plans.import.hint')}</Typography.Paragraph>
        {result.decision ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('plans.import.decisionFound', { title: [result.decision.number, result.decision.title].filter(Boolean).join(' – ') })}
          />
        ) : null}
        {result.warnings.length > 0 ? (
          <Card size="small" title={t('plans.warnings')} style={{ marginBottom: 12 }} data-testid="import-warnings">
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {result.warnings.map((w, i) => (
                <li key={i} style={{ marginBottom: 4 }}>
                  <Tag color={/CONFLICT/u.test(w.code) ? 'red' : 'orange'}>{t(`plans.import.warningKind.${warningKind(w.code)}`)}</Tag>
                  {w.path ? <Typography.Link onClick={() => go(w.path!)}>{warningText(w)}</Typography.Link> : warningText(w)}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {low.length > 0 ? (
          <Card size="small" title={t('plans.import.lowList')} style={{ marginBottom: 12 }} data-testid="import-low">
            <Flex wrap gap={6}>
              {low.map((p) => (
                <Tag key={p} color="warning" style={{ cursor: 'pointer' }} onClick={() => go(p)}>
                  {label(p)} ({Math.round((result.sources[p]?.confidence ?? 0) * 100)}%)
                </Tag>
              ))}
            </Flex>
          </Card>
        ) : null}
        <PlanDocForm form={form} initialValues={initialValues} sources={result.sources} onFocusPath={setActive} />
      </Col>
    </Row>
  );
}

/** The kind a warning is shown as (its code stays out of sight): a conflict, a suspected typo, or something to review. */
function warningKind(code: string): 'conflict' | 'typo' | 'check' {
  return /CONFLICT/u.test(code) ? 'conflict' : /TYPO/u.test(code) ? 'typo' : 'check';
}
