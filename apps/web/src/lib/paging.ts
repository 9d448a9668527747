import { useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';

/** Page state of a server-paginated list, and the antd pagination that drives it. */
export function usePaging(initialSize = 20, sizes: number[] = [10, 20, 50, 100]) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  /** Pagination for a table showing `total` rows in all; a new page size starts again at page 1. */
  const config = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: sizes,
    showTotal: (n) => t('common.total', { count: n }),
    onChange: (p, ps) => {
      setPage(ps !== pageSize ? 1 : p);
      setPageSize(ps);
    },
  });
  return { page, pageSize, setPage, config };
}
