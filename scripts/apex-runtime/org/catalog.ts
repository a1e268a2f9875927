// What Apex knows about the org's objects at compile time: every object and field by any spelling
// (names are case-insensitive), relationship names, the Apex type of each field, the describe answers,
// custom metadata records. Built from the same schemas the preview's store enforces (force-app metadata
// plus the preview's standard fields) and the platform fields in standardSchema.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FieldValue } from '../../preview/emulator/store';
import { loadCustomMetadata, type FieldSchema, type ObjectSchema } from '../../preview/emulator/schema';
import {
    CUSTOM_OBJECT_FIELDS,
    METADATA_FIELDS,
    STANDARD_OBJECT_FIELDS,
    SYSTEM_FIELDS,
    type StandardField
} from './standardSchema';
import {
    ApexDate,
    ApexDatetime,
    ApexNumber,
    ApexSObject,
    SObjectFieldToken,
    SObjectTypeToken,
    Value,
    blobOf
} from '../values';

export type ApexFieldType =
    'String' | 'Id' | 'Decimal' | 'Integer' | 'Double' | 'Boolean' | 'Date' | 'Datetime' | 'Blob';

export interface FieldInfo {
    name: string;
    label: string;
    /** the metadata type: Text, Picklist, Lookup, Currency, Checkbox, Date, DateTime, … */
    type: string;
    apexType: ApexFieldType;
    referenceTo: string[];
    relationshipName?: string;
    picklistValues?: string[];
    defaultValue?: string;
    /** false for system fields, formula and auto-number fields, and fields the platform computes */
    writable: boolean;
    required: boolean;
    custom: boolean;
    /** an External ID field: an upsert may match records by it */
    externalId?: boolean;
    /** a master-detail field whose details need only read access on the master */
    writeRequiresMasterRead?: boolean;
}

export interface ObjectInfo {
    name: string;
    label: string;
    labelPlural: string;
    custom: boolean;
    isMetadata: boolean;
    fields: Map<string, FieldInfo>;
    /** by lower-cased relationship name (Account, ReportsTo, Buying_Center__r) */
    relationships: Map<string, FieldInfo>;
    /** child relationships by lower-cased name (Health_Scores__r): the child object and its lookup field */
    children: Map<string, { name: string; object: string; field: string }>;
    /** a platform event (X__e): published immediately (not rolled back) or after the transaction commits */
    publishBehavior?: 'PublishImmediately' | 'PublishAfterCommit';
}

const STANDARD_LABELS: Record<string, [string, string]> = {
    Account: ['Account', 'Accounts'],
    Contact: ['Contact', 'Contacts'],
    Opportunity: ['Opportunity', 'Opportunities'],
    Case: ['Case', 'Cases'],
    User: ['User', 'Users'],
    Profile: ['Profile', 'Profiles'],
    Event: ['Event', 'Events'],
    Task: ['Task', 'Tasks']
};

/** The standard child relationships Keystone's queries use: parent, relationship, child object, lookup. */
const STANDARD_CHILDREN: [string, string, string, string][] = [
    ['Account', 'Contacts', 'Contact', 'AccountId'],
    ['Account', 'Opportunities', 'Opportunity', 'AccountId'],
    ['Account', 'Cases', 'Case', 'AccountId'],
    ['ProcessInstance', 'Steps', 'ProcessInstanceStep', 'ProcessInstanceId'],
    ['ProcessInstance', 'Workitems', 'ProcessInstanceWorkitem', 'ProcessInstanceId'],
    ['ProcessInstance', 'StepsAndWorkitems', 'ProcessInstanceHistory', 'ProcessInstanceId']
];

function apexTypeOf(type: string): ApexFieldType {
    switch (type) {
        case 'Id':
        case 'Lookup':
        case 'MasterDetail':
        case 'Hierarchy':
        case 'MetadataRelationship':
            return 'Id';
        case 'Number':
        case 'Currency':
        case 'Percent':
            return 'Decimal';
        case 'Int':
            return 'Integer';
        case 'Checkbox':
            return 'Boolean';
        case 'Date':
            return 'Date';
        case 'DateTime':
            return 'Datetime';
        case 'Base64':
            return 'Blob';
        default:
            return 'String';
    }
}

// every org reads the same metadata files: read each once per process
const xmlFiles = new Map<string, string | null>();

