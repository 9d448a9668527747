import { useMemo } from 'react';
import { Col, Form, Row, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlans } from '../api';
import { useUnitTree, filterUnitNode, unitTreeSelectData } from '../../org';
import { selectFilter } from '../../../lib/format';

export interface PlanLinks {
  parentPlanId: string | null;
  ownerUnitId: string | null;
}

/** When creating a plan: the higher plan it implements, and the unit whose own plan it is. */
export function PlanLinksFields({ communeId, value, onChange }: { communeId: string; value: PlanLinks; onChange: (v: PlanLinks) => void }) {
  const { t } = useTranslation();
  const plans = usePlans(communeId, { page: 1, pageSize: 200 });
  // Choosing the owner unit only when the plan list says so (`can.pickOwnerUnit`), not from permissions.
  const canReadOrg = !!plans.data?.can.pickOwnerUnit;
  const tree = useUnitTree(canReadOrg ? communeId : null);
  const unitData = useMemo(() => unitTreeSelectData(tree.data), [tree.data]);
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item label={t('plans.parent')} layout="vertical" style={{ marginBottom: 8 }}>
          <Select
            allowClear
            showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
            placeholder={t('plans.editor.pickParent')}
            value={value.parentPlanId ?? undefined}
            onChange={(v?: string) => onChange({ ...value, parentPlanId: v ?? null })}
            loading={plans.isFetching}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title || t('plans.untitled') }))}
            data-testid="plan-parent-select"
          />
        </Form.Item>
      </Col>
      {canReadOrg ? (
        <Col xs={24} md={12}>
          <Form.Item label={t('plans.ownerUnit')} layout="vertical" style={{ marginBottom: 8 }}>
            <TreeSelect
              allowClear
              showSearch
              treeDefaultExpandAll
              placeholder={t('plans.editor.pickOwner')}
              value={value.ownerUnitId ?? undefined}
              onChange={(v?: string) => onChange({ ...value, ownerUnitId: v ?? null })}
              treeData={unitData}
              filterTreeNode={filterUnitNode}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}
