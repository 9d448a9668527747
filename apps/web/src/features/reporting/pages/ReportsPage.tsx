import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DueItemsTab } from '../components/list/DueItemsTab';
import { ReportListTab } from '../components/list/ReportListTab';
import { useCommune, useCurrentMe } from '../../../lib/session';
import { useReports } from '../api';
import { myUnits, seesWholeCommune } from '../scope';
import { PageHeader } from '../../../components/ui/PageHeader';
import { NoCommune } from '../../../components/ui/Forbidden';

const TABS = ['due', 'queue', 'all'] as const;
type TabKey = (typeof TABS)[number];

/** Reports: what my unit owes and its reports; for reviewers, the review queue and every report. */
export default function ReportsPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <ReportsPageInner key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function ReportsPageInner({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  // Whether this user reviews this commune's reports comes with the report list (`can.review`), not from permissions.
  const canReview = !!useReports(communeId, { page: 1, pageSize: 1, status: 'submitted' }).data?.can.review;
  const me = useCurrentMe();
  const ownUnitId = seesWholeCommune(me.roles) ? undefined : myUnits(me.roles, communeId)[0]?.id;
  const [params, setParams] = useSearchParams();
  const available: readonly TabKey[] = canReview ? TABS : ['due'];
  const asked = params.get('tab') as TabKey | null;
  const tab: TabKey = asked && available.includes(asked) ? asked : 'due';

  const content: Record<TabKey, React.ReactNode> = {
    due: <DueItemsTab communeId={communeId} ownUnitId={ownUnitId} />,
    queue: <ReportListTab communeId={communeId} status="submitted" testId="review-queue" />,
    all: <ReportListTab communeId={communeId} testId="all-reports" />,
  };

  return (
    <div>
      <PageHeader title={t('reporting.title')} subtitle={communeName} />
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(k) =>
          setParams(
            (p) => {
              p.set('tab', k);
              return p;
            },
            { replace: true },
          )
        }
        items={available.map((k) => ({ key: k, label: <span data-testid={`reports-tab-${k}`}>{t(`reporting.tabs.${k}`)}</span>, children: content[k] }))}
      />
    </div>
  );
}
