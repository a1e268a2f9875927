// The preview's local server is reachable by any web page the developer has open: it must refuse other
// sites and hosts, answer an over-large body readably, and never reach an Apex handler by a prototype key.
// The data loader takes every shape `sf data export tree` writes and names the file and record of a problem.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { DATA_DIR, FORCE_APP } from '../../lib/project';
import { loadObjectSchemas } from '../emulator/schema';
import { OrgStore } from '../emulator/store';
import { loadTreeData } from '../emulator/treeData';
import { startPreviewServer, type PreviewServer } from '../server';
import { createPreviewOrg } from '../apex/previewOrg';

interface Answer {
    status: number;
    body: { result?: unknown; error?: { message: string } };
}

/** A raw request, so the test sets the Host and Origin headers a browser or an attacker would. */
function request(
    server: PreviewServer,
    method: string,
    route: string,
    headers: Record<string, string>,
    body = ''
): Promise<Answer> {
    const url = new URL(route, server.url);
    return new Promise((resolve, reject) => {
        const outgoing = http.request(
            {
                host: '127.0.0.1',
                port: url.port,
                path: url.pathname,
                method,
                headers: { 'content-type': 'application/json', ...headers }
            },
            (incoming) => {
                const chunks: Buffer[] = [];
                incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
                incoming.on('end', () =>
                    resolve({
                        status: incoming.statusCode ?? 0,
                        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
                    })
                );
            }
        );
        outgoing.on('error', reject);
        outgoing.end(body);
    });
}

describe('the preview server refuses what a local dev server must refuse', () => {
    let server: PreviewServer;
    let host: string;
    let accountId: string;
    const addCenter = (name: string): string =>
        JSON.stringify({ accountId, name, kind: null, parentId: null });

    before(async () => {
        server = await startPreviewServer({ port: 0, dataDir: DATA_DIR });
        host = new URL(server.url).host;
        accountId = server.org.all('Account')[0]!.Id;
    });

    after(async () => {
        await server?.close();
    });

    it('answers its own pages', async () => {
        const answer = await request(server, 'GET', '/api/accounts', { host });
        assert.equal(answer.status, 200);
        assert.ok(Array.isArray(answer.body.result));
    });

    it('refuses a write from another site and changes nothing', async () => {
        const before = server.org.all('Buying_Center__c').length;
        const answer = await request(
            server,
            'POST',
            '/api/apex/LandscapeController.addBuyingCenter',
            { host, origin: 'http://evil.example' },
            addCenter('Planted')
        );
        assert.equal(answer.status, 403);
        assert.match(
            answer.body.error!.message,
            /refuses requests from other sites \(http:\/\/evil\.example\)/
        );
        assert.equal(server.org.all('Buying_Center__c').length, before);
    });

    it('refuses a sandboxed page (Origin null) and a cross-site fetch', async () => {
        for (const headers of [
            { host, origin: 'null' },
            { host, 'sec-fetch-site': 'cross-site' }
        ] as Record<string, string>[]) {
            const answer = await request(
                server,
                'POST',
                '/api/apex/LandscapeController.addBuyingCenter',
                headers,
                addCenter('Planted')
            );
            assert.equal(answer.status, 403);
        }
    });

    it('refuses another host name (DNS rebinding)', async () => {
        const answer = await request(server, 'GET', '/api/accounts', { host: 'rebind.example:80' });
        assert.equal(answer.status, 403);
        assert.match(answer.body.error!.message, /answers only at http:\/\/127\.0\.0\.1:/);
    });

    it('answers an over-large body with a readable 413 and changes nothing', async () => {
        const before = server.org.all('Buying_Center__c').length;
        const answer = await request(
            server,
            'POST',
            '/api/apex/LandscapeController.addBuyingCenter',
            { host, origin: server.url.replace(/\/$/, '') },
            addCenter('x'.repeat(2 * 1024 * 1024))
        );
        assert.equal(answer.status, 413);
        assert.match(answer.body.error!.message, /larger than the preview accepts \(1024 KB\)/);
        assert.equal(server.org.all('Buying_Center__c').length, before);
    });

    it('refuses a record of an object it does not know, and a prototype key as a field', async () => {
        for (const type of ['constructor', '__proto__', 'Widget']) {
            const answer = await request(server, 'POST', `/api/records/${type}`, { host }, '{"Name":"x"}');
            assert.equal(answer.status, 200);
            assert.equal(answer.body.error?.message, `The preview knows no object named ${type}.`);
        }
        const contact = server.org.all('Contact')[0]!;
        const patched = await request(
            server,
            'PATCH',
            `/api/records/${contact.Id}`,
            { host },
            '{"__proto__":{"polluted":"yes"}}'
        );
        assert.match(patched.body.error!.message, /No such column '__proto__'/);
        assert.equal(Object.getPrototypeOf(server.org.get(contact.Id)), Object.prototype);
        const objectValue = await request(
            server,
            'PATCH',
            `/api/records/${contact.Id}`,
            { host },
            '{"Title":{"a":1}}'
        );
        assert.match(objectValue.body.error!.message, /Title: value not of required type/);
        const notObject = await request(server, 'PATCH', `/api/records/${contact.Id}`, { host }, 'null');
        assert.equal(notObject.body.error?.message, 'A record is an object of field values.');
    });

    for (const endpoint of [
        'constructor.name',
        '__proto__.toString',
        'LandscapeController.constructor',
        'LandscapeController.hasOwnProperty'
    ]) {
        it(`never reaches an Apex handler by a prototype key: ${endpoint}`, async () => {
            const answer = await request(server, 'POST', `/api/apex/${endpoint}`, { host }, '{}');
            assert.equal(answer.status, 200);
            assert.equal(answer.body.error?.message, `No such @AuraEnabled method: ${endpoint}`);
        });
    }
});

