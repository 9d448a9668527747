import { describe, expect, it } from 'vitest';
import { idParam, withParam } from './url-params';

const id = '3f0c8a52-6b1e-4d2a-9c61-0d5e4b7a9f10';

describe('ids in the address bar', () => {
  it('reads an id, and ignores a missing or malformed one', () => {
    expect(idParam(new URLSearchParams(`unitId=${id}`), 'unitId')).toBe(id);
    expect(idParam(new URLSearchParams(''), 'unitId')).toBeUndefined();
    expect(idParam(new URLSearchParams('unitId=abc'), 'unitId')).toBeUndefined();
    expect(idParam(new URLSearchParams(`unitId=${id}'--`), 'unitId')).toBeUndefined();
  });

  it('sets and removes one param, keeping the others', () => {
    const p = new URLSearchParams('q=x&unitId=old');
    expect(withParam(p, 'unitId', id).toString()).toBe(`q=x&unitId=${id}`);
    expect(withParam(p, 'unitId', null).toString()).toBe('q=x');
    expect(withParam(p, 'open', id).toString()).toBe(`q=x&unitId=old&open=${id}`);
    expect(p.toString()).toBe('q=x&unitId=old');
  });
});
