import { describe, expect, it } from 'vitest';
import { precacheList, type AssetInfo, type ChunkInfo } from './plugin.ts';

const chunk = (fileName: string, imports: string[] = [], extra: Partial<ChunkInfo> = {}): ChunkInfo => ({
  type: 'chunk',
  fileName,
  isEntry: false,
  facadeModuleId: null,
  imports,
  ...extra,
});

describe('the files kept on the device for offline use', () => {
  it('holds the entry and the offline pages with everything they load, and nothing else', () => {
    const bundle: Record<string, ChunkInfo | AssetInfo> = {
      'assets/index.js': chunk('assets/index.js', ['assets/react.js'], { isEntry: true, viteMetadata: { importedCss: new Set(['assets/index.css']) } }),
      'assets/react.js': chunk('assets/react.js'),
      'assets/SessionPage.js': chunk('assets/SessionPage.js', ['assets/antd.js', 'assets/react.js'], {
        facadeModuleId: '/repo/apps/web/src/features/training/pages/SessionPage.tsx',
      }),
      'assets/antd.js': chunk('assets/antd.js', ['assets/react.js']),
      'assets/DashboardPage.js': chunk('assets/DashboardPage.js', ['assets/echarts.js'], {
        facadeModuleId: '/repo/apps/web/src/features/progress/pages/DashboardPage.tsx',
      }),
      'assets/echarts.js': chunk('assets/echarts.js'),
      'assets/index.css': { type: 'asset', fileName: 'assets/index.css' },
    };
    const list = precacheList(bundle, /\/features\/training\/pages\/SessionPage\.tsx$/u, ['/manifest.webmanifest']);
    expect(list).toEqual(['/assets/SessionPage.js', '/assets/antd.js', '/assets/index.css', '/assets/index.js', '/assets/react.js', '/manifest.webmanifest']);
  });
});
