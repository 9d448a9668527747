import { describe, expect, it } from 'vitest';
import { todoWhen } from './todoText';

describe('todoWhen', () => {
  const today = '2026-11-25';
  it('counts down to the due date, then up past it', () => {
    expect(todoWhen({ kind: 'due_soon', daysLeft: 9, since: null }, today)).toEqual({ key: 'daysLeft', count: 9, color: 'gold' });
    expect(todoWhen({ kind: 'due_soon', daysLeft: 3, since: null }, today)).toMatchObject({ key: 'daysLeft', count: 3, color: 'orange' });
    expect(todoWhen({ kind: 'due_soon', daysLeft: 0, since: null }, today)).toMatchObject({ key: 'dueToday' });
    expect(todoWhen({ kind: 'overdue', daysLeft: -5, since: null }, today)).toEqual({ key: 'daysLate', count: 5, color: 'red' });
  });
  it('counts returned and submitted items from the day they came', () => {
    expect(todoWhen({ kind: 'returned', daysLeft: 40, since: today }, today)).toMatchObject({ key: 'returnedToday' });
    expect(todoWhen({ kind: 'returned', daysLeft: -2, since: '2026-11-20' }, today)).toMatchObject({ key: 'returnedAgo', count: 5 });
    expect(todoWhen({ kind: 'to_review', daysLeft: 1, since: '2026-11-24' }, today)).toMatchObject({ key: 'waiting', count: 1, color: 'geekblue' });
    expect(todoWhen({ kind: 'to_review', daysLeft: 1, since: '2026-11-01' }, today)).toMatchObject({ key: 'waiting', count: 24, color: 'volcano' });
    expect(todoWhen({ kind: 'to_review', daysLeft: 1, since: null }, today)).toBeNull();
  });
});
