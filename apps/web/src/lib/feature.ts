import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission } from '@tds/contracts';

/**
 * A page of a feature. `area: 'public'` pages (login...) render outside the signed-in shell;
 * `'app'` pages render inside it, behind the signed-in guard and, when given, the permission.
 * `path` is absolute for public pages and relative to `/` for app pages (`plans/:id`).
 */
export interface FeatureRoute {
  path: string;
  area: 'public' | 'app';
  /** Loaded lazily (`React.lazy(() => import('./pages/…'))`), so every feature is its own chunk. */
  page: LazyExoticComponent<ComponentType>;
  permission?: Permission;
}

/** An entry of the side menu; shown when the user has `permission` (always when none is given). */
export interface MenuEntry {
  key: string;
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  /** The icon component (an @ant-design/icons icon), rendered by the menu. */
  icon: ComponentType;
  permission?: Permission;
  testId: string;
  /** Position in the menu (ascending), so features can interleave their entries. */
  order: number;
}

/** What a feature shows the app: its pages and its menu entries (features/<f>/index.ts). */
export interface Feature {
  name: string;
  routes: readonly FeatureRoute[];
  menu: readonly MenuEntry[];
}
