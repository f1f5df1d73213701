import { describe, expect, it } from 'vitest';
import { fileResourceIds } from './file-resource-id.js';

describe('fileResourceIds', () => {
  it('names each file after its path, so adding a file renames none of the others', () => {
    const before = fileResourceIds('site_file', ['index.html', 'chunks/app-1.js']);
    const after = fileResourceIds('site_file', ['about.html', 'index.html', 'chunks/app-1.js']);
    expect(before.get('chunks/app-1.js')).toBe('site_file_chunks_app_1_js');
    expect(after.get('index.html')).toBe(before.get('index.html'));
  });

  it('refuses two paths that would share a name', () => {
    expect(() => fileResourceIds('f', ['a-b.js', 'a_b.js'])).toThrow(/files a-b.js and a_b.js would share the Terraform name f_a_b_js/);
  });
});
