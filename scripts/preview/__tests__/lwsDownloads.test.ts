// The preview's stand-in for Lightning Web Security's download rules: which Blob types it refuses.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { blobTypeRefusal } from '../client/lwsDownloads';

describe('blobTypeRefusal', () => {
    const cases: [string | undefined, boolean][] = [
        ['text/plain', true],
        ['image/png', true],
        ['image/svg+xml', true],
        ['application/octet-stream', true],
        ['text/csv', false],
        ['image/svg+xml;charset=utf-8', false],
        ['text/javascript', false],
        [undefined, false],
        ['', false]
    ];
    for (const [type, allowed] of cases)
        it(`${String(type)} is ${allowed ? 'allowed' : 'refused'}`, () => {
            assert.equal(blobTypeRefusal(type) === null, allowed, String(blobTypeRefusal(type)));
        });
});
