// The preview's in-memory org (scripts/preview/emulator/store.ts) as a SOQL data source: shapes from the
// object metadata in force-app plus the platform's standard fields, rows straight from the store, and
// the values the platform derives (formula fields, Opportunity.IsWon from the stage, Case.IsClosed…).
import type { ObjectSchema } from '../../preview/emulator/schema';
import { OPPORTUNITY_STAGES } from '../../preview/emulator/standardObjects';
import type { OrgStore, SObjectRecord } from '../../preview/emulator/store';
import type {
    ChildRelationshipShape,
    FieldShape,
    FieldType,
    ObjectShape,
    Row,
    SoqlDataSource
} from './dataSource';
import { OWNER, STANDARD_CHILDREN, STANDARD_FIELDS, SYSTEM_FIELDS } from './standardShapes';

/** Metadata field types → describe types (what SOQL compares by). */
const TYPES: Record<string, FieldType> = {
    Text: 'string',
    AutoNumber: 'string',
    TextArea: 'textarea',
    LongTextArea: 'textarea',
    Html: 'textarea',
    Picklist: 'picklist',
    MultiselectPicklist: 'multipicklist',
    Checkbox: 'boolean',
    Number: 'double',
    Currency: 'currency',
    Percent: 'percent',
    Date: 'date',
    DateTime: 'datetime',
    Lookup: 'reference',
    MasterDetail: 'reference',
    Email: 'email',
    Phone: 'phone',
    Url: 'url'
};

/** The running user's access, as the security increment will decide it; everything by default. */
export interface StoreAccess {
    canReadObject(object: string): boolean;
    canRead(object: string, field: string): boolean;
    isVisibleRow(object: string, row: Row): boolean;
}

const OPEN_ACCESS: StoreAccess = {
    canReadObject: () => true,
    canRead: () => true,
    isVisibleRow: () => true
};

function customField(schema: ObjectSchema, name: string): FieldShape {
    const field = schema.fields.get(name)!;
    const type = TYPES[field.type];
    if (!type) throw new Error(`${schema.name}.${name}: field type ${field.type} has no SOQL type here`);
    if (type !== 'reference') return { name, type };
    return {
        name,
        type,
        referenceTo: field.referenceTo ? [field.referenceTo] : [],
        relationshipName: name.endsWith('__c') ? `${name.slice(0, -3)}__r` : name
    };
}

/** Builds every object's shape once: own fields, standard fields, and child relationships from lookups. */
export function shapesFromSchemas(schemas: Map<string, ObjectSchema>): Map<string, ObjectShape> {
    const shapes = new Map<string, ObjectShape>();
    const names = new Set([...schemas.keys(), ...Object.keys(STANDARD_FIELDS)]);
    for (const name of names) {
        const schema = schemas.get(name);
        const fields = new Map<string, FieldShape>();
        for (const field of [...SYSTEM_FIELDS, ...(STANDARD_FIELDS[name] ?? [])])
            fields.set(field.name, field);
        if (schema?.custom) fields.set('Name', { name: 'Name', type: 'string' });
        // a master-detail child has no owner of its own: its parent's owner stands for it
        const detail = [...(schema?.fields.values() ?? [])].some((field) => field.type === 'MasterDetail');
        if (schema?.custom && !name.endsWith('__mdt') && !detail) fields.set('OwnerId', OWNER);
        for (const fieldName of schema?.fields.keys() ?? []) {
            // a standard field the emulator also lists (Opportunity.Amount) keeps the platform's definition
            if (!fields.has(fieldName)) fields.set(fieldName, customField(schema!, fieldName));
        }
        shapes.set(name, {
            name,
            fields: [...fields.values()],
            childRelationships: [...(STANDARD_CHILDREN[name] ?? [])]
        });
    }
    // a custom lookup's <relationshipName> names the children on its target: Landscape_Cells__r
    for (const schema of schemas.values()) {
        for (const field of schema.fields.values()) {
            if (!field.referenceTo || !field.relationshipName) continue;
            const parent = shapes.get(field.referenceTo);
            const child: ChildRelationshipShape = {
                name: `${field.relationshipName}__r`,
                childObject: schema.name,
                field: field.name
            };
            if (parent) parent.childRelationships.push(child);
        }
    }
    return shapes;
}

