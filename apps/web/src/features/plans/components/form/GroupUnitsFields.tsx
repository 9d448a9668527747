import { useMemo } from 'react';
import { Form, Select, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { proposeKinds, unitKindLabelsVi, unitKinds } from '@tds/contracts';
import { filterUnitNode, unitTreeSelectData, useUnitTree } from '../../../org';
import { selectFilter } from '../../../../lib/format';
import { useCommune } from '../../../../lib/session';

/**
 * Which units a participant group covers: unit kinds (proposed from the group's name, with the
 * reason) and units chosen by name from the commune's tree.
 */
export function GroupUnitsFields({ group }: { group: number }) {
  const { t } = useTranslation();
  const { communeId } = useCommune();
  const tree = useUnitTree(communeId);
  const form = Form.useFormInstance();
  const chosen = Form.useWatch(['participantGroups', group, 'unitIds'], form) as string[] | undefined;
  // Closed units are not offered; one chosen before it closed stays shown by name, marked, so it can be taken out.
  const unitData = useMemo(() => unitTreeSelectData(tree.data, { keep: chosen ?? [], inactiveNote: t('plans.groupUnitClosed') }), [tree.data, chosen, t]);
  const name = Form.useWatch(['participantGroups', group, 'name'], form) as string | undefined;
  // The reason follows the name as it reads now (a stored reason may speak of a name since changed).
  const proposal = useMemo(() => proposeKinds(name ?? ''), [name]);
  const shown = proposal.reason;
  return (
    <div data-testid="group-units">
      <Form.Item
        name={[group, 'kinds']}
        label={t('plans.groupKinds')}
        extra={shown ? <Typography.Text type="secondary">{t('plans.groupKindsWhy', { reason: shown })}</Typography.Text> : t('plans.groupKindsNone')}
        style={{ marginBottom: 8 }}
      >
        <Select
          mode="multiple"
          allowClear
          placeholder={t('plans.groupKindsPlaceholder')}
          options={unitKinds.map((k) => ({ value: k, label: unitKindLabelsVi[k] }))}
          showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
          data-testid="group-kinds"
        />
      </Form.Item>
      <Form.Item name={[group, 'unitIds']} label={t('plans.groupUnits')} style={{ marginBottom: 8 }}>
        <TreeSelect
          multiple
          allowClear
          showSearch
          treeDefaultExpandAll
          treeData={unitData}
          filterTreeNode={filterUnitNode}
          placeholder={t('plans.groupUnitsPlaceholder')}
          loading={tree.isFetching}
          style={{ width: '100%' }}
          data-testid="group-unit-picker"
        />
      </Form.Item>
    </div>
  );
}
