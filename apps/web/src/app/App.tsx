import { useEffect } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ThemeConfig } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { queryClient } from './queryClient';
import { router } from './router';
import { ErrorBoundary } from './ErrorBoundary';

/** The brand red, for buttons, the menu and other accents. */
const BRAND = '#b71c1c';
/**
 * Fields use a calm slate blue when hovered or focused: with the brand red there, a focused field
 * (the autofocused user name, say) looked like one with a validation error.
 */
const FIELD_HOVER = '#6b87ad';
const FIELD_ACTIVE = '#3f5f8a';
const FIELD_SHADOW = '0 0 0 2px rgba(63, 95, 138, 0.15)';
const field = { hoverBorderColor: FIELD_HOVER, activeBorderColor: FIELD_ACTIVE, activeShadow: FIELD_SHADOW };

const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    // Links in the brand's colour family (antd derives them from the blue info colour otherwise).
    colorLink: BRAND,
    colorLinkHover: '#d23f3f',
    colorLinkActive: '#8f1111',
    borderRadius: 6,
    // Secondary and description text at 4.5:1 or more on white (WCAG AA); antd's 45% black is 3.4:1.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // Placeholders are the only label some filters show: 4.7:1 instead of antd's 25% black (1.8:1).
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Danger buttons and error text at 5.9:1 on white (antd's #ff4d4f is 3.3:1).
    colorError: '#cf1322',
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Input: field,
    InputNumber: field,
    DatePicker: field,
    Mentions: field,
    // Select also styles AutoComplete, TreeSelect and Cascader.
    Select: { hoverBorderColor: FIELD_HOVER, activeBorderColor: FIELD_ACTIVE, activeOutlineColor: 'rgba(63, 95, 138, 0.15)' },
  },
};

export function App() {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith('en') ? 'en' : 'vi';
  // Set before the children render so date pickers use the right month and day names.
  if (dayjs.locale() !== lang) dayjs.locale(lang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <ConfigProvider locale={lang === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <ErrorBoundary>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
