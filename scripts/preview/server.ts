// The preview's HTTP server on 127.0.0.1: the page, the bundled app, SLDS assets, and the org
// emulator's endpoints that answer @salesforce/apex calls and uiRecordApi reads and writes.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { FORCE_APP, ROOT } from '../lib/project';
import { ApexError } from './apexError';
import { invokeAura, type AuraContext } from './apex/auraBridge';
import {
    createPreviewOrg,
    PREVIEW_ROLES,
    saveAsUser,
    userForRole,
    type PreviewRole
} from './apex/previewOrg';
import { isValidId } from './emulator/ids';
import { DmlError, type OrgStore, type FieldValue } from './emulator/store';
import { PREVIEW_BUILD } from './bundle';
import { lookupChoices, objectForm, recordPage } from './recordPages';
import { PREVIEW_ORG_CHART, type PropertyValue } from './pageProperties';
import { readReportCatalog, runReportsPage } from './reports/runReports';
import { portfolioProperties } from './appPages';

export interface PreviewOptions {
    port: number;
    dataDir: string;
    /** The org's "today"; defaults to the real date. */
    today?: string;
    /** Where buildPreview wrote app.js (and bench.js); .preview-build by default. */
    buildDir?: string;
    /** The org chart's App Builder properties on the record page (see pageProperties.ts). */
    orgChart?: Record<string, PropertyValue>;
    /** Who the page's Apex runs as: a rep with Keystone User (default), their manager, or the admin. */
    user?: PreviewRole;
    /** Where the Reports page reads reportTypes/, reports/ and dashboards/ from; force-app by default. */
    reportSource?: string;
}

/** What the record page knows besides the data: how its components are configured. */
interface PageConfig {
    buildDir: string;
    reportSource: string;
    orgChart: Record<string, PropertyValue>;
    /** The portfolio's properties on the Keystone Portfolio App page. */
    portfolio: Record<string, PropertyValue>;
}

/** The users a browser may view the preview as ("Viewing as"), by role, and the one it starts with. */
interface PreviewUsers {
    byRole: Map<PreviewRole, string>;
    defaultRole: PreviewRole;
}

/** The cookie that carries a browser's "Viewing as" choice, so a reload keeps it. */
export const USER_COOKIE = 'keystone-preview-user';

export interface PreviewServer {
    url: string;
    org: OrgStore;
    counts: Record<string, number>;
    /** who the page's Apex runs as, by name */
    runningUser: string;
    close(): Promise<void>;
}

