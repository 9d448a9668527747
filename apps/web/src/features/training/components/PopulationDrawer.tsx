import { useEffect, useRef } from 'react';
import { Alert, Button, Drawer, Flex, Form, Grid, InputNumber, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePopulation, useSavePopulation } from '../api';
import { populationFieldPath, populationPayload } from '../trainingText';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  rows: { villageId: string; villageName: string; adults: number | null }[];
}

/**
 * The adult population of every village for the year, typed at once (the coverage's denominator).
 * A village left blank stays "not entered"; the figures of the others are saved together.
 */
export function PopulationDrawer({ communeId, year, open, onClose }: { communeId: string; year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const population = usePopulation(communeId, year);
  const save = useSavePopulation(communeId);
  // Which form row each item sent came from, so the server's "items.3.adults" lands on its row.
  const sent = useRef<number[]>([]);
  const feedback = useSaveFeedback(form, (field) => populationFieldPath(field, sent.current));
  const { error, stale, reset } = feedback;

  useEffect(() => {
    if (!open || !population.data) return;
    reset();
    form.setFieldsValue({ rows: population.data.items.map((i) => ({ villageId: i.villageId, villageName: i.villageName, adults: i.adults })) });
  }, [open, population.data, form, reset]);

  const onFinish = () => {
    reset();
    // The whole store: the rows' village ids are kept there, not in form fields.
    const v = form.getFieldsValue(true) as Values;
    const { input, formIndex } = populationPayload(year, v.rows ?? []);
    if (input.items.length === 0) {
      form.setFields([{ name: ['rows', 0, 'adults'], errors: [t('training.population.noneTyped')] }]);
      return;
    }
    sent.current = formIndex;
    // The inputs keep each figure a whole number from 0 to 1,000,000; the server checks again.
    save.mutate(input, feedback.callbacks(true, onClose));
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('training.population.title', { year })}
      size={screens.md ? 480 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={!population.data} onClick={() => form.submit()} data-testid="population-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Alert type="info" showIcon title={t('training.population.hint')} style={{ marginBottom: 16 }} />
      {population.isPending ? <Skeleton active /> : null}
      {population.error ? <ErrorAlert error={population.error} /> : null}
      <SaveErrorAlert error={error} stale={stale} onReload={() => void population.refetch()} />
      <Form form={form} layout="horizontal" onFinish={onFinish} onValuesChange={feedback.onValuesChange}>
        <Form.List name="rows">
          {(fields) =>
            fields.map((f) => (
              <Flex key={f.key} align="baseline" gap={12} style={{ borderBottom: '1px solid #f0f0f0', paddingTop: 8 }}>
                <Typography.Text style={{ flex: 1, minWidth: 0 }} id={`population-label-${f.name}`}>
                  {form.getFieldValue(['rows', f.name, 'villageName'])}
                </Typography.Text>
                <Form.Item name={[f.name, 'adults']} style={{ marginBottom: 8, width: 150 }}>
                  <InputNumber
                    min={0}
                    max={1_000_000}
                    precision={0}
                    controls={false}
                    style={{ width: '100%' }}
                    placeholder={t('training.notEntered')}
                    aria-labelledby={`population-label-${f.name}`}
                    data-testid="population-adults"
                  />
                </Form.Item>
              </Flex>
            ))
          }
        </Form.List>
      </Form>
    </Drawer>
  );
}
