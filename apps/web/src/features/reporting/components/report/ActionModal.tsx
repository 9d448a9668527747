import { useState } from 'react';
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';

export interface ActionModalProps {
  open: boolean;
  title: string;
  description?: string;
  /** A text the act asks for (comment, reason); `required` refuses an empty one. */
  text?: { label: string; required: boolean; testId: string };
  okText: string;
  okDanger?: boolean;
  testId: string;
  pending: boolean;
  error: unknown;
  onOk: (text: string) => void;
  onCancel: () => void;
}

/** Confirm a report act (submit, accept, return, reopen), with its comment when it needs one. */
export function ActionModal(p: ActionModalProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = !!p.text?.required && !text.trim();
  const ok = () => {
    setTouched(true);
    if (!missing) p.onOk(text.trim());
  };
  return (
    <Modal
      open={p.open}
      title={p.title}
      onCancel={p.onCancel}
      destroyOnHidden
      afterClose={() => {
        setText('');
        setTouched(false);
      }}
      footer={[
        <Button key="cancel" onClick={p.onCancel} data-testid={`${p.testId}-cancel`}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" danger={p.okDanger} loading={p.pending} onClick={ok} data-testid={`${p.testId}-confirm`}>
          {p.okText}
        </Button>,
      ]}
    >
      {p.description ? <Typography.Paragraph>{p.description}</Typography.Paragraph> : null}
      {p.text ? (
        <Form layout="vertical" component="div">
          <Form.Item
            label={p.text.label}
            required={p.text.required}
            validateStatus={touched && missing ? 'error' : undefined}
            help={touched && missing ? t('common.required') : undefined}
          >
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={2000}
              showCount
              autoFocus
              data-testid={p.text.testId}
            />
          </Form.Item>
        </Form>
      ) : null}
      <ErrorAlert error={p.error} style={{ marginBottom: 0 }} />
    </Modal>
  );
}
