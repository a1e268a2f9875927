// Builds the local preview: the real components (compiled from lwc-ts/ exactly as for deploy), the
// preview shell, lightning-base-components and SLDS, with local stand-ins for platform-only modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rollup, type Plugin } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { bundleD3, compileBundles, transpile } from '../build';
import { FORCE_APP, LWC_SOURCE, ROOT, walk, writeFile } from '../lib/project';
import { readLabels } from '../lib/labels';

export const PREVIEW_BUILD = path.join(ROOT, '.preview-build');

/** Platform modules the preview answers itself (client/*.ts). */
const STAND_INS: Record<string, string> = {
    '@salesforce/apex': 'apex.js',
    'lightning/platformShowToastEvent': 'toast.js',
    'lightning/navigation': 'navigation.js',
    'lightning/pageReferenceUtils': 'pageReferenceUtils.js',
    'lightning/messageService': 'messageService.js',
    'lightning/refresh': 'refresh.js',
    'lightning/uiRecordApi': 'uiRecordApi.js',
    'lightning/platformResourceLoader': 'resourceLoader.js',
    '@salesforce/user/Id': 'userId.js'
};

function standIns(client: string): Plugin {
    const apexPrefix = '\0keystone-apex:';
    const labelPrefix = '\0keystone-label:';
    const channelPrefix = '\0keystone-channel:';
    return {
        name: 'keystone-platform-stand-ins',
        resolveId(source) {
            if (STAND_INS[source]) return path.join(client, STAND_INS[source]!);
            const label = /^@salesforce\/label\/c\.(\w+)$/.exec(source);
            if (label) return `${labelPrefix}${label[1]}`;
            const channel = /^@salesforce\/messageChannel\/(\w+)__c$/.exec(source);
            if (channel) return `${channelPrefix}${channel[1]}`;
            const apex = /^@salesforce\/apex\/(\w+)\.(\w+)$/.exec(source);
            if (apex) return `${apexPrefix}${apex[1]}.${apex[2]}`;
            return null;
        },
        load(id) {
            if (id.startsWith(labelPrefix)) {
                const name = id.slice(labelPrefix.length);
                const labels = readLabels(FORCE_APP);
                if (!(name in labels))
                    this.error(`custom label c.${name} does not exist in force-app/main/default/labels`);
                return `export default ${JSON.stringify(labels[name])};\n`;
            }
            if (id.startsWith(channelPrefix)) {
                const name = id.slice(channelPrefix.length);
                const file = path.join(FORCE_APP, 'messageChannels', `${name}.messageChannel-meta.xml`);
                if (!fs.existsSync(file))
                    this.error(
                        `message channel ${name} does not exist in force-app/main/default/messageChannels`
                    );
                const service = JSON.stringify(path.join(client, 'messageService.js'));
                return `import { messageChannel } from ${service};\nexport default messageChannel(${JSON.stringify(`${name}__c`)});\n`;
            }
            if (!id.startsWith(apexPrefix)) return null;
            const [className, methodName] = id.slice(apexPrefix.length).split('.');
            const apexClient = JSON.stringify(path.join(client, 'apex.js'));
            return `import { apexMethod } from ${apexClient};\nexport default apexMethod(${JSON.stringify(className)}, ${JSON.stringify(methodName)});\n`;
        }
    };
}

/**
 * Compiles sources and bundles the preview app into `buildDir`/app.js (.preview-build by default; a
 * test gives its own folder so it never deletes the build a running preview serves).
 */
export async function buildPreview(buildDir = PREVIEW_BUILD): Promise<string> {
    const modules = path.join(buildDir, 'modules');
    const client = path.join(buildDir, 'client');
    fs.rmSync(buildDir, { recursive: true, force: true });
    compileBundles(LWC_SOURCE, path.join(modules, 'c'));
    await bundleD3(path.join(modules, 'c'));
    compileBundles(path.join(ROOT, 'scripts', 'preview', 'lwc'), path.join(modules, 'preview'));
    for (const file of walk(path.join(ROOT, 'scripts', 'preview', 'client'), (f) => f.endsWith('.ts'))) {
        writeFile(
            path.join(client, path.basename(file).replace(/\.ts$/, '.js')),
            transpile(fs.readFileSync(file, 'utf8'), file)
        );
    }
    return bundleEntry(buildDir, 'main.js', 'app.js');
}

/** Bundles one of the transpiled client entries (main.js, bench.js) with the components and stand-ins. */
async function bundleEntry(buildDir: string, entry: string, name: string): Promise<string> {
    const modules = path.join(buildDir, 'modules');
    const client = path.join(buildDir, 'client');
    const bundle = await rollup({
        input: path.join(client, entry),
        plugins: [
            standIns(client),
            replace({
                preventAssignment: true,
                values: {
                    'import.meta.env.SSR': 'false',
                    'process.env.NODE_ENV': JSON.stringify('production')
                }
            }),
            lwc({
                rootDir: modules,
                modules: [{ dir: modules }, { npm: 'lightning-base-components' }],
                enableDynamicComponents: true
            }),
            nodeResolve()
        ],
        onwarn(warning, warn) {
            if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
            // lightning-base-components' own template warnings are not ours to fix
            if (
                warning.id?.includes(`${path.sep}node_modules${path.sep}lightning-base-components${path.sep}`)
            )
                return;
            warn(warning);
        }
    });
    const output = path.join(buildDir, name);
    await bundle.write({ file: output, format: 'esm', sourcemap: false, inlineDynamicImports: true });
    await bundle.close();
    return output;
}

/** The benchmark page's script (.preview-build/bench.js), after buildPreview: components mounted on demand. */
export async function buildBenchPage(buildDir = PREVIEW_BUILD): Promise<string> {
    return bundleEntry(buildDir, 'bench.js', 'bench.js');
}
