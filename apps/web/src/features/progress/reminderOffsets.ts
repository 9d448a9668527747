import { REMINDER_OFFSET_MAX, REMINDER_OFFSET_MIN, REMINDER_OFFSETS_MAX_COUNT } from '@tds/contracts';

/** Which side of the deadline a reminder falls on. */
export type OffsetSide = 'before' | 'on' | 'after';

/** How to say an offset: the i18n key under `progress.reminders.offset` and the number of days. */
export function offsetLabelParts(offset: number): { side: OffsetSide; days: number } {
  if (offset === 0) return { side: 'on', days: 0 };
  return offset < 0 ? { side: 'before', days: -offset } : { side: 'after', days: offset };
}

/** The signed offset for a number of days on one side of the deadline. */
export function toOffset(side: OffsetSide, days: number): number {
  if (side === 'on') return 0;
  return side === 'before' ? -Math.abs(days) : Math.abs(days);
}

/** Offsets in the order they fire: the earliest reminder before the deadline first. */
export function sortOffsets(offsets: readonly number[]): number[] {
  return [...offsets].sort((a, b) => a - b);
}

export type AddOffsetProblem = 'notInteger' | 'range' | 'duplicate' | 'tooMany';

/**
 * Add an offset to a list, or say why it cannot be added (mirrors the server's rules so the user
 * sees the problem before saving; the server still checks).
 */
export function addOffset(offsets: readonly number[], offset: number): { offsets: number[] } | { problem: AddOffsetProblem } {
  if (!Number.isInteger(offset)) return { problem: 'notInteger' };
  if (offset < REMINDER_OFFSET_MIN || offset > REMINDER_OFFSET_MAX) return { problem: 'range' };
  if (offsets.includes(offset)) return { problem: 'duplicate' };
  if (offsets.length >= REMINDER_OFFSETS_MAX_COUNT) return { problem: 'tooMany' };
  return { offsets: sortOffsets([...offsets, offset]) };
}
