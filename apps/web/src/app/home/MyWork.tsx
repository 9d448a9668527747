import { useState } from 'react';
import { Card, Checkbox, Col, Empty, Flex, List, Row, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateVi, todoKinds, type TodoGroup, type TodoItemDto, type TodoKind } from '@tds/contracts';
import { useCommune } from '../../lib/session';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { useMyTodo } from './api';
import { todoListPage, todoWhen } from './todoText';

const KIND_COLOR: Record<TodoKind, string> = { due_soon: '#ad4e00', overdue: '#cf1322', returned: '#c41d7f', to_review: '#1d39c4' };

/**
 * "Việc của tôi": the counts of the four groups, then each group with work in it (its most pressing
 * items, and "Xem tất cả" to the full list). A click on an item switches to its commune when needed
 * and opens the page where it is done.
 */
export function MyWork() {
  const { t } = useTranslation();
  const { communeId, commune, communes } = useCommune();
  const multi = communes.length > 1;
  const [onlyCurrent, setOnlyCurrent] = useState(false);
  const q = useMyTodo(multi && onlyCurrent ? communeId : null);
  const groups = q.data?.groups ?? [];
  const busy = groups.filter((g) => g.total > 0);

  return (
    <Card data-testid="my-work" styles={{ body: { padding: 16 } }}>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.todo.title')}
        </Typography.Title>
        {multi && commune ? (
          <Checkbox checked={onlyCurrent} onChange={(e) => setOnlyCurrent(e.target.checked)} data-testid="my-work-only-commune">
            {t('home.todo.onlyCommune', { name: commune.name })}
          </Checkbox>
        ) : null}
      </Flex>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        {todoKinds.map((kind) => {
          const total = groups.find((g) => g.kind === kind)?.total;
          return (
            <Col key={kind} xs={12} md={6}>
              <div
                data-testid={`my-work-count-${kind}`}
                data-count={total ?? ''}
                style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px', borderLeft: `4px solid ${KIND_COLOR[kind]}` }}
              >
                <div style={{ fontSize: 22, fontWeight: 600, color: total ? KIND_COLOR[kind] : undefined }}>{total ?? '–'}</div>
                <div style={{ fontSize: 13 }}>{t(`home.todo.groups.${kind}`)}</div>
              </div>
            </Col>
          );
        })}
      </Row>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : null}
      {q.data && busy.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.todo.empty')} data-testid="my-work-empty" /> : null}
      <Row gutter={[16, 16]}>
        {busy.map((g) => (
          <Col key={g.kind} xs={24} xl={busy.length > 1 ? 12 : 24} style={{ minWidth: 0 }}>
            <TodoGroupList group={g} today={q.data!.today} showCommune={multi && !onlyCurrent} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function TodoGroupList({ group, today, showCommune }: { group: TodoGroup; today: string; showCommune: boolean }) {
  const { t } = useTranslation();
  return (
    <section data-testid={`my-work-group-${group.kind}`}>
      <Flex wrap justify="space-between" align="baseline" gap={8} style={{ borderBottom: `2px solid ${KIND_COLOR[group.kind]}`, paddingBottom: 4 }}>
        <Typography.Text strong style={{ color: KIND_COLOR[group.kind] }}>
          {t(`home.todo.groups.${group.kind}`)} ({group.total})
        </Typography.Text>
        <Link to={todoListPage[group.kind]} data-testid={`my-work-all-${group.kind}`}>
          {t('home.todo.seeAll', { count: group.total })}
        </Link>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`home.todo.hints.${group.kind}`)}
      </Typography.Text>
      <List<TodoItemDto> dataSource={group.items} rowKey="key" renderItem={(item) => <TodoRow item={item} today={today} showCommune={showCommune} />} />
    </section>
  );
}

function TodoRow({ item, today, showCommune }: { item: TodoItemDto; today: string; showCommune: boolean }) {
  const { t } = useTranslation();
  const { communeId, communes, setCommuneId } = useCommune();
  const when = todoWhen(item, today);
  return (
    <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="my-work-item" data-kind={item.kind}>
      <Link
        to={item.href}
        // The page works on the commune chosen in the header: switch to the item's one first.
        onClick={() => {
          if (item.communeId !== communeId && communes.some((c) => c.id === item.communeId)) setCommuneId(item.communeId);
        }}
        style={{ display: 'block', minWidth: 0, color: 'inherit' }}
        data-testid="my-work-link"
      >
        <Typography.Text strong style={{ color: '#0958d9', overflowWrap: 'anywhere' }}>
          {item.title}
        </Typography.Text>
        <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
          {when ? (
            <Tag color={when.color} style={{ marginInlineEnd: 0 }} data-testid="my-work-when">
              {t(`home.todo.when.${when.key}`, { count: when.count })}
            </Tag>
          ) : null}
          {item.dueDate ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('home.todo.due', { date: formatDateVi(item.dueDate) })}
            </Typography.Text>
          ) : null}
          {showCommune ? (
            <Tag style={{ marginInlineEnd: 0 }} data-testid="my-work-commune">
              {item.communeName}
            </Tag>
          ) : null}
        </Flex>
        {item.note ? (
          <Typography.Paragraph style={{ fontSize: 13, margin: '4px 0 0', overflowWrap: 'anywhere' }}>
            {t('home.todo.note', { text: item.note })}
          </Typography.Paragraph>
        ) : null}
        {item.detail ? (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ fontSize: 12, margin: '2px 0 0' }}>
            {item.detail}
          </Typography.Paragraph>
        ) : null}
      </Link>
    </List.Item>
  );
}
