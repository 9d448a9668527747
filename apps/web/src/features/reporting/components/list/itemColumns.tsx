import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { formatDateVi } from '@tds/contracts';

/** How one row of a report list shows its parts. */
export interface ItemParts<T> {
  unitName: (row: T) => string;
  dueDate: (row: T) => string;
  content: (row: T) => ReactNode;
  status: (row: T) => ReactNode;
  action: (row: T) => ReactNode;
  /** More columns between the deadline and the status (wide screens only). */
  extra?: TableColumnsType<T>;
}

/**
 * The columns of a due-item or report list: unit, content, deadline, status, action; on phones one
 * column holding all of them, so that nothing needs scrolling sideways.
 */
export function itemColumns<T>(compact: boolean, t: TFunction, p: ItemParts<T>): TableColumnsType<T> {
  if (compact) {
    return [
      {
        key: 'item',
        render: (_: unknown, row: T) => (
          <Flex vertical gap={4}>
            <Typography.Text strong>{p.unitName(row)}</Typography.Text>
            {p.content(row)}
            <Flex wrap gap={4} align="center">
              <Typography.Text type="secondary">
                {t('reporting.columns.deadline')}: {formatDateVi(p.dueDate(row))}
              </Typography.Text>
              {p.status(row)}
            </Flex>
            <div>{p.action(row)}</div>
          </Flex>
        ),
      },
    ];
  }
  return [
    { title: t('reporting.columns.unit'), key: 'unit', width: 180, render: (_: unknown, row: T) => p.unitName(row) },
    { title: t('reporting.columns.content'), key: 'content', minWidth: 240, render: (_: unknown, row: T) => p.content(row) },
    { title: t('reporting.columns.deadline'), key: 'deadline', width: 110, render: (_: unknown, row: T) => formatDateVi(p.dueDate(row)) },
    ...(p.extra ?? []),
    { title: t('common.status'), key: 'status', width: 150, render: (_: unknown, row: T) => p.status(row) },
    { title: t('common.actions'), key: 'actions', width: 150, render: (_: unknown, row: T) => p.action(row) },
  ];
}
