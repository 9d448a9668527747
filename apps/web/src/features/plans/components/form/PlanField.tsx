import { createContext, useContext, type ReactNode } from 'react';
import { Button, Flex, Form, Input, Tag, Tooltip } from 'antd';
import type { FormItemProps } from 'antd';
import { DeleteOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LOW_CONFIDENCE, type Sources } from '../../planText';

/** What the import review adds to the editor: where each field came from, and how sure. */
export const PlanSourcesContext = createContext<Sources | null>(null);

/** A form item of the plan editor; marked when the importer was not sure of its value. */
export function PlanField({ path, className, extra, ...props }: FormItemProps & { path: string }) {
  const { t } = useTranslation();
  const sources = useContext(PlanSourcesContext);
  const span = sources?.[path];
  const low = !!span && span.confidence < LOW_CONFIDENCE;
  return (
    <Form.Item
      {...props}
      className={[className, low ? 'plan-field-low' : ''].filter(Boolean).join(' ') || undefined}
      extra={
        low ? (
          <>
            <Tag color="warning" icon={<WarningOutlined />} data-testid="low-confidence" style={{ marginTop: 2 }}>
              {t('plans.import.lowConfidence', { percent: Math.round(span.confidence * 100) })}
            </Tag>
            {extra}
          </>
        ) : (
          extra
        )
      }
    />
  );
}

export function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('plans.remove')}>
      <Button type="text" danger icon={<DeleteOutlined />} onClick={onClick} aria-label={t('plans.remove')} />
    </Tooltip>
  );
}

export function AddButton({ onClick, children, testId }: { onClick: () => void; children?: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={onClick} data-testid={testId} style={{ marginBottom: 16 }}>
      {children ?? t('plans.add')}
    </Button>
  );
}

/** A list of strings (movements, criteria, tasks, recipients ...), each row editable and removable. */
export function StringList({
  name,
  path,
  label,
  multiline,
  addLabel,
}: {
  /** Name relative to the enclosing list, e.g. ['criteria'] or [groupIndex, 'criteria']. */
  name: string | (string | number)[];
  /** Sources key of the list, e.g. "plan.participantGroups.0.criteria". */
  path: string;
  label?: ReactNode;
  multiline?: boolean;
  addLabel?: ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div>
          {label ? <div style={{ marginBottom: 8, fontWeight: 500 }}>{label}</div> : null}
          {fields.map((f, i) => (
            <Flex key={f.key} gap={4} align="start">
              <span style={{ width: 24, paddingTop: 5, color: 'rgba(0,0,0,0.45)', flex: 'none' }}>{i + 1}.</span>
              <PlanField name={[f.name]} path={`${path}.${f.name}`} style={{ flex: 1, marginBottom: 8, minWidth: 0 }}>
                {multiline ? <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} /> : <Input />}
              </PlanField>
              <RemoveButton onClick={() => remove(f.name)} />
            </Flex>
          ))}
          <AddButton onClick={() => add('')}>{addLabel}</AddButton>
        </div>
      )}
    </Form.List>
  );
}
