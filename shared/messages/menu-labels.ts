/**
 * The labels of the Electron menu, the tray and the About box, in every language Glimpse speaks. The main process
 * has no i18next and no React: this small table is its catalog, and the compiler checks that each language has
 * every label. `&` marks the Windows/Linux access key; Chinese menus put it after the name, as Windows apps do.
 */
import type { Language } from './language.ts';
import { interpolate } from './messages.ts';

const EN = {
  app: 'Glimpse',
  file: '&File',
  view: '&View',
  help: '&Help',
  edit: '&Edit',
  window: '&Window',
  settings: 'Settings…',
  settingsMnemonic: '&Settings…',
  about: 'About Glimpse',
  aboutDetail: 'A desktop playground for vision-language models.\nData folder: {{dir}}',
  ok: 'OK',
  folderFailed: 'The data folder did not open: {{reason}}',
  newSession: 'New session',
  attach: 'Attach…',
  snip: 'Snip and ask',
  usage: 'Usage',
  compare: 'Compare',
  shortcuts: 'Keyboard shortcuts',
  guide: 'Getting started…',
  dataFolder: 'Open the data folder',
  showGlimpse: 'Show Glimpse',
  quit: 'Quit',
  quitGlimpse: 'Quit Glimpse',
  close: 'Close',
  services: 'Services',
  hide: 'Hide Glimpse',
  hideOthers: 'Hide Others',
  unhide: 'Show All',
  reload: 'Reload',
  forceReload: 'Force Reload',
  devTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  pasteAndMatchStyle: 'Paste and Match Style',
  delete: 'Delete',
  selectAll: 'Select All',
  minimize: 'Minimize',
  zoom: 'Zoom',
  front: 'Bring All to Front',
  trayStatus: 'Glimpse: {{status}}',
  batchStatus: 'Batch {{finished}}/{{total}} · {{spent}}',
  batchStatusFailed: 'Batch {{finished}}/{{total}} ({{failed}} failed) · {{spent}}',
};

export type MenuLabel = keyof typeof EN;
export type MenuLabels = Record<MenuLabel, string>;

const ZH_CN: MenuLabels = {
  app: 'Glimpse',
  file: '文件(&F)',
  view: '视图(&V)',
  help: '帮助(&H)',
  edit: '编辑(&E)',
  window: '窗口(&W)',
  settings: '设置…',
  settingsMnemonic: '设置(&S)…',
  about: '关于 Glimpse',
  aboutDetail: '视觉语言模型的桌面试验场。\n数据文件夹：{{dir}}',
  ok: '确定',
  folderFailed: '无法打开数据文件夹：{{reason}}',
  newSession: '新建会话',
  attach: '添加附件…',
  snip: '截图提问',
  usage: '用量',
  compare: '对比',
  shortcuts: '键盘快捷键',
  guide: '入门指南…',
  dataFolder: '打开数据文件夹',
  showGlimpse: '显示 Glimpse',
  quit: '退出',
  quitGlimpse: '退出 Glimpse',
  close: '关闭',
  services: '服务',
  hide: '隐藏 Glimpse',
  hideOthers: '隐藏其他',
  unhide: '全部显示',
  reload: '重新加载',
  forceReload: '强制重新加载',
  devTools: '开发者工具',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullScreen: '切换全屏',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  pasteAndMatchStyle: '粘贴并匹配样式',
  delete: '删除',
  selectAll: '全选',
  minimize: '最小化',
  zoom: '缩放',
  front: '前置全部窗口',
  trayStatus: 'Glimpse：{{status}}',
  batchStatus: '批量 {{finished}}/{{total}} · {{spent}}',
  batchStatusFailed: '批量 {{finished}}/{{total}}（{{failed}} 个失败）· {{spent}}',
};

const TABLES: Record<Language, MenuLabels> = { en: EN, 'zh-CN': ZH_CN };

/** The labels for a language, with `{{name}}` filled by `label(key, params)`. */
export function menuLabels(lang: Language): { label(key: MenuLabel, params?: Record<string, string | number>): string } {
  const table = TABLES[lang];
  return { label: (key, params) => (params ? interpolate(table[key], params) : table[key]) };
}
