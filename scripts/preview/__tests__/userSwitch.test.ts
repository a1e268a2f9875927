// "Viewing as": each browser chooses whom the preview's Apex runs as (a cookie its calls send), a reload
// keeps the choice, `npm start -- --user` sets where a browser starts, and an unknown user is refused
// readably, changing nothing.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { DATA_DIR } from '../../lib/project';
import { roleOf, startPreviewServer, USER_COOKIE, type PreviewServer } from '../server';

interface Answer {
    status: number;
    setCookie: string[];
    body: { result?: unknown; error?: { message: string } };
}

function request(
    server: PreviewServer,
    method: string,
    route: string,
    headers: Record<string, string> = {},
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
                headers: { 'content-type': 'application/json', host: url.host, ...headers }
            },
            (incoming) => {
                const chunks: Buffer[] = [];
                incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
                incoming.on('end', () =>
                    resolve({
                        status: incoming.statusCode ?? 0,
                        setCookie: incoming.headers['set-cookie'] ?? [],
                        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
                    })
                );
            }
        );
        outgoing.on('error', reject);
        outgoing.end(body);
    });
}

interface Choices {
    current: string;
    users: { role: string; name: string; title: string | null }[];
}

interface Workspace {
    plan: { name: string; approverName: string | null } | null;
    awaitingMySignOff: boolean | null;
}

function cookieOf(answer: Answer): string {
    const cookie = answer.setCookie.find((value) => value.startsWith(`${USER_COOKIE}=`));
    assert.ok(cookie, 'the server sets the choice as a cookie');
    return cookie.split(';')[0]!;
}

describe('the preview views as the user each browser chooses', () => {
    let server: PreviewServer;
    let aeronova: string;

    const workspace = async (headers: Record<string, string> = {}): Promise<Workspace> => {
        const answer = await request(
            server,
            'POST',
            '/api/apex/AccountPlanWorkspaceController.getWorkspace',
            headers,
            JSON.stringify({ recordId: aeronova })
        );
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.equal(answer.body.error, undefined, JSON.stringify(answer.body.error));
        return answer.body.result as Workspace;
    };

    before(async () => {
        server = await startPreviewServer({ port: 0, dataDir: DATA_DIR });
        aeronova = server.org.all('Account').find((account) => account.Name === 'Aeronova Group')!.Id;
    });

    after(async () => {
        await server?.close();
    });

    it('offers the demo team and starts as the rep', async () => {
        const answer = await request(server, 'GET', '/api/users');
        const choices = answer.body.result as Choices;
        assert.equal(choices.current, 'rep');
        assert.deepEqual(
            choices.users.map((user) => [user.role, user.name]),
            [
                ['rep', 'Alex Morgan'],
                ['manager', 'Morgan Reyes'],
                ['admin', choices.users[2]!.name]
            ]
        );
    });

    it("runs a browser's Apex as the manager it chose, and only that browser's", async () => {
        const chosen = await request(server, 'POST', '/api/user', {}, JSON.stringify({ role: 'manager' }));
        assert.equal(chosen.status, 200);
        assert.equal((chosen.body.result as Choices).current, 'manager');
        const cookie = cookieOf(chosen);

        // the manager approves Aeronova's plan once the rep submitted it: the header asks them, not the rep
        assert.equal((await workspace({ cookie })).awaitingMySignOff, false, 'nothing submitted yet');
        const planId = server.org
            .all('Account_Plan__c')
            .find((plan) => plan.Name === 'Aeronova Group FY2026 Account Plan')!.Id;
        const submitted = await request(
            server,
            'POST',
            '/api/apex/PlanSignOffController.submit',
            {},
            JSON.stringify({ planId, comment: 'Ready' })
        );
        assert.equal(submitted.body.error, undefined, JSON.stringify(submitted.body.error));
        const asManager = await workspace({ cookie });
        assert.equal(asManager.plan?.approverName, 'Morgan Reyes');
        assert.equal(asManager.awaitingMySignOff, true);
        const asRep = await workspace();
        assert.equal(asRep.awaitingMySignOff, false);

        // a reload sends the cookie again: the choice stays
        const again = await request(server, 'GET', '/api/users', { cookie });
        assert.equal((again.body.result as Choices).current, 'manager');
    });

    it('refuses an unknown user readably and keeps the choice as it was', async () => {
        const answer = await request(server, 'POST', '/api/user', {}, JSON.stringify({ role: 'ceo' }));
        assert.equal(answer.status, 400);
        assert.equal(
            answer.body.error?.message,
            'The preview has no user "ceo" to view as: choose rep, manager, admin.'
        );
        assert.deepEqual(answer.setCookie, []);

        // a cookie naming no user is refused too, rather than quietly running as someone else
        const forged = await request(
            server,
            'POST',
            '/api/apex/AccountPlanWorkspaceController.getWorkspace',
            { cookie: `${USER_COOKIE}=root` },
            JSON.stringify({ recordId: aeronova })
        );
        assert.equal(forged.status, 400);
        assert.match(forged.body.error!.message, /no user "root"/);
    });

    it('reads the role from the cookie among others, and the default without one', () => {
        assert.equal(roleOf({ cookie: `theme=dark; ${USER_COOKIE}=admin` }, 'rep'), 'admin');
        assert.equal(roleOf({}, 'manager'), 'manager');
        assert.throws(() => roleOf({ cookie: `${USER_COOKIE}=` }, 'rep'), /no user ""/);
    });
});

describe('npm start -- --user sets where a browser starts', () => {
    let server: PreviewServer;

    before(async () => {
        server = await startPreviewServer({ port: 0, dataDir: DATA_DIR, user: 'manager' });
    });

    after(async () => {
        await server?.close();
    });

    it('starts as the manager', async () => {
        const answer = await request(server, 'GET', '/api/users');
        assert.equal((answer.body.result as Choices).current, 'manager');
        assert.equal(server.runningUser, 'Morgan Reyes');
    });
});
