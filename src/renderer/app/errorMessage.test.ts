import { describe, it, expect } from 'vitest';
import { ApiError } from '../../shared/contract/apiError';
import { errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it('says what failed and passes the API message through', () => {
    const err = new ApiError('not_found', 'No article with id "x"');
    expect(errorMessage('Could not open the article', err)).toBe('Could not open the article: No article with id "x"');
  });

  it('uses the message of any other error, or its text when it is not an Error', () => {
    expect(errorMessage('Could not save', new TypeError('Failed to fetch'))).toBe('Could not save: Failed to fetch');
    expect(errorMessage('Could not save', 'offline')).toBe('Could not save: offline');
  });

  it('never ends with an empty explanation', () => {
    expect(errorMessage('Could not save', new Error(''))).toBe('Could not save: Error');
    expect(errorMessage('Could not save', '  ')).toBe('Could not save: Unknown error');
  });
});
