import { useEffect, useState } from 'react';
import { App as AntApp, Button, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { unitKinds, type Indicator, type UnitKind } from '@tds/contracts';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { useChooseIndicatorKinds } from '../../api';

/** The unit kinds that report an indicator, as tags ("Mọi loại đơn vị" when none is singled out). */
export function UnitKindsText({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  if (indicator.source !== 'report') return <>{t('progress.indicators.kindsDerived')}</>;
  if (!indicator.unitKinds) return <>{t('progress.indicators.kindsAll')}</>;
  return <>{indicator.unitKinds.map((k) => t(`org.kinds.${k}`)).join(', ')}</>;
}

/**
 * Choose which kinds of unit report an indicator in this commune: their report forms ask for it, the
 * others' do not. "Dùng mặc định" goes back to the national choice.
 */
export function IndicatorKindsModal({ communeId, indicator, onClose }: { communeId: string; indicator: Indicator | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const choose = useChooseIndicatorKinds(communeId);
  const [kinds, setKinds] = useState<UnitKind[]>([]);
  useEffect(() => {
    setKinds(indicator?.unitKinds ?? [...unitKinds]);
    choose.reset();
    // Only when another indicator is opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [indicator?.code]);
  if (!indicator) return null;
  const save = (unitKinds: UnitKind[] | null) =>
    choose.mutate(
      { code: indicator.code, unitKinds },
      {
        onSuccess: () => {
          void message.success(t('progress.indicators.kindsSaved'));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('progress.indicators.kindsTitle')}
      onCancel={onClose}
      width={560}
      destroyOnHidden
      footer={[
        indicator.unitKindsChosen ? (
          <Button key="default" onClick={() => save(null)} loading={choose.isPending} data-testid="indicator-kinds-default">
            {t('progress.indicators.kindsUseDefault')}
          </Button>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          disabled={kinds.length === 0}
          onClick={() => save(kinds)}
          loading={choose.isPending}
          data-testid="indicator-kinds-save"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {indicator.name}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('progress.indicators.kindsHelp')}</Typography.Paragraph>
      <Select<UnitKind[]>
        mode="multiple"
        value={kinds}
        onChange={setKinds}
        options={unitKinds.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))}
        style={{ width: '100%' }}
        aria-label={t('progress.indicators.kinds')}
        data-testid="indicator-kinds-select"
      />
      {kinds.length === 0 ? <Typography.Text type="danger">{t('progress.indicators.kindsNone')}</Typography.Text> : null}
      {choose.error ? <ErrorAlert error={choose.error} /> : null}
    </Modal>
  );
}