const SLDS_ASSETS = path.join(ROOT, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const MAX_BODY = 1024 * 1024;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Keystone — local preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
</head>
<body>
<div id="root"></div>
<script type="module" src="/app.js"></script>
</body>
</html>
`;

const TYPES: Record<string, string> = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.json': 'application/json'
};

/**
 * Builds a fresh in-memory org from a data folder (sf data import tree formats), loaded through Keystone's
 * triggers in the Apex runtime, with the demo team as users: see apex/previewOrg.ts.
 */
export function createOrg(
    dataDir: string,
    today?: string
): { org: OrgStore; counts: Record<string, number> } {
    const { apex, counts } = createPreviewOrg(dataDir, today);
    return { org: apex.store, counts };
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store'
    });
    response.end(JSON.stringify(body));
}

// Like Aura, a handled Apex or DML error is a normal answer carrying an error, not an HTTP failure.
function sendError(response: http.ServerResponse, error: unknown): void {
    if (error instanceof TooLargeError) {
        send(response, 413, { error: { message: error.message } });
    } else if (error instanceof ForbiddenError) {
        send(response, 403, { error: { message: error.message } });
    } else if (error instanceof UnknownUserError) {
        send(response, 400, { error: { message: error.message } });
    } else if (error instanceof ApexError) {
        send(response, 200, {
            error: {
                message: error.message,
                exceptionType: error.exceptionType,
                isUserDefinedException: false
            }
        });
    } else if (error instanceof DmlError) {
        send(response, 200, {
            error: {
                message: error.message,
                exceptionType: error.statusCode,
                isUserDefinedException: false,
                fields: error.fields
            }
        });
    } else {
        send(response, 500, {
            error: {
                message: error instanceof Error ? error.message : String(error),
                exceptionType: 'Internal',
                isUserDefinedException: false
            }
        });
    }
}

/** A request body over the limit: answered 413 with a readable message. */
class TooLargeError extends Error {}

/** A request from another site or for another host: answered 403, nothing read or changed. */
class ForbiddenError extends Error {}

/** "Viewing as" a user the preview does not have: answered 400 with the users it has. */
class UnknownUserError extends Error {}

/**
 * Only pages this server served may call it: the Host must be this server's own address (a rebinding DNS
 * name is refused), and a browser's Origin, when sent, must be this server's too.
 */
export function checkSameOrigin(headers: http.IncomingHttpHeaders, port: number): void {
    const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
    const host = headers.host ?? '';
    if (!allowed.has(host))
        throw new ForbiddenError(
            `The preview answers only at http://127.0.0.1:${port}/ (not ${host || 'an unnamed host'}).`
        );
    const origin = headers.origin;
    if (origin !== undefined && origin !== 'null' && !allowed.has(origin.replace(/^http:\/\//, '')))
        throw new ForbiddenError(`The preview refuses requests from other sites (${origin}).`);
    if (origin === 'null' || headers['sec-fetch-site'] === 'cross-site')
        throw new ForbiddenError('The preview refuses requests from other sites.');
}

function readBody(request: http.IncomingMessage): Promise<unknown> {
    return new Promise((resolve, reject) => {
        let size = 0;
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY) {
                reject(
                    new TooLargeError(
                        `The request body is larger than the preview accepts (${MAX_BODY / 1024} KB).`
                    )
                );
                request.removeAllListeners('data');
                request.resume();
            } else {
                chunks.push(chunk);
            }
        });
        request.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (!text) return resolve({});
            try {
                resolve(JSON.parse(text));
            } catch {
                reject(new ApexError('The request body is not valid JSON.', 'System.JSONException'));
            }
        });
        request.on('error', reject);
    });
}

function recordView(org: OrgStore, id: string, fields: string[]): unknown {
    const record = org.get(id);
    if (!record) throw new ApexError('The requested resource does not exist', 'NOT_FOUND');
    const names = fields.length
        ? fields.map((field) => field.split('.').slice(1).join('.'))
        : Object.keys(record).filter((key) => key !== 'attributes');
    const view: Record<string, { value: FieldValue; displayValue: string | null }> = {};
    for (const name of names) {
        const value = org.resolvePath(record, name);
        view[name] = { value, displayValue: null };
    }
    return { id: record.Id, apiName: record.attributes.type, fields: view };
}

function accounts(org: OrgStore): unknown[] {
    return org.all('Account').map((account) => ({
        id: account.Id,
        name: account.Name ?? '',
        type: account.Type ?? null,
        industry: account.Industry ?? null,
        annualRevenue: account.AnnualRevenue ?? null,
        phone: account.Phone ?? null,
        website: account.Website ?? null,
        billingCity: account.BillingCity ?? null
    }));
}

function serveFile(response: http.ServerResponse, file: string): void {
    fs.readFile(file, (error, content) => {
        if (error) {
            response.writeHead(404, { 'content-type': 'text/plain' });
            response.end('Not found');
            return;
        }
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        response.end(content);
    });
}

/** A browser's "Viewing as" role from its cookie; the server's default when it sent none. */
export function roleOf(headers: http.IncomingHttpHeaders, defaultRole: PreviewRole): PreviewRole {
    const cookies = (headers.cookie ?? '').split(';').map((part) => part.trim());
    const sent = cookies.find((part) => part.startsWith(`${USER_COOKIE}=`));
    if (sent === undefined) return defaultRole;
    return checkRole(decodeURIComponent(sent.slice(USER_COOKIE.length + 1)));
}

/** A role the preview has, or a readable refusal naming the ones it has. */
function checkRole(value: unknown): PreviewRole {
    if (typeof value === 'string' && (PREVIEW_ROLES as readonly string[]).includes(value))
        return value as PreviewRole;
    throw new UnknownUserError(
        `The preview has no user "${String(value ?? '')}" to view as: choose ${PREVIEW_ROLES.join(', ')}.`
    );
}

