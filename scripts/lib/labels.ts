// Custom labels as the build, the Jest mocks and the preview read them: name → value, from
// force-app/main/default/labels/*.labels-meta.xml.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walk } from './project';
import { childText, descendants, parseXml } from './xmlTree';

export function readLabels(forceApp: string): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const file of walk(path.join(forceApp, 'labels'), (f) => f.endsWith('.labels-meta.xml'))) {
        for (const label of descendants(parseXml(fs.readFileSync(file, 'utf8')), 'labels')) {
            labels[childText(label, 'fullName') ?? ''] = childText(label, 'value') ?? '';
        }
    }
    return labels;
}
