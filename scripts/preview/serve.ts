// `npm start`: builds the preview and serves it at http://127.0.0.1:<port> over the demo data.
//   --port N    port to listen on (default 3000; 0 picks a free one)
//   --data DIR  a data folder in `sf data import tree` plan format (default scripts/data)
//   --org-chart name=value,…  the org chart's App Builder properties on the page, e.g. showLinks=false,height=800
//   --user rep|manager|admin  who the page's Apex runs as (default rep: a demo rep holding Keystone User)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATA_DIR } from '../lib/project';
import { buildPreview } from './bundle';
import { startPreviewServer } from './server';
import { PREVIEW_ROLES, type PreviewRole } from './apex/previewOrg';
import {
    orgChartDefinitions,
    parseProperties,
    PREVIEW_ORG_CHART,
    type PropertyValue
} from './pageProperties';

export function parsePreviewArgs(argv: string[]): {
    port: number;
    dataDir: string;
    orgChart: Record<string, PropertyValue>;
    user: PreviewRole;
} {
    let port = 3000;
    let user: PreviewRole = 'rep';
    let dataDir = DATA_DIR;
    let orgChart: Record<string, PropertyValue> = { ...PREVIEW_ORG_CHART };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = argv[i + 1];
        if (arg === '--port') {
            port = Number(value);
            if (!Number.isInteger(port) || port < 0 || port > 65535)
                throw new Error(`--port needs a number from 0 to 65535, not "${value ?? ''}"`);
            i++;
        } else if (arg === '--data') {
            if (!value) throw new Error('--data needs a folder');
            dataDir = path.resolve(value);
            if (!fs.existsSync(dataDir)) throw new Error(`--data: ${dataDir} does not exist`);
            i++;
        } else if (arg === '--org-chart') {
            if (!value)
                throw new Error('--org-chart needs name=value pairs, e.g. showLinks=false,height=800');
            orgChart = parseProperties(value, orgChartDefinitions(), orgChart);
            i++;
        } else if (arg === '--user') {
            if (!PREVIEW_ROLES.includes(value as PreviewRole))
                throw new Error(`--user needs one of ${PREVIEW_ROLES.join(', ')}, not "${value ?? ''}"`);
            user = value as PreviewRole;
            i++;
        } else {
            throw new Error(
                `unknown option ${arg ?? ''} (use --port N, --data DIR, --org-chart name=value,…, --user rep|manager|admin)`
            );
        }
    }
    return { port, dataDir, orgChart, user };
}

async function main(): Promise<void> {
    const options = parsePreviewArgs(process.argv.slice(2));
    const started = Date.now();
    await buildPreview();
    const server = await startPreviewServer(options);
    const loaded = Object.entries(server.counts)
        .map(([object, count]) => `${count} ${object}`)
        .join(', ');
    console.log(`Keystone preview built in ${((Date.now() - started) / 1000).toFixed(1)}s; data: ${loaded}`);
    console.log(`Keystone preview: ${server.url} (Apex runs as ${server.runningUser})`);
    const stop = (): void => {
        void server.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    });
}
