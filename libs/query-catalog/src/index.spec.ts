import { describe, expect, it } from 'vitest';
import { PLACEHOLDER } from './index.js';
describe('x', () => { it('y', () => { expect(PLACEHOLDER).toBe(1); }); });
