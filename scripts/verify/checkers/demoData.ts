// `sf data import tree` inserts the demo story field by field: a field that does not exist, is
// computed (formula, roll-up summary, auto number) or is kept by the platform (Id, audit fields)
// fails the import on the admin's new org. Every field a data file under scripts/data sets must be
// one the platform lets an insert write.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walk } from '../../lib/project';
import { STANDARD_OBJECTS } from '../standardObjects';
import { fieldDefinitions } from '../objectMetadata';
import type { Checker, Finding, Project } from '../finding';

/** Standard fields the platform sets itself or computes: never createable. */
const SYSTEM_FIELDS = new Set(
    [
        'Id',
        'IsDeleted',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'LastActivityDate',
        'LastViewedDate',
        'LastReferencedDate',
        'MasterRecordId',
        'PhotoUrl',
        'IsClosed',
        'IsWon',
        'ExpectedRevenue',
        'ForecastCategory',
        'HasOpportunityLineItem',
        'FiscalYear',
        'FiscalQuarter',
        'Fiscal',
        'IsEmailBounced',
        'LastCURequestDate',
        'LastCUUpdateDate',
        'CaseNumber',
        'ClosedDate',
        'IsEscalated'
    ].map((name) => name.toLowerCase())
);

const COMPUTED_TYPES: Record<string, string> = {
    Summary: 'a roll-up summary',
    AutoNumber: 'an auto number'
};

interface DataRecord {
    attributes?: { type?: string };
    [field: string]: unknown;
}

/** Why an insert cannot set `object.field`, or null when it can. */
function notCreateable(project: Project, object: string, field: string): string | null {
    if (SYSTEM_FIELDS.has(field.toLowerCase())) return 'is set by the platform, not by an insert';
    if (field.includes('__')) {
        const definition = fieldDefinitions(project, object).get(field.toLowerCase());
        if (!definition) return 'does not exist';
        if (definition.formula) return 'is a formula';
        const computed = COMPUTED_TYPES[definition.type];
        return computed ? `is ${computed}` : null;
    }
    const standard = STANDARD_OBJECTS[object];
    if (!standard) return object.includes('__') ? null : `is on ${object}, which the checks do not know`;
    return standard.some((name) => name.toLowerCase() === field.toLowerCase()) ? null : 'does not exist';
}

function checkFile(project: Project, file: string): Finding[] {
    const text = fs.readFileSync(file, 'utf8');
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (error) {
        return [
            {
                file,
                line: 1,
                rule: 'data/json',
                message: error instanceof Error ? error.message : String(error)
            }
        ];
    }
    const findings: Finding[] = [];
    // JSON.parse keeps the order of keys as written, so walking records in order and finding each key
    // after the previous one gives every field its line.
    let cursor = 0;
    const lineAt = (key: string): number => {
        const pattern = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`, 'g');
        pattern.lastIndex = cursor;
        const match = pattern.exec(text);
        if (!match) return 1;
        cursor = match.index + match[0].length;
        return text.slice(0, match.index).split('\n').length;
    };
    const visit = (records: unknown): void => {
        if (!Array.isArray(records)) return;
        for (const record of records as DataRecord[]) {
            const object = record.attributes?.type ?? '';
            for (const [field, value] of Object.entries(record)) {
                const line = lineAt(field);
                if (field === 'attributes') {
                    for (const key of Object.keys(record.attributes ?? {})) lineAt(key);
                    continue;
                }
                if (value && typeof value === 'object' && 'records' in value) {
                    lineAt('records');
                    visit((value as { records: unknown }).records);
                    continue;
                }
                const problem = notCreateable(project, object, field);
                if (problem) {
                    findings.push({
                        file,
                        line,
                        rule: 'data/not-createable',
                        message: `${object}.${field} ${problem}: the demo import cannot set it`
                    });
                }
            }
        }
    };
    if (data && typeof data === 'object' && 'records' in data) {
        lineAt('records');
        visit((data as { records: unknown }).records);
    }
    return findings;
}

export const demoDataChecker: Checker = {
    name: 'demo-data',
    description:
        'every field a scripts/data record sets exists and is createable: no formula, roll-up, auto number or platform-kept field',
    async run(project: Project): Promise<Finding[]> {
        return walk(path.join(project.root, 'scripts', 'data'), (f) => f.endsWith('.json')).flatMap((file) =>
            checkFile(project, file)
        );
    }
};
