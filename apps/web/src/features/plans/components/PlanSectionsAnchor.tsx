import { Anchor } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLAN_SECTIONS } from './form/PlanDocForm';

/** Jump links to the editor's sections (wide screens). */
export function PlanSectionsAnchor({ getContainer }: { getContainer?: () => HTMLElement | Window }) {
  const { t } = useTranslation();
  return (
    <Anchor
      offsetTop={72}
      targetOffset={140}
      getContainer={getContainer}
      items={PLAN_SECTIONS.map((s) => ({ key: s, href: `#plan-section-${s}`, title: t(`plans.sections.${s}`) }))}
    />
  );
}
