import { useState } from 'react';
import { Alert, App as AntApp, Button, Drawer, Flex, Progress, Table, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';

/** What every import answers: its rows, its problems (by sheet when there are several, row and column). */
export interface ImportResultLike {
  dryRun: boolean;
  rows: number;
  errors: { row: number; sheet?: string; field?: string; message: string }[];
  errorCount: number;
}

/** The upload of a kind (a dry run or the commit), with its progress; a react-query mutation fits. */
export interface ImportMutation<R extends ImportResultLike> {
  mutateAsync: (args: { file: Blob; dryRun: boolean; onProgress?: (share: number) => void }) => Promise<R>;
  isPending: boolean;
}

export interface ImportDrawerProps<R extends ImportResultLike> {
  open: boolean;
  onClose: () => void;
  title: string;
  intro: string;
  /** data-testid of the drawer; its parts are `${testId}-template`, `-file`, `-progress`, `-error`, `-summary`, `-errors`, `-commit`. */
  testId: string;
  downloadTemplate: () => Promise<unknown>;
  mutation: ImportMutation<R>;
  /** The dry run in one sentence (what the commit would write, and the number of problems). */
  summary: (r: R, fileName: string) => string;
  /** How many records the commit would write or change: the commit button is off at 0. */
  writes: (r: R) => number;
  commitLabel: (r: R) => string;
  /** The message once committed. */
  done: (r: R) => string;
}

/**
 * An import from Excel: the template, a dry run listing every row's problems (sheet, row, what is
 * wrong), then the commit, which writes every row or none. The commit is offered only for a file
 * without problems that would write something.
 */
export function ImportDrawer<R extends ImportResultLike>(props: ImportDrawerProps<R>) {
  const { open, onClose, testId, mutation } = props;
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [dry, setDry] = useState<R | null>(null);
  const [sent, setSent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setFile(null);
    setDry(null);
    setSent(0);
    setError(null);
  };
  const run = async (f: File, dryRun: boolean) => {
    setError(null);
    setSent(0);
    try {
      const r = await mutation.mutateAsync({ file: f, dryRun, onProgress: setSent });
      if (dryRun) setDry(r);
      else {
        void message.success(props.done(r));
        reset();
        onClose();
      }
    } catch (e) {
      setError(errorText(e));
    }
  };
  const bySheet = !!dry?.errors.some((e) => e.sheet);
  const columns: TableProps<R['errors'][number]>['columns'] = [
    ...(bySheet ? [{ key: 'sheet', title: t('training.imports.sheet'), dataIndex: 'sheet', width: 110 }] : []),
    { key: 'row', title: t('training.import.row'), dataIndex: 'row', width: 70 },
    {
      key: 'message',
      title: t('training.import.problem'),
      dataIndex: 'message',
      render: (m: string) => <span style={{ overflowWrap: 'anywhere' }}>{m}</span>,
    },
  ];
  return (
    <Drawer
      open={open}
      onClose={() => {
        reset();
        onClose();
      }}
      title={props.title}
      width={Math.min(720, window.innerWidth)}
      destroyOnHidden
      data-testid={testId}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>{props.intro}</Typography.Paragraph>
        <Flex wrap gap={8}>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void props.downloadTemplate().catch((e: unknown) => void message.error(errorText(e)))}
            data-testid={`${testId}-template`}
          >
            {t('training.import.template')}
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setDry(null);
              void run(f, true);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={mutation.isPending} data-testid={`${testId}-file`}>
              {t('training.import.pick')}
            </Button>
          </Upload>
        </Flex>
        {mutation.isPending ? <Progress percent={Math.round(sent * 100)} status="active" data-testid={`${testId}-progress`} /> : null}
        {error ? <Alert type="error" showIcon message={error} data-testid={`${testId}-error`} /> : null}
        {dry ? (
          <>
            <Alert type={dry.errorCount ? 'warning' : 'success'} showIcon data-testid={`${testId}-summary`} message={props.summary(dry, file?.name ?? '')} />
            {dry.errors.length ? (
              <Table
                size="small"
                rowKey={(e) => `${e.sheet ?? ''}-${e.row}-${e.field ?? ''}-${e.message}`}
                dataSource={dry.errors}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid={`${testId}-errors`}
                columns={columns}
              />
            ) : null}
            <Button
              type="primary"
              disabled={!!dry.errorCount || !file || props.writes(dry) === 0}
              loading={mutation.isPending}
              onClick={() => file && void run(file, false)}
              data-testid={`${testId}-commit`}
            >
              {props.commitLabel(dry)}
            </Button>
          </>
        ) : null}
      </Flex>
    </Drawer>
  );
}
