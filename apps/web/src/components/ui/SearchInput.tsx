import { Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/hooks';

/** Search box that reports its value after typing pauses (and at once on Enter). */
export function SearchInput({
  onSearch,
  placeholder,
  style,
  testId,
  initial = '',
}: {
  onSearch: (q: string) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
  initial?: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const debounced = useDebounced(value, 350);
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  }, [onSearch]);
  useEffect(() => {
    onSearchRef.current(debounced.trim());
  }, [debounced]);
  return (
    <Input
      allowClear
      prefix={<SearchOutlined />}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={() => onSearch(value.trim())}
      placeholder={placeholder ?? t('common.searchPlaceholder')}
      style={{ width: 300, maxWidth: '100%', ...style }}
      data-testid={testId}
      aria-label={t('common.search')}
    />
  );
}
