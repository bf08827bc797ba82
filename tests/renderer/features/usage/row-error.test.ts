import { expect, it } from 'vitest';
import { rowError } from '../../../../renderer/features/usage/row-error.ts';
import { hostText } from '../../../../renderer/i18n/host-text.ts';

it("says a ledger row's error from its code in the window's language, and the stored English for older rows", () => {
  const coded = {
    error_code: 'error.auth',
    error_params: '{}',
    error_message: 'The provider refused the API key. Check it in Settings.',
  };
  expect(hostText(rowError(coded), 'zh-CN')).toBe('服务商拒绝了此 API 密钥。请在设置中检查。');
  expect(hostText(rowError(coded), 'en')).toBe('The provider refused the API key. Check it in Settings.');
  const withParams = { error_code: 'image.damaged', error_params: '{"name":"cut.png"}', error_message: 'x' };
  expect(hostText(rowError(withParams), 'zh-CN')).toBe('无法读取“cut.png”：文件已损坏或不是图片。');
  // Before schema 9, and codes from a newer Glimpse: the English that was stored.
  expect(rowError({ error_code: null, error_params: null, error_message: 'Bad key' })).toBe('Bad key');
  expect(rowError({ error_code: 'error.from-the-future', error_params: '{}', error_message: 'Later words' })).toBe('Later words');
  expect(rowError({ error_code: 'image.damaged', error_params: '{oops', error_message: 'Stored' })).toBe('Stored');
  expect(rowError({ error_code: null, error_params: null, error_message: null })).toBeNull();
});
