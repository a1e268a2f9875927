// A field that tracks history deploys only onto an object whose history is enabled, and an object
// tracks at most 20 fields (Salesforce Help, "Field History Tracking"). A standard object such as
// Account or Contact starts with history off in a new org, so the project must ship its
// `<Object>.object-meta.xml` with `<enableHistory>true</enableHistory>` (CustomObject, Metadata API).
import * as path from 'node:path';
import { childText } from '../../lib/xmlTree';
import { fieldDefinitions, objectNames, objectSettings } from '../objectMetadata';
import type { Checker, Finding, Project } from '../finding';

const MAX_TRACKED_FIELDS = 20;

export const fieldHistoryChecker: Checker = {
    name: 'field-history',
    description:
        'a field with trackHistory needs its object history enabled (standard objects too: ship <Object>.object-meta.xml), at most 20 per object',
    async run(project: Project): Promise<Finding[]> {
        const findings: Finding[] = [];
        for (const object of objectNames(project)) {
            const tracked = [...fieldDefinitions(project, object).values()]
                .filter((field) => field.trackHistory)
                .sort((a, b) => a.name.localeCompare(b.name));
            if (!tracked.length) continue;
            const settings = objectSettings(project, object);
            const enabled = settings ? childText(settings.root, 'enableHistory') === 'true' : false;
            if (!enabled) {
                const where = settings
                    ? `set <enableHistory>true</enableHistory> in ${path.basename(settings.file)}`
                    : `add objects/${object}/${object}.object-meta.xml with <enableHistory>true</enableHistory>`;
                for (const field of tracked) {
                    findings.push({
                        file: field.file,
                        line: field.trackHistoryLine,
                        rule: 'history/not-enabled',
                        message: `${object}.${field.name} tracks history but ${object} history is not enabled: ${where}`
                    });
                }
            }
            if (tracked.length > MAX_TRACKED_FIELDS) {
                const extra = tracked[MAX_TRACKED_FIELDS]!;
                findings.push({
                    file: extra.file,
                    line: extra.trackHistoryLine,
                    rule: 'history/too-many',
                    message: `${object} tracks ${tracked.length} fields; an object tracks at most ${MAX_TRACKED_FIELDS}`
                });
            }
        }
        return findings;
    }
};
