import { useState } from 'react';
import { App as AntApp } from 'antd';
import { errorText } from '../../lib/errors';

/** Run one download at a time per key, with a spinner on its button and the error in a toast. */
export function useDownload() {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = (key: string, fn: () => Promise<void> | void) => {
    setBusy(key);
    Promise.resolve()
      .then(fn)
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => setBusy(null));
  };
  return { busy, run };
}
