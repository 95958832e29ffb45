import { describe, expect, it } from 'vitest';
import { isTrustedUrl } from './trusted-url.js';

const SERVER = 'http://192.168.10.5:8080';

describe('navigation guard', () => {
  it.each([
    ['the kiosk screen', `${SERVER}/kiosk?token=demo-kiosk-1`],
    ['the operator console', `${SERVER}/operator`],
    ['a hash change', `${SERVER}/board?token=t#calls`],
    ['the root', `${SERVER}/`],
    ['the port written out in a different case of host', 'http://192.168.10.5:8080/operator'],
  ])('allows %s', (_name, url) => {
    expect(isTrustedUrl(url, SERVER)).toBe(true);
  });

  it.each([
    ['another host', 'http://192.168.10.6:8080/kiosk'],
    ['another port', 'http://192.168.10.5:8081/kiosk'],
    ['the default port', 'http://192.168.10.5/kiosk'],
    ['https instead of http', 'https://192.168.10.5:8080/kiosk'],
    ['credentials', 'http://admin:pw@192.168.10.5:8080/'],
    ['a look-alike with the server as user name', 'http://192.168.10.5:8080@evil.example/'],
    ['the server as a subdomain', 'http://192.168.10.5.evil.example:8080/'],
    ['a local file', 'file:///etc/passwd'],
    ['a data page', 'data:text/html,<script>alert(1)</script>'],
    ['javascript', 'javascript:alert(1)'],
    ['a web socket scheme', 'ws://192.168.10.5:8080/socket.io/'],
    ['about:blank', 'about:blank'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedUrl(url, SERVER)).toBe(false);
  });

  it('holds an https server to https', () => {
    expect(isTrustedUrl('https://talon.office.example/kiosk', 'https://talon.office.example')).toBe(true);
    expect(isTrustedUrl('http://talon.office.example/kiosk', 'https://talon.office.example')).toBe(false);
    expect(isTrustedUrl('https://TALON.office.example:443/kiosk', 'https://talon.office.example')).toBe(true);
  });
});
