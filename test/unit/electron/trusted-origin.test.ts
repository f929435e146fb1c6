import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isTrustedSender, originOf } from '../../../electron/main/trusted-origin';

const topFrame = (url: string) => ({ url, parent: null });
const subFrame = (url: string) => ({ url, parent: topFrame('app://liftoff/index.html') });

describe('isTrustedSender', () => {
  it('trusts the top frame of our own page', () => {
    expect(isTrustedSender(topFrame('app://liftoff/index.html'))).toBe(true);
    expect(isTrustedSender(topFrame('app://liftoff/index.html?x=1#/roadmap'))).toBe(true);
  });

  it('refuses a payload from a subframe, even one of our own pages', () => {
    expect(isTrustedSender(subFrame('app://liftoff/index.html'))).toBe(false);
  });

  it('refuses other origins', () => {
    expect(isTrustedSender(topFrame('https://liftoff.example.com/'))).toBe(false);
    expect(isTrustedSender(topFrame('app://other/index.html'))).toBe(false);
    expect(isTrustedSender(topFrame('app://liftoff.evil/index.html'))).toBe(false);
    expect(isTrustedSender(topFrame('app://liftoff:8080/index.html'))).toBe(false);
    expect(isTrustedSender(topFrame('apps://liftoff/index.html'))).toBe(false);
  });

  it('refuses file:// pages', () => {
    expect(isTrustedSender(topFrame('file:///work/main/out/renderer/index.html'))).toBe(false);
  });

  it('refuses the local web server at http://127.0.0.1', () => {
    expect(isTrustedSender(topFrame('http://127.0.0.1:5199/index.html'))).toBe(false);
  });

  it('refuses a URL that only starts like ours', () => {
    expect(isTrustedSender(topFrame('app://liftoff@evil/index.html'))).toBe(false);
    expect(isTrustedSender(topFrame('app://user:pw@liftoff/index.html'))).toBe(false);
  });

  it('refuses malformed URLs and missing frames', () => {
    expect(isTrustedSender(topFrame('not a url'))).toBe(false);
    expect(isTrustedSender(topFrame(''))).toBe(false);
    expect(isTrustedSender(topFrame('app:liftoff'))).toBe(false);
    expect(isTrustedSender(topFrame('about:blank'))).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('originOf', () => {
  it('builds scheme://host for our scheme, where URL.origin would say "null"', () => {
    expect(new URL('app://liftoff/x').origin).toBe('null');
    expect(originOf('app://liftoff/x')).toBe(APP_ORIGIN);
  });
});