function xmlText(file: string, tag: string): string | undefined {
    if (!xmlFiles.has(file)) xmlFiles.set(file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
    const xml = xmlFiles.get(file);
    if (xml === null || xml === undefined) return undefined;
    return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

export class SchemaCatalog {
    private readonly objects = new Map<string, ObjectInfo>();
    private readonly typeTokens = new Map<string, SObjectTypeToken>();
    private readonly fieldTokens = new Map<string, SObjectFieldToken>();
    /** custom metadata records by object (X__mdt) and DeveloperName, values as the metadata wrote them */
    readonly metadataRecords = new Map<string, Record<string, Record<string, string>>>();

    constructor(schemas: Map<string, ObjectSchema>, forceApp: string | null) {
        const names = new Set([...schemas.keys(), ...Object.keys(STANDARD_OBJECT_FIELDS)]);
        for (const name of names) {
            const schema = schemas.get(name);
            const custom = /__(c|mdt)$/.test(name);
            const isMetadata = name.endsWith('__mdt');
            const objectFile = forceApp
                ? path.join(forceApp, 'objects', name, `${name}.object-meta.xml`)
                : '';
            const label = (forceApp && xmlText(objectFile, 'label')) || STANDARD_LABELS[name]?.[0] || name;
            const info: ObjectInfo = {
                name,
                label,
                labelPlural:
                    (forceApp && xmlText(objectFile, 'pluralLabel')) ||
                    STANDARD_LABELS[name]?.[1] ||
                    `${label}s`,
                custom,
                isMetadata,
                fields: new Map(),
                relationships: new Map(),
                children: new Map()
            };
            if (name.endsWith('__e'))
                info.publishBehavior =
                    (forceApp && xmlText(objectFile, 'publishBehavior')) === 'PublishImmediately'
                        ? 'PublishImmediately'
                        : 'PublishAfterCommit';
            const add = (field: StandardField, writable: boolean, isCustom: boolean): void => {
                const info2: FieldInfo = {
                    name: field.name,
                    label: field.label,
                    type: field.type,
                    apexType: apexTypeOf(field.type),
                    referenceTo: field.referenceTo ? [field.referenceTo] : [],
                    // a custom lookup's parent relationship is its name with __r; the metadata's
                    // relationshipName is the child relationship's, on the object it looks up
                    relationshipName:
                        isCustom && field.referenceTo
                            ? field.name.replace(/__c$/, '__r')
                            : field.relationshipName,
                    picklistValues: field.picklistValues,
                    defaultValue: field.defaultValue,
                    writable: writable && !field.readOnly && !field.formula && field.type !== 'AutoNumber',
                    required: field.required,
                    custom: isCustom,
                    writeRequiresMasterRead: field.writeRequiresMasterRead,
                    externalId:
                        isCustom && forceApp
                            ? xmlText(
                                  path.join(
                                      forceApp,
                                      'objects',
                                      name,
                                      'fields',
                                      `${field.name}.field-meta.xml`
                                  ),
                                  'externalId'
                              ) === 'true'
                            : false
                };
                info.fields.set(field.name.toLowerCase(), info2);
                if (info2.relationshipName)
                    info.relationships.set(info2.relationshipName.toLowerCase(), info2);
            };
            for (const field of SYSTEM_FIELDS) add(field, false, false);
            const standard: readonly StandardField[] = isMetadata
                ? METADATA_FIELDS
                : custom
                  ? CUSTOM_OBJECT_FIELDS.map((field) =>
                        field.name === 'Name' && schema?.autoNumberFormat
                            ? { ...field, type: 'AutoNumber' }
                            : field
                    )
                  : (STANDARD_OBJECT_FIELDS[name] ?? []);
            for (const field of standard) add(field, !isMetadata, false);
            for (const field of schema?.fields.values() ?? []) {
                // a standard field the preview defines (Opportunity's form fields) keeps the preview's definition
                const isCustom = field.name.endsWith('__c');
                add(field as FieldSchema, !isMetadata, isCustom);
            }
            this.objects.set(name.toLowerCase(), info);
        }
        for (const [parent, name, object, field] of STANDARD_CHILDREN)
            this.objects.get(parent.toLowerCase())?.children.set(name.toLowerCase(), { name, object, field });
        for (const schema of schemas.values()) {
            for (const field of schema.fields.values()) {
                const parent = field.referenceTo && this.objects.get(field.referenceTo.toLowerCase());
                if (!parent || !field.relationshipName || !field.name.endsWith('__c')) continue;
                const name = `${field.relationshipName}__r`;
                parent.children.set(name.toLowerCase(), { name, object: schema.name, field: field.name });
            }
        }
        if (forceApp) {
            for (const [type, records] of Object.entries(loadCustomMetadata(forceApp))) {
                this.metadataRecords.set(`${type}__mdt`.toLowerCase(), records);
            }
        }
    }

    object(name: string): ObjectInfo | undefined {
        return this.objects.get(name.toLowerCase().replace(/^schema\./, ''));
    }

    field(object: string, name: string): FieldInfo | undefined {
        return this.object(object)?.fields.get(name.toLowerCase());
    }

    relationship(object: string, name: string): FieldInfo | undefined {
        return this.object(object)?.relationships.get(name.toLowerCase());
    }

    objectNames(): string[] {
        return [...this.objects.values()].map((info) => info.name);
    }

    typeToken(object: string): SObjectTypeToken {
        const info = this.object(object);
        if (!info) throw new Error(`no object ${object}`);
        let token = this.typeTokens.get(info.name);
        if (!token) this.typeTokens.set(info.name, (token = new SObjectTypeToken(info.name)));
        return token;
    }

    fieldToken(object: string, field: string): SObjectFieldToken {
        const info = this.field(object, field);
        const owner = this.object(object);
        if (!info || !owner) throw new Error(`no field ${object}.${field}`);
        const key = `${owner.name}.${info.name}`;
        let token = this.fieldTokens.get(key);
        if (!token) this.fieldTokens.set(key, (token = new SObjectFieldToken(owner.name, info.name)));
        return token;
    }

    /** A stored value as Apex sees it: Date fields as Date, numbers as Decimal, checkboxes as Boolean. */
    toApex(field: FieldInfo | undefined, raw: unknown): Value {
        if (raw === null || raw === undefined || raw === '')
            return raw === '' && field?.apexType === 'String' ? '' : null;
        switch (field?.apexType) {
            case 'Decimal':
                return ApexNumber.decimal(Number(raw));
            case 'Integer':
                return ApexNumber.int(Number(raw));
            case 'Double':
                return ApexNumber.double(Number(raw));
            case 'Boolean':
                return raw === true || raw === 'true';
            case 'Date': {
                const [year, month, day] = String(raw).slice(0, 10).split('-').map(Number);
                return ApexDate.of(year, month, day);
            }
            case 'Datetime':
                return new ApexDatetime(Date.parse(String(raw)));
            case 'Blob':
                // the store keeps a base64 field as the API sends it
                return blobOf(Buffer.from(String(raw), 'base64'));
            default:
                if (typeof raw === 'number') return ApexNumber.decimal(raw);
                if (typeof raw === 'boolean') return raw;
                return String(raw);
        }
    }

    /** An Apex value as the store keeps it. */
    toStore(value: Value): FieldValue {
        if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
        if (value instanceof ApexNumber) return value.value;
        if (value instanceof ApexDate) return value.toString();
        if (value instanceof ApexDatetime) return new Date(value.ms).toISOString();
        throw new Error(`a ${value.constructor.name} cannot be stored in a field`);
    }

    /** A record read from the store (or metadata) as an Apex SObject. */
    recordOf(object: string, raw: Record<string, unknown>): ApexSObject {
        const info = this.object(object);
        const record = new ApexSObject(info?.name ?? object);
        for (const [name, value] of Object.entries(raw)) {
            if (name === 'attributes' || (value !== null && typeof value === 'object')) continue;
            const field = this.field(object, name);
            record.fields.set(field?.name ?? name, this.toApex(field, value));
        }
        return record;
    }

    /** A custom metadata record (getInstance/getAll), typed by its fields. */
    metadataRecord(object: string, developerName: string): ApexSObject | null {
        const info = this.object(object);
        const values = info && this.metadataRecords.get(info.name.toLowerCase())?.[developerName];
        if (!info || !values) return null;
        const record = new ApexSObject(info.name);
        record.fields.set('DeveloperName', developerName);
        record.fields.set('MasterLabel', values.Label ?? developerName);
        record.fields.set('Label', values.Label ?? developerName);
        record.fields.set('QualifiedApiName', developerName);
        for (const [name, value] of Object.entries(values)) {
            const field = this.field(info.name, name);
            if (!field || name === 'Label') continue;
            record.fields.set(field.name, this.toApex(field, value));
        }
        // a checkbox the record leaves out is false, as the platform reads it
        for (const field of info.fields.values())
            if (field.apexType === 'Boolean' && field.custom && !record.fields.has(field.name))
                record.fields.set(field.name, false);
        return record;
    }

    metadataNames(object: string): string[] {
        const info = this.object(object);
        return Object.keys((info && this.metadataRecords.get(info.name.toLowerCase())) ?? {});
    }
}