/** A SOQL data source over the preview's org, read as `access` allows. */
export class StoreSource implements SoqlDataSource {
    private readonly shapes: Map<string, ObjectShape>;
    /** formula fields by object: read through the store's formula evaluation */
    private readonly formulas = new Map<string, Set<string>>();

    constructor(
        private readonly store: OrgStore,
        private readonly access: StoreAccess = OPEN_ACCESS,
        private readonly fiscalStart = 1
    ) {
        this.shapes = shapesFromSchemas(store.schemas);
        for (const schema of store.schemas.values()) {
            const formulas = [...schema.fields.values()]
                .filter((field) => field.formula)
                .map((field) => field.name);
            if (formulas.length) this.formulas.set(schema.name, new Set(formulas));
        }
    }

    describe(object: string): ObjectShape | undefined {
        const lower = object.toLowerCase();
        for (const shape of this.shapes.values()) if (shape.name.toLowerCase() === lower) return shape;
        return undefined;
    }

    rows(object: string): Iterable<Row> {
        return this.store.all(object);
    }

    byId(id: string): Row | undefined {
        return this.store.get(id);
    }

    objectOf(row: Row): string {
        return (row as unknown as SObjectRecord).attributes.type;
    }

    read(object: string, row: Row, field: string): unknown {
        const record = row as unknown as SObjectRecord;
        if (this.formulas.get(object)?.has(field)) return this.store.resolvePath(record, field);
        const stored = record[field];
        if (stored !== undefined && stored !== null) return stored;
        return this.derived(object, record, field);
    }

    /** What the platform computes on its own standard objects, when the store holds no value. */
    private derived(object: string, record: SObjectRecord, field: string): unknown {
        if (object === 'Opportunity') {
            const stage = OPPORTUNITY_STAGES[String(record.StageName)];
            if (field === 'IsWon') return stage?.isWon ?? false;
            if (field === 'IsClosed') return stage?.isClosed ?? false;
            if (field === 'Probability') return stage?.probability ?? null;
            if (field === 'ExpectedRevenue') {
                const amount = typeof record.Amount === 'number' ? record.Amount : null;
                return amount === null || !stage ? null : (amount * stage.probability) / 100;
            }
        }
        // the default case statuses: only "Closed" is a closed one
        if (object === 'Case' && field === 'IsClosed') return record.Status === 'Closed';
        // the default task statuses: only "Completed" is a closed one
        if (object === 'Task' && field === 'IsClosed') return record.Status === 'Completed';
        if ((object === 'Contact' || object === 'User') && field === 'Name') {
            return [record.FirstName, record.LastName].filter(Boolean).join(' ') || null;
        }
        if (object === 'User' && field === 'IsActive') return true;
        if (object === 'User' && field === 'UserType') return 'Standard';
        if (field === 'IsDeleted') return false;
        // the approval objects' elapsed time: from creation until completed (or now, while pending)
        const elapsed = /^ElapsedTimeIn(Days|Hours|Minutes)$/.exec(field);
        if (elapsed && typeof record.CreatedDate === 'string' && object.startsWith('ProcessInstance')) {
            const end =
                typeof record.CompletedDate === 'string' ? Date.parse(record.CompletedDate) : Date.now();
            const minutes = (end - Date.parse(record.CreatedDate)) / 60000;
            return elapsed[1] === 'Days' ? minutes / 1440 : elapsed[1] === 'Hours' ? minutes / 60 : minutes;
        }
        return undefined;
    }

    today(): string {
        return this.store.today;
    }

    fiscalYearStartMonth(): number {
        return this.fiscalStart;
    }

    canReadObject(object: string): boolean {
        return this.access.canReadObject(object);
    }

    canRead(object: string, field: string): boolean {
        return this.access.canRead(object, field);
    }

    isVisibleRow(object: string, row: Row): boolean {
        return this.access.isVisibleRow(object, row);
    }
}
