import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { detailText, errorText } from '../../lib/errors';

/** An error from a query or mutation: the message, and its details as a list. */
export function ErrorAlert({ error, style, showDetails = true }: { error: unknown; style?: React.CSSProperties; showDetails?: boolean }) {
  // Re-rendered when the language changes (the details' labels follow it).
  useTranslation();
  if (!error) return null;
  const main = errorText(error);
  // A detail that only repeats the main message adds nothing.
  const details = showDetails && isApiError(error) ? error.details.filter((d) => d.row || (d.message !== main && detailText(d) !== main)) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16, ...style }}
      title={main}
      description={
        details.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {details.map((d, i) => (
              <li key={i}>{detailText(d)}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
