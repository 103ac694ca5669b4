import type { PageTypeReader } from '../core/types';
import { mainTextOf } from './main-text';
import { genericReader } from './pages';

export { genericReader } from './pages';
export { mainTextOf } from './main-text';
/** The generic fallback with main-text extraction (tests, fixtures; the content script reads main text on request). */
export const GENERIC_READERS: readonly PageTypeReader[] = [genericReader({ mainText: mainTextOf })];
