import { useRef, useState } from 'react';
import { Alert, Button, Card, Divider, Flex, Input, Typography } from 'antd';
import { FileTextOutlined, InboxOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export const IMPORT_ACCEPT =
  '.docx,.pdf,.txt,.md,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,text/plain,text/markdown';

/** Step 1: a file (picked or dropped) or pasted text. */
export function ImportSourceStep({ loading, onParse }: { loading: boolean; onParse: (input: { file: File } | { text: string }) => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [over, setOver] = useState(false);
  const [missing, setMissing] = useState(false);

  const pick = (f: File | null | undefined) => {
    if (!f) return;
    setFile(f);
    setMissing(false);
  };
  const parse = () => {
    if (file) onParse({ file });
    else if (text.trim()) onParse({ text });
    else setMissing(true);
  };

  return (
    <Card size="small">
      <div
        role="button"
        tabIndex={0}
        onClick={() => inputRef.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ' ? inputRef.current?.click() : undefined)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          pick(e.dataTransfer.files[0]);
        }}
        style={{
          border: `1px dashed ${over ? '#b71c1c' : '#d9d9d9'}`,
          background: over ? '#fff1f0' : '#fafafa',
          borderRadius: 8,
          padding: 24,
          textAlign: 'center',
          cursor: 'pointer',
        }}
        data-testid="import-dropzone"
      >
        <InboxOutlined style={{ fontSize: 40, color: '#b71c1c' }} />
        <Typography.Paragraph style={{ margin: '8px 0 4px' }}>{t('plans.import.pick')}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('plans.import.pickHint')}</Typography.Text>
        {file ? (
          <Flex justify="center" gap={8} style={{ marginTop: 12 }}>
            <FileTextOutlined />
            <Typography.Text strong data-testid="import-file-name">
              {file.name}
            </Typography.Text>
            <Button
              size="small"
              type="link"
              onClick={(e) => {
                e.stopPropagation();
                setFile(null);
                if (inputRef.current) inputRef.current.value = '';
              }}
            >
              {t('plans.remove')}
            </Button>
          </Flex>
        ) : null}
        <input
          ref={inputRef}
          type="file"
          accept={IMPORT_ACCEPT}
          style={{ display: 'none' }}
          onChange={(e) => pick(e.target.files?.[0])}
          data-testid="import-file-input"
        />
      </div>
      <Divider plain>{t('plans.import.orPaste')}</Divider>
      <Input.TextArea
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setMissing(false);
        }}
        disabled={!!file}
        autoSize={{ minRows: 6, maxRows: 16 }}
        placeholder={t('plans.import.pastePlaceholder')}
        data-testid="import-text"
        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
      />
      {missing ? <Alert type="warning" showIcon title={t('plans.import.needInput')} style={{ marginTop: 12 }} /> : null}
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button type="primary" icon={<SearchOutlined />} loading={loading} onClick={parse} data-testid="import-parse">
          {t('plans.import.parse')}
        </Button>
      </Flex>
    </Card>
  );
}
