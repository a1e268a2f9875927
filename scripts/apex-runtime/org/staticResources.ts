// force-app's static resources as the org's StaticResource records: code reads one with
// `[SELECT Body FROM StaticResource WHERE Name = '…']`, as Keystone's tests read the shared rule vectors.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OrgStore, SObjectRecord } from '../../preview/emulator/store';

function metaText(xml: string, tag: string): string | null {
    return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1] ?? null;
}

/**
 * Seeds one StaticResource record per `<name>.resource-meta.xml` in force-app/main/default/staticresources,
 * its Body the file beside it (`<name>.<any extension>`), kept base64 as the API returns a Blob field.
 * A resource deployed as a folder (a zip) is left out: nothing here reads one.
 */
export function seedStaticResources(store: OrgStore, forceApp: string | null): void {
    const folder = forceApp ? path.join(forceApp, 'staticresources') : '';
    if (!folder || !fs.existsSync(folder)) return;
    const files = fs.readdirSync(folder);
    for (const meta of files.filter((file) => file.endsWith('.resource-meta.xml'))) {
        const name = meta.slice(0, -'.resource-meta.xml'.length);
        const body = files.find((file) => file !== meta && file.startsWith(`${name}.`));
        if (!body || fs.statSync(path.join(folder, body)).isDirectory()) continue;
        const xml = fs.readFileSync(path.join(folder, meta), 'utf8');
        const bytes = fs.readFileSync(path.join(folder, body));
        const record = {
            Id: store.ids.next('StaticResource'),
            Name: name,
            NamespacePrefix: null,
            ContentType: metaText(xml, 'contentType'),
            CacheControl: metaText(xml, 'cacheControl'),
            Description: metaText(xml, 'description'),
            Body: bytes.toString('base64'),
            BodyLength: bytes.length,
            attributes: { type: 'StaticResource' }
        } as unknown as SObjectRecord;
        // undelete stores a record under its own Id without a save: the only door for pre-built rows
        store.undelete(record);
    }
}
