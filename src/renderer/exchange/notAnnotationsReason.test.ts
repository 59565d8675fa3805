import { describe, expect, it } from 'vitest';
import { notAnnotationsReason } from './notAnnotationsReason';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('notAnnotationsReason', () => {
  it('names what Import annotations takes when the file is an article or notes, not the JSON parser’s complaint', () => {
    const reason = notAnnotationsReason(bytes('The council met on Monday.\n\nIt voted to keep the library open.'));
    expect(reason).toContain('Import annotations… takes a Triangulate project file or W3C annotations (JSON)');
    expect(reason).toContain('Import articles…');
    expect(notAnnotationsReason(bytes('name,age\nAda,36\n'))).toContain('annotation table (CSV with a "tag" column');
  });

  it('leaves JSON, annotation tables and unreadable files to their own reasons', () => {
    expect(notAnnotationsReason(bytes('{ "type": "AnnotationCollection", '))).toBeNull();
    expect(notAnnotationsReason(bytes('\uFEFF  [1, 2'))).toBeNull();
    expect(notAnnotationsReason(bytes('tag,exact_raw\nquote,hello\n'))).toBeNull();
    expect(notAnnotationsReason(new Uint8Array())).toBeNull();
  });
});
