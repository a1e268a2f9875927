// What the preview shell's record pages read from the emulator: an object's form (its fields in the
// layout's order, as the platform's new-record page lists them), the records a lookup can point at, and
// a record shown with its labels and lookups by name. Saving goes through the emulator's own insert.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childText, descendants, parseXml } from '../lib/xmlTree';
import { ApexError } from './apexError';
import type { FieldSchema } from './emulator/schema';
import type { OrgStore, SObjectRecord } from './emulator/store';

export interface FormField {
    name: string;
    label: string;
    type: string;
    required: boolean;
    referenceTo: string | null;
    picklistValues: string[];
}

export interface ObjectForm {
    name: string;
    label: string;
    fields: FormField[];
}

export interface RecordName {
    id: string;
    name: string;
}

export interface RecordPage {
    id: string;
    objectApiName: string;
    objectLabel: string;
    name: string;
    fields: { name: string; label: string; value: string }[];
}

// a form edits what a user types; derived and numbered fields are the platform's to fill
const NOT_EDITABLE = new Set(['Formula', 'AutoNumber', 'Summary']);
const NOT_SHOWN = new Set([
    'Id',
    'attributes',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
    'IsDeleted'
]);

/** The object's label from its object-meta.xml; a standard object without one is its API name. */
export function objectLabel(forceApp: string, sobject: string): string {
    const file = path.join(forceApp, 'objects', sobject, `${sobject}.object-meta.xml`);
    const label = fs.existsSync(file)
        ? childText(parseXml(fs.readFileSync(file, 'utf8')), 'label')
        : undefined;
    return label ?? sobject.replace(/__c$/, '').replace(/_/g, ' ');
}

/** Field names in the order of the object's page layout in force-app, or undefined when it has none. */
function layoutOrder(forceApp: string, sobject: string): string[] | undefined {
    const dir = path.join(forceApp, 'layouts');
    const file = fs.existsSync(dir)
        ? fs
              .readdirSync(dir)
              .find((name) => name.startsWith(`${sobject}-`) && name.endsWith('.layout-meta.xml'))
        : undefined;
    if (!file) return undefined;
    return descendants(parseXml(fs.readFileSync(path.join(dir, file), 'utf8')), 'layoutItems')
        .map((item) => childText(item, 'field'))
        .filter((name): name is string => !!name);
}

function formField(field: FieldSchema): FormField {
    return {
        name: field.name,
        label: field.label,
        type: field.type,
        required: field.required,
        referenceTo: field.referenceTo ?? null,
        picklistValues: field.picklistValues ?? []
    };
}

/** The fields a new-record form shows for `sobject`: the layout's, else every editable field the schema knows. */
export function objectForm(org: OrgStore, forceApp: string, sobject: string): ObjectForm {
    const schema = org.schemas.get(sobject);
    if (!schema) throw new ApexError(`The preview knows no object named ${sobject}.`, 'INVALID_TYPE');
    const editable = [...schema.fields.values()].filter(
        (field) => !field.formula && !NOT_EDITABLE.has(field.type)
    );
    const order = layoutOrder(forceApp, sobject);
    const fields = order
        ? order.flatMap((name) => editable.filter((field) => field.name === name))
        : editable;
    // the layout of a custom object lists its Name, which the schema holds only as a record field
    const named = schema.custom && !schema.autoNumberFormat && !fields.some((field) => field.name === 'Name');
    return {
        name: sobject,
        label: objectLabel(forceApp, sobject),
        fields: [
            ...(named
                ? [
                      formField({
                          name: 'Name',
                          label: `${objectLabel(forceApp, sobject)} Name`,
                          type: 'Text',
                          required: true
                      })
                  ]
                : []),
            ...fields.map(formField)
        ]
    };
}

function recordName(record: SObjectRecord): string {
    if (typeof record.Name === 'string' && record.Name) return record.Name;
    return (
        [record.FirstName, record.LastName].filter((part) => typeof part === 'string' && part).join(' ') ||
        record.Id
    );
}

/** The records a lookup to `sobject` can point at, by name. */
export function lookupChoices(org: OrgStore, sobject: string): RecordName[] {
    return org
        .all(sobject)
        .map((record) => ({ id: record.Id, name: recordName(record) }))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** A record as a record page shows it: its object, its name, each field by label with lookups by name. */
export function recordPage(org: OrgStore, forceApp: string, id: string): RecordPage {
    const record = org.get(id);
    if (!record) {
        const sobject = org.ids.objectOf(id);
        const what = sobject ? objectLabel(forceApp, sobject).toLowerCase() : 'record';
        throw new ApexError(`No ${what} with Id ${id} in the preview data.`, 'NOT_FOUND');
    }
    const sobject = record.attributes.type;
    const schema = org.schemas.get(sobject);
    const described = [...(schema?.fields.values() ?? [])];
    const extra = Object.keys(record).filter(
        (name) => !NOT_SHOWN.has(name) && !schema?.fields.has(name) && name !== 'Name'
    );
    const show = (name: string): string => {
        const value = org.resolvePath(record, name);
        if (value === null || value === undefined) return '';
        const target = typeof value === 'string' ? org.get(value) : undefined;
        return target && value !== record.Id ? recordName(target) : String(value);
    };
    return {
        id: record.Id,
        objectApiName: sobject,
        objectLabel: objectLabel(forceApp, sobject),
        name: recordName(record),
        fields: [
            ...described.map((field) => ({ name: field.name, label: field.label, value: show(field.name) })),
            ...extra.map((name) => ({ name, label: name, value: show(name) }))
        ]
    };
}
