import type { FormInstance } from 'antd';
import { Form } from 'antd';
import type { PlanFormValues } from '../../planForm';
import { fieldIdToPath, type Sources } from '../../planText';
import { PlanSourcesContext } from './PlanField';
import { HeaderFields } from './HeaderFields';
import { ContentFields, CriteriaFields } from './BodyFields';
import { TimelineFields } from './TimelineFields';
import { ClosingFields } from './ClosingFields';

export const PLAN_FORM_NAME = 'plan';

export const PLAN_SECTIONS = ['header', 'legal', 'contents', 'criteria', 'timeline', 'responsibilities', 'signature'] as const;

/**
 * Every part of a PlanDoc as one antd form (the editor page and the import review share it).
 * `onFocusPath` gets the sources key ("plan.signer.name") of the field the officer is in.
 */
export function PlanDocForm({
  form,
  initialValues,
  sources = null,
  onFocusPath,
  onValuesChange,
}: {
  form: FormInstance<PlanFormValues>;
  initialValues: PlanFormValues;
  sources?: Sources | null;
  onFocusPath?: (path: string | null) => void;
  onValuesChange?: (changed: unknown) => void;
}) {
  const onFocus = (e: React.FocusEvent) => {
    if (!onFocusPath) return;
    const el = (e.target as HTMLElement).closest(`[id^="${PLAN_FORM_NAME}_"]`);
    onFocusPath(fieldIdToPath(el?.id, PLAN_FORM_NAME));
  };
  return (
    <PlanSourcesContext.Provider value={sources}>
      <Form<PlanFormValues>
        form={form}
        name={PLAN_FORM_NAME}
        layout="vertical"
        initialValues={initialValues}
        onFocusCapture={onFocus}
        onValuesChange={onValuesChange}
        scrollToFirstError
        data-testid="plan-form"
      >
        <HeaderFields />
        <ContentFields />
        <CriteriaFields />
        <TimelineFields />
        <ClosingFields />
      </Form>
    </PlanSourcesContext.Provider>
  );
}
