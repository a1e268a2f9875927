// The preview answers /reports with its page and /api/reports with every shipped report run as the
// browser's "Viewing as" user.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DATA_DIR, FORCE_APP } from '../../../lib/project';
import { startPreviewServer, USER_COOKIE, type PreviewServer } from '../../server';
import { readReportCatalog } from '../runReports';

let server: PreviewServer;

describe('the preview reports route', () => {
    before(async () => {
        server = await startPreviewServer({ port: 0, dataDir: DATA_DIR });
    });

    after(async () => {
        await server.close();
    });

    it('serves the Reports page with the app that mounts it', async () => {
        const response = await fetch(`${server.url}reports`);
        assert.equal(response.status, 200);
        const page = await response.text();
        assert.match(page, /<title>Keystone — reports<\/title>/);
        assert.match(page, /<script type="module" src="\/app.js"><\/script>/);
    });

    it('runs every shipped report for the viewing user, the rep and the manager alike', async () => {
        const shipped = readReportCatalog(FORCE_APP).reports.map((report) => report.fullName);
        for (const role of ['rep', 'manager']) {
            const response = await fetch(`${server.url}api/reports`, {
                headers: { cookie: `${USER_COOKIE}=${role}` }
            });
            const body = (await response.json()) as {
                result: { reports: { fullName: string; error?: string; grand?: { rowCount: number } }[] };
            };
            assert.deepEqual(
                body.result.reports.map((report) => [report.fullName, report.error ?? 'ran']),
                shipped.map((name) => [name, 'ran'])
            );
            const whitespace = body.result.reports.find((report) =>
                report.fullName.endsWith('/Whitespace_Targets_By_Offering')
            )!;
            assert.ok(whitespace.grand!.rowCount > 0, `${role} sees the whitespace targets`);
        }
    });
});
