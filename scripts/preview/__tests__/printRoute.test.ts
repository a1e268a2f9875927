// The preview answers /print/<planId> with its page (the print view mounts from the address, as the
// KeystonePlanPrint Visualforce page does) and nothing else under /print.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DATA_DIR } from '../../lib/project';
import { startPreviewServer, type PreviewServer } from '../server';

let server: PreviewServer;

describe('the preview print route', () => {
    before(async () => {
        server = await startPreviewServer({ port: 0, dataDir: DATA_DIR });
    });

    after(async () => {
        await server.close();
    });

    it('serves the page for a plan, titled for print, with the app that mounts the print view', async () => {
        const plan = server.org.all('Account_Plan__c')[0]!;
        const response = await fetch(`${server.url}print/${plan.Id}`);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
        const page = await response.text();
        assert.match(page, /<title>Keystone — print<\/title>/);
        assert.match(page, /<script type="module" src="\/app.js"><\/script>/);
    });

    it('answers no other address under /print', async () => {
        for (const route of ['print', 'print/', 'print/a/b', 'print/a%3Cb']) {
            const response = await fetch(`${server.url}${route}`);
            assert.equal(response.status, 404, route);
            await response.body?.cancel();
        }
    });
});
