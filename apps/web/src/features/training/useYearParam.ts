import { useSearchParams } from 'react-router';
import { vietnamYear } from '@tds/contracts';
import { FIRST_YEAR } from './trainingText';

/** The year chosen, kept in the address bar (?year=2026) so a link shows the same figures; this year by default. */
export function useYearParam(): [number, (y: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('year'));
  const year = Number.isInteger(raw) && raw >= FIRST_YEAR && raw <= 2100 ? raw : vietnamYear();
  const setYear = (y: number) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (y === vietnamYear()) next.delete('year');
        else next.set('year', String(y));
        return next;
      },
      { replace: true },
    );
  return [year, setYear];
}
