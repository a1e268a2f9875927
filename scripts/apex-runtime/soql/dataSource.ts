// What the SOQL evaluator needs from an org: the objects' shapes, their rows, and who may read what.
// The preview's in-memory org is one such source (storeSource.ts); tests build small ones by hand.

/** The field types SOQL distinguishes when comparing, sorting and aggregating (describe's names). */
export type FieldType =
    | 'id'
    | 'reference'
    | 'string'
    | 'textarea'
    | 'picklist'
    | 'multipicklist'
    | 'email'
    | 'phone'
    | 'url'
    | 'boolean'
    | 'int'
    | 'double'
    | 'currency'
    | 'percent'
    | 'date'
    | 'datetime'
    | 'base64';

export interface FieldShape {
    /** the API name as the platform spells it (`AccountId`, `Stance__c`) */
    name: string;
    type: FieldType;
    /** for references: the objects it can point at (several for a polymorphic lookup such as OwnerId) */
    referenceTo?: string[];
    /** for references: the parent relationship name (`Account` for AccountId, `Reporting_Line__r`) */
    relationshipName?: string;
}

export interface ChildRelationshipShape {
    /** `Contacts`, `Landscape_Cells__r` */
    name: string;
    childObject: string;
    /** the child's lookup to this object (`AccountId`) */
    field: string;
}

export interface ObjectShape {
    name: string;
    fields: FieldShape[];
    childRelationships: ChildRelationshipShape[];
}

/** A stored row: field name (as described) → its stored value. */
export type Row = { readonly Id: string } & Readonly<Record<string, unknown>>;

/** A Date value: `YYYY-MM-DD`. */
export interface SoqlDate {
    kind: 'date';
    iso: string;
}

/** A Datetime value: epoch milliseconds (GMT). */
export interface SoqlDatetime {
    kind: 'datetime';
    ms: number;
}

/** One value in a result or a bind: Id and text as strings, every number as a JS number. */
export type SoqlScalar = null | boolean | number | string | SoqlDate | SoqlDatetime;

/**
 * A bind's value as the caller hands it over: a scalar, or a collection (List, Set) for `IN :binds`;
 * a record stands for its Id (`IN :contacts` binds the contacts' Ids, as the platform does).
 */
export type BindValue = SoqlScalar | { Id: string } | Iterable<SoqlScalar | { Id: string }>;

export interface SoqlDataSource {
    describe(object: string): ObjectShape | undefined;
    /** Every row of an object, in a stable order (the order of a query without ORDER BY). */
    rows(object: string): Iterable<Row>;
    byId(id: string): Row | undefined;
    /** The object a row belongs to (for a polymorphic lookup's target). */
    objectOf(row: Row): string;
    /** The stored value of one field, derived fields included; `undefined` when the row has none. */
    read(object: string, row: Row, field: string): unknown;
    /** Today in the running user's time zone, `YYYY-MM-DD`: the anchor of date literals. */
    today(): string;
    /** The first month (1–12) of the org's fiscal year; January when the org keeps the default. */
    fiscalYearStartMonth(): number;
    /** Object read permission of the running user (user mode, SECURITY_ENFORCED). */
    canReadObject(object: string): boolean;
    /** Field-level read access of the running user (user mode, SECURITY_ENFORCED). */
    canRead(object: string, field: string): boolean;
    /** Sharing: may the running user see this row? Applied in user mode and under `with sharing`. */
    isVisibleRow(object: string, row: Row): boolean;
}