describe('loading any folder sf data export tree writes', () => {
    const TODAY = '2026-11-30';
    const folder = (files: Record<string, unknown>): string => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-export-'));
        for (const [name, content] of Object.entries(files))
            fs.writeFileSync(
                path.join(dir, name),
                typeof content === 'string' ? content : JSON.stringify(content)
            );
        return dir;
    };
    const store = (): OrgStore => new OrgStore(loadObjectSchemas(FORCE_APP), TODAY);

    it('loads one file with children nested under their parent, without a plan', () => {
        const dir = folder({
            'Account-Contact-Buying_Center__c.json': {
                records: [
                    {
                        attributes: { type: 'Account', referenceId: 'AccountRef1' },
                        Name: 'Nested Co',
                        Contacts: {
                            records: [
                                {
                                    attributes: { type: 'Contact', referenceId: 'ContactRef1' },
                                    LastName: 'Boss'
                                },
                                {
                                    attributes: { type: 'Contact', referenceId: 'ContactRef2' },
                                    LastName: 'Report',
                                    ReportsToId: '@ContactRef1'
                                }
                            ]
                        },
                        Buying_Centers__r: {
                            records: [
                                {
                                    attributes: { type: 'Buying_Center__c', referenceId: 'BcRef1' },
                                    Name: 'Sales'
                                }
                            ]
                        }
                    }
                ]
            }
        });
        const org = store();
        const counts = loadTreeData(org, dir);
        assert.deepEqual(counts, { Account: 1, Contact: 2, Buying_Center__c: 1 });
        const account = org.all('Account')[0]!;
        const [boss, report] = org.all('Contact');
        assert.equal(boss!.AccountId, account.Id);
        assert.equal(report!.ReportsToId, boss!.Id);
        assert.equal(org.all('Buying_Center__c')[0]!.Account__c, account.Id);
    });

    it('loads plain files in whatever order their references need, without a plan', () => {
        const dir = folder({
            'A-Contact.json': {
                records: [
                    {
                        attributes: { type: 'Contact', referenceId: 'C1' },
                        LastName: 'Later',
                        AccountId: '@Acc1'
                    }
                ]
            },
            'B-Account.json': {
                records: [{ attributes: { type: 'Account', referenceId: 'Acc1' }, Name: 'First' }]
            }
        });
        const org = store();
        assert.deepEqual(loadTreeData(org, dir), { Contact: 1, Account: 1 });
        assert.equal(org.all('Contact')[0]!.AccountId, org.all('Account')[0]!.Id);
    });

    it('still loads the demo story through its plan', () => {
        // as the preview loads it: the installer's demo loader lets the approved Meridian plan keep its date
        assert.ok((createPreviewOrg(DATA_DIR, TODAY).counts.Contact ?? 0) >= 60);
    });

    it('reads only .json files of the folder itself, whatever the plan names', () => {
        const outside = folder({
            'secret.json': {
                records: [{ attributes: { type: 'Account', referenceId: 'S' }, Name: 'Secret' }]
            }
        });
        for (const named of [
            `../${path.basename(outside)}/secret.json`,
            path.join(outside, 'secret.json'),
            'notes.txt'
        ]) {
            const dir = folder({ 'data-plan.json': [{ sobject: 'Account', files: [named] }] });
            assert.throws(() => loadTreeData(store(), dir), {
                message: `${named}: a data plan may only name .json files in its own folder`
            });
        }
    });

    for (const [problem, files, message] of [
        ['malformed JSON', { 'Account.json': '{"records": [' }, /^Account\.json: not valid JSON \(/],
        [
            'no records list',
            { 'Account.json': { rows: [] } },
            /^Account\.json: expected an object with a "records" list$/
        ],
        [
            'an object Keystone does not have',
            { 'X.json': { records: [{ attributes: { type: 'Widget__c', referenceId: 'W1' }, Name: 'w' }] } },
            /^X\.json: record W1 is a Widget__c, an object Keystone does not have$/
        ],
        [
            'a field Keystone does not have',
            {
                'C.json': {
                    records: [
                        { attributes: { type: 'Contact', referenceId: 'C9' }, LastName: 'x', Shoe_Size__c: 9 }
                    ]
                }
            },
            /^C\.json: record C9 sets Contact\.Shoe_Size__c, a field Keystone does not have$/
        ],
        [
            'a record with no type',
            { 'C.json': { records: [{ LastName: 'x' }] } },
            /^C\.json: record #1 has no attributes\.type$/
        ],
        [
            'a reference no file holds',
            {
                'C.json': {
                    records: [
                        {
                            attributes: { type: 'Contact', referenceId: 'C1' },
                            LastName: 'x',
                            AccountId: '@Nowhere'
                        }
                    ]
                }
            },
            /^C\.json: C1 refers to records no file holds \(AccountId → @Nowhere\)$/
        ],
        [
            'a nested relationship it cannot place',
            {
                'A.json': {
                    records: [
                        {
                            attributes: { type: 'Account', referenceId: 'A1' },
                            Name: 'a',
                            Gadgets__r: { records: [{ attributes: { type: 'Contact' }, LastName: 'y' }] }
                        }
                    ]
                }
            },
            /^A\.json: Account records nest "Gadgets__r", a relationship to Contact the preview cannot place$/
        ]
    ] as const) {
        it(`names the file and record of ${problem}`, () => {
            assert.throws(() => loadTreeData(store(), folder(files as Record<string, unknown>)), {
                message: message as RegExp
            });
        });
    }
});