/** The "Viewing as" choices: each role's user by name and title, and the browser's current one. */
function userChoices(org: OrgStore, users: PreviewUsers, current: PreviewRole): unknown {
    return {
        current,
        users: PREVIEW_ROLES.map((role) => {
            const user = org.get(users.byRole.get(role) ?? '');
            return { role, name: String(user?.Name ?? role), title: user?.Title ? String(user.Title) : null };
        })
    };
}

async function route(
    aura: AuraContext,
    page: PageConfig,
    users: PreviewUsers,
    request: http.IncomingMessage,
    response: http.ServerResponse
): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const org = aura.org.store;
    // "Viewing as": an API call runs as the user this browser chose (a page or asset needs none)
    if (url.pathname.startsWith('/api/')) {
        if (url.pathname === '/api/user' && method === 'POST') {
            const role = checkRole(((await readBody(request)) as { role?: unknown } | null)?.role);
            response.setHeader('set-cookie', `${USER_COOKIE}=${role}; Path=/; SameSite=Strict; HttpOnly`);
            return send(response, 200, { result: userChoices(org, users, role) });
        }
        const role = roleOf(request.headers, users.defaultRole);
        if (url.pathname === '/api/users' && method === 'GET')
            return send(response, 200, { result: userChoices(org, users, role) });
        aura = { ...aura, userId: users.byRole.get(role) ?? aura.userId };
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(PAGE);
        return;
    }
    // a plan's print view alone, as the KeystonePlanPrint Visualforce page shows it (the page reads the Id)
    if (/^\/print\/\w+$/.test(url.pathname) && method === 'GET') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
            PAGE.replace('<title>Keystone — local preview</title>', '<title>Keystone — print</title>')
        );
        return;
    }
    // the Reports page: the shipped reports and dashboards, run by the report engine (reports/)
    if (url.pathname === '/reports' && method === 'GET') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
            PAGE.replace('<title>Keystone — local preview</title>', '<title>Keystone — reports</title>')
        );
        return;
    }
    if (url.pathname === '/api/reports' && method === 'GET')
        return send(response, 200, {
            result: runReportsPage(aura.org, readReportCatalog(page.reportSource), aura.userId)
        });
    // the workspace's Print link names the Visualforce page, as in an org: the preview's print route serves it
    if (url.pathname === '/apex/KeystonePlanPrint' && method === 'GET') {
        const planId = url.searchParams.get('id') ?? '';
        if (!/^\w+$/.test(planId))
            return send(response, 400, { error: 'The print page needs a plan Id (id=…).' });
        response.writeHead(302, { location: `/print/${planId}` });
        response.end();
        return;
    }
    if (url.pathname === '/favicon.ico') {
        response.writeHead(204);
        response.end();
        return;
    }
    if (url.pathname === '/app.js') return serveFile(response, path.join(page.buildDir, 'app.js'));
    // the benchmark's page: SLDS and the bench script (built only by npm run bench)
    if (url.pathname === '/bench.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(PAGE.replace('/app.js', '/bench.js'));
        return;
    }
    if (url.pathname === '/bench.js') return serveFile(response, path.join(page.buildDir, 'bench.js'));
    if (url.pathname.startsWith('/assets/')) {
        const file = path.normalize(path.join(SLDS_ASSETS, url.pathname.slice('/assets/'.length)));
        if (!file.startsWith(SLDS_ASSETS)) return send(response, 403, { error: { message: 'Forbidden' } });
        return serveFile(response, file);
    }
    if (url.pathname === '/api/accounts' && method === 'GET')
        return send(response, 200, { result: accounts(org) });
    // the record page's layout: the component properties an admin would set in App Builder
    if (url.pathname === '/api/page' && method === 'GET')
        return send(response, 200, { result: { orgChart: page.orgChart, portfolio: page.portfolio } });
    const apex = /^\/api\/apex\/(\w+\.\w+)$/.exec(url.pathname);
    if (apex && method === 'POST') {
        const args = await readBody(request);
        return send(response, 200, { result: invokeAura(aura, apex[1]!, args) ?? null });
    }
    // the shell's record pages: a new-record form, the records a lookup offers, a record by its labels
    const objectApi = /^\/api\/objects\/(\w+)\/(form|names)$/.exec(url.pathname);
    if (objectApi && method === 'GET') {
        const [, sobject = '', what] = objectApi;
        if (what === 'form') return send(response, 200, { result: objectForm(org, FORCE_APP, sobject) });
        if (!org.schemas.has(sobject) && !org.all(sobject).length)
            throw new ApexError(`The preview knows no object named ${sobject}.`, 'INVALID_TYPE');
        return send(response, 200, { result: lookupChoices(org, sobject) });
    }
    const recordPageId = /^\/api\/pages\/(\w+)$/.exec(url.pathname)?.[1];
    if (recordPageId !== undefined && method === 'GET') {
        if (!isValidId(recordPageId)) throw new ApexError(`Invalid record id: ${recordPageId}`, 'INVALID_ID');
        return send(response, 200, { result: recordPage(org, FORCE_APP, recordPageId) });
    }
    const record = /^\/api\/records\/(\w+)$/.exec(url.pathname);
    if (record) {
        const key = record[1]!;
        if (method === 'GET') {
            if (!isValidId(key)) throw new ApexError(`Invalid record id: ${key}`, 'INVALID_ID');
            const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean);
            return send(response, 200, { result: recordView(org, key, fields) });
        }
        if (method === 'PATCH') {
            if (!isValidId(key)) throw new ApexError(`Invalid record id: ${key}`, 'INVALID_ID');
            const values = { ...fieldValues(await readBody(request)), Id: key };
            if (!org.get(key)) throw new DmlError('ENTITY_IS_DELETED', 'entity is deleted');
            saveAsUser(
                aura.org,
                aura.registry,
                aura.userId,
                'update',
                org.get(key)?.attributes.type ?? '',
                values
            );
            return send(response, 200, { result: recordView(org, key, []) });
        }
        if (method === 'POST') {
            // only objects the preview knows: a request must not invent one (or reach "constructor")
            if (!org.schemas.has(key) && !org.all(key).length)
                throw new ApexError(`The preview knows no object named ${key}.`, 'INVALID_TYPE');
            const id = saveAsUser(
                aura.org,
                aura.registry,
                aura.userId,
                'insert',
                key,
                fieldValues(await readBody(request))
            );
            return send(response, 200, { result: recordView(org, id, []) });
        }
    }
    send(response, 404, { error: { message: `No preview route for ${method} ${url.pathname}` } });
}

