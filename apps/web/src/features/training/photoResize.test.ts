import { describe, expect, it } from 'vitest';
import { fitWithin, jpegName } from './photoResize';

describe('photo resize', () => {
  it('keeps a photo that fits, and scales the longest side of a larger one to the limit, either way up', () => {
    expect(fitWithin(1200, 800, 1600)).toEqual({ width: 1200, height: 800 });
    expect(fitWithin(1600, 1600, 1600)).toEqual({ width: 1600, height: 1600 });
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
    // A panorama never goes to zero pixels high.
    expect(fitWithin(40000, 10, 1600)).toEqual({ width: 1600, height: 1 });
  });

  it('names what is sent .jpg', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('anh lop hoc.png')).toBe('anh lop hoc.jpg');
    expect(jpegName('khongduoi')).toBe('khongduoi.jpg');
    expect(jpegName('.jpg')).toBe('anh.jpg');
  });
});
