/**
 * Who the rate limits count against (demo/server/http/client-address.ts):
 * a forged `X-Forwarded-For` from a client that is not a trusted proxy
 * changes nothing; behind trusted proxies the right-most untrusted hop is
 * the client; IPv4-mapped IPv6 is IPv4; IPv6 is counted per /64.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addressKey, clientAddress, parseTrustedProxies } from '../../demo/server/http/client-address.js';

const proxies = parseTrustedProxies('10.0.0.0/8, fd00::/8, 127.0.0.1');

describe('client address', () => {
  test('no trusted proxy: the socket address, whatever the header says', () => {
    assert.equal(clientAddress('203.0.113.7', '198.51.100.1', []), '203.0.113.7');
    assert.equal(clientAddress('203.0.113.7', '198.51.100.1, 10.1.1.1', proxies), '203.0.113.7', 'not from a proxy');
    assert.equal(clientAddress('::ffff:203.0.113.7', '10.0.0.1', proxies), '203.0.113.7', 'mapped is IPv4');
    assert.equal(clientAddress(undefined, '198.51.100.1', proxies), 'unknown');
  });

  test('behind trusted proxies: the right-most hop that is not one', () => {
    assert.equal(clientAddress('10.0.0.2', '203.0.113.7', proxies), '203.0.113.7');
    assert.equal(clientAddress('::ffff:10.0.0.2', '203.0.113.7', proxies), '203.0.113.7', 'a mapped proxy');
    // The client wrote 198.51.100.1 itself; the proxy appended what it saw.
    assert.equal(clientAddress('10.0.0.2', '198.51.100.1, 203.0.113.7, 10.9.9.9', proxies), '203.0.113.7');
    assert.equal(clientAddress('127.0.0.1', ['198.51.100.1', '2001:db8::5'], proxies), '2001:db8::5');
    assert.equal(clientAddress('fd00::1', '::ffff:203.0.113.9', proxies), '203.0.113.9');
    assert.equal(clientAddress('10.0.0.2', 'garbage, 203.0.113.7', proxies), '203.0.113.7', 'garbage left of it');
    assert.equal(clientAddress('10.0.0.2', '203.0.113.7, garbage', proxies), '10.0.0.2', 'a hop that is no address');
    assert.equal(clientAddress('10.0.0.2', undefined, proxies), '10.0.0.2', 'no header: the proxy itself');
    assert.equal(clientAddress('10.0.0.2', '10.0.0.3, 10.0.0.4', proxies), '10.0.0.3', 'all trusted: the left-most');
  });

  test('budgets per IPv4 address and per IPv6 /64', () => {
    assert.equal(addressKey('203.0.113.7'), '203.0.113.7');
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.notEqual(addressKey('2001:db8:1:3::1'), addressKey('2001:db8:1:2::1'));
    assert.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7');
  });

  test('TRUST_PROXY: addresses and CIDRs; anything else refused at start with the reason', () => {
    assert.deepEqual(parseTrustedProxies(undefined), []);
    assert.deepEqual(parseTrustedProxies(' '), []);
    assert.equal(parseTrustedProxies('10.0.0.0/8,::1').length, 2);
    assert.equal(clientAddress('10.2.3.4', '1.2.3.4', parseTrustedProxies('::ffff:10.0.0.0/104')), '1.2.3.4');
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.0/8;', '*'])
      assert.throws(() => parseTrustedProxies(bad), /TRUST_PROXY: ".*" is not an address or a CIDR range/, bad);
  });
});
