import { describe, expect, it } from 'vitest';
import { activeEntry } from './nav';

describe('the side menu’s active entry', () => {
  const nav = [
    { key: 'home', path: '/' },
    { key: 'plans', path: '/plans' },
    { key: 'training', path: '/training' },
    { key: 'training-residents', path: '/training/residents' },
  ];
  it('is the longest prefix in whole segments, else home', () => {
    expect(activeEntry('/training', nav)).toBe('training');
    expect(activeEntry('/training/sessions/42', nav)).toBe('training');
    expect(activeEntry('/training/residents', nav)).toBe('training-residents');
    expect(activeEntry('/training/residentsx', nav)).toBe('training');
    expect(activeEntry('/plans/1/edit', nav)).toBe('plans');
    expect(activeEntry('/plansx', nav)).toBe('home');
    expect(activeEntry('/', nav)).toBe('home');
  });
});
