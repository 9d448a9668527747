import { useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resident } from '@tds/contracts';
import { useResidents } from '../api';
import { idTail } from '../trainingText';
import { useDebounced } from '../../../lib/hooks';

/** "Nguyễn Thị Anh (1950, Thôn Đông, …1234)". */
export const residentLabel = (r: Pick<Resident, 'fullName' | 'birthYear' | 'villageName' | 'idLast4'>) =>
  `${r.fullName} (${[String(r.birthYear), r.villageName, idTail(r.idLast4)].filter(Boolean).join(', ')})`;

/**
 * A resident chosen by typing part of the name (the server searches without diacritics), among the
 * residents the user may see, of one village when given; `exceptId` is left out (merge).
 */
export function ResidentPicker({
  communeId,
  villageId,
  exceptId,
  value,
  onChange,
  testId,
  ariaLabel,
  id,
}: {
  communeId: string;
  villageId?: string;
  exceptId?: string;
  value?: string | null;
  onChange?: (id: string | null, resident: Resident | null) => void;
  testId?: string;
  ariaLabel?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 300);
  const list = useResidents(communeId, { page: 1, pageSize: 20, q: debounced || undefined, villageId }, { enabled: debounced.length >= 2 });
  const [picked, setPicked] = useState<Resident | null>(null);
  const items = (list.data?.items ?? []).filter((r) => r.id !== exceptId);
  const options = items.map((r) => ({ value: r.id, label: residentLabel(r) }));
  if (picked && value === picked.id && !options.some((o) => o.value === picked.id)) options.unshift({ value: picked.id, label: residentLabel(picked) });
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => {
        const r = items.find((i) => i.id === v) ?? (picked?.id === v ? picked : null);
        setPicked(r);
        onChange?.(v ?? null, r);
      }}
      options={options}
      placeholder={t('training.residents.searchPlaceholder')}
      notFoundContent={
        list.isFetching ? <Spin size="small" /> : debounced.length >= 2 ? t('training.residents.noneFound') : t('training.residents.typeToSearch')
      }
      aria-label={ariaLabel ?? t('training.resident')}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