/** A record body must be a plain object of field values. */
function fieldValues(body: unknown): Record<string, FieldValue> {
    if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new ApexError('A record is an object of field values.', 'System.TypeException');
    return body as Record<string, FieldValue>;
}

/** Starts the preview server (the app must already be built with buildPreview). */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
    const { apex, registry, counts } = createPreviewOrg(options.dataDir, options.today);
    const defaultRole = options.user ?? 'rep';
    const byRole = new Map(PREVIEW_ROLES.map((role) => [role, userForRole(apex, options.dataDir, role)]));
    const users: PreviewUsers = { byRole, defaultRole };
    const aura: AuraContext = {
        org: apex,
        registry,
        userId: byRole.get(defaultRole) ?? userForRole(apex, options.dataDir, defaultRole)
    };
    const org = apex.store;
    const page: PageConfig = {
        buildDir: options.buildDir ?? PREVIEW_BUILD,
        reportSource: options.reportSource ?? FORCE_APP,
        orgChart: { ...PREVIEW_ORG_CHART, ...options.orgChart },
        portfolio: portfolioProperties()
    };
    const server = http.createServer((request, response) => {
        const port = (server.address() as AddressInfo).port;
        Promise.resolve()
            .then(() => checkSameOrigin(request.headers, port))
            .then(() => route(aura, page, users, request, response))
            .catch((error: unknown) => sendError(response, error));
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, '127.0.0.1', () => resolve());
    });
    const address = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${address.port}/`,
        org,
        counts,
        runningUser: String(org.get(aura.userId)?.Name ?? aura.userId),
        close: () => new Promise((resolve) => server.close(() => resolve()))
    };
}
