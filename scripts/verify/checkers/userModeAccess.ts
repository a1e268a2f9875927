// user-mode-access: what runs as the user is granted to the user. Queries `WITH USER_MODE` and DML
// `as user` fail for a user who lacks the object or field, and no offline tool would say so; this check
// reads the permission sets and the Apex and says which set lacks what, before an org does.
//
// What it follows
// - Controllers: every non-test class with @AuraEnabled methods declares, once, in its ApexDoc, the
//   permission sets its users hold: `@permissionSet Keystone_User` (one tag per set; each set is checked
//   alone, because a rep holds Keystone User and a manager only Keystone Manager). A controller without
//   the tag is a finding.
// - Calls, by class name and conservatively: a class reaches every class it names (comments and strings
//   left out), transitively. KeystoneTriggerService is not followed from a controller: DML fires triggers
//   whatever the caller, so triggers are checked on their own (below).
// - Triggers: a trigger on object O reaches the actions KeystoneTriggerService dispatches for O (or, for a
//   trigger that does not dispatch, the classes it names). Its users are every force-app permission set
//   that may create, edit or delete O: each of them must grant what the actions read and write as the user.
// - Reads: every field of every static SOQL query `WITH USER_MODE` (select, where, group by, order by; a
//   relationship path needs read on each hop's lookup field, the object it reaches and the field there),
//   and read on the query's object. Dynamic SOQL is not read: our selectors build it from the fields the
//   user can read (`readableFields()`), so it degrades by construction. Queries in system mode (allowed
//   with a written reason) need nothing.
// - Writes: in every reached class that writes as the user (it has `as user` DML, or no DML at all and hands
//   its records to one that has), an assignment `record.Field = …`, `new Object(Field = …)` or
//   `record.put('Field', …)` on a variable whose declared type is an object needs edit on that field. A
//   `put` with a field that is not a literal counts every `Object.Field` token the class names. A generic
//   SObject in a trigger action is the trigger's object. A class whose DML is all `as system` writes
//   nothing as the user (that is the documented way out, with its reason in a comment). A trigger action
//   without DML changes only Trigger.new in a before event, which the platform saves without checking
//   the user's field access (a key set there needs no edit grant).
//
// What is always accessible (the platform grants it with object access and refuses it in a permission set)
// - on every object: Id, Name (the record name), OwnerId, RecordTypeId, CurrencyIsoCode, IsDeleted, the
//   audit fields (Created…, LastModified…, SystemModstamp) and the activity/view dates the platform keeps;
// - custom fields that are required or master-detail (read from their field metadata);
// - standard fields the platform makes required or derives without field-level security: Account.Name,
//   Contact.LastName/FirstName/Name, Opportunity.Name/StageName/CloseDate/IsClosed/IsWon, Case.IsClosed,
//   Case.CaseNumber, Contact.LastActivityDate.
// Everything else on a standard object — Contact.AccountId, ReportsToId, Title, Case.ContactId, AccountId,
// Opportunity.AccountId, Amount… — has field-level security, and a Minimum Access user has none of it: it
// must be granted. User is not checked: permission sets grant no object access to User and every user can
// read other users' names (the org's sharing of users decides which); custom metadata types need
// customMetadataTypeAccesses.
//
// Demo data: every custom field a file in scripts/data sets must be editable under the permission sets the
// scratch setup assigns the importing admin (INSTALLER_PERMISSION_SETS, from force-app or the scratch-only
// source). Standard fields are the admin's profile's (System Administrator in a scratch org).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walk } from '../../lib/project';
import { isAuraEnabled, type ApexFile } from '../../lib/apexModel';
import {
    ALWAYS_ACCESSIBLE,
    STANDARD_ALWAYS_ACCESSIBLE,
    readPermissionSet,
    type PermissionSetGrants
} from '../../lib/permissionSets';
import { childText, parseXml, type XmlElement } from '../../lib/xmlTree';
import { INSTALLER_PERMISSION_SETS, SCRATCH_ONLY_SOURCE } from '../../lib/orgCommands';
import { apexFiles, objectFields } from './apex';
import type { Checker, Finding, Project } from '../finding';

/** Standard relationship names and the lookup field and object each reaches. */
const STANDARD_RELATIONSHIPS: Record<string, { field: string; object: string }> = {
    account: { field: 'AccountId', object: 'Account' },
    contact: { field: 'ContactId', object: 'Contact' },
    reportsto: { field: 'ReportsToId', object: 'Contact' },
    opportunity: { field: 'OpportunityId', object: 'Opportunity' },
    owner: { field: 'OwnerId', object: 'User' },
    createdby: { field: 'CreatedById', object: 'User' },
    lastmodifiedby: { field: 'LastModifiedById', object: 'User' }
};

/** Objects this check does not judge (see the header). */
// approval history (ProcessInstance and its steps and work items) has no object permission to grant: a
// user reads it for the records they can read ("ProcessInstance" in the Object Reference)
const UNCHECKED_OBJECTS = new Set([
    'user',
    'aggregateresult',
    'processinstance',
    'processinstancestep',
    'processinstanceworkitem'
]);

function readXml(file: string): XmlElement | null {
    try {
        return parseXml(fs.readFileSync(file, 'utf8'));
    } catch {
        return null;
    }
}

function permissionSetsIn(dir: string): Map<string, PermissionSetGrants> {
    const sets = new Map<string, PermissionSetGrants>();
    for (const file of walk(path.join(dir, 'permissionsets'), (f) => f.endsWith('.permissionset-meta.xml'))) {
        const grants = readPermissionSet(file);
        sets.set(grants.name, grants);
    }
    return sets;
}

interface FieldFacts {
    /** required or master-detail: granted with the object, refused in permission sets */
    always: boolean;
    referenceTo?: string;
}

/** Custom field facts from force-app: whether the platform grants it, and what a lookup reaches. */
export class Schema {
    private readonly fields = new Map<string, FieldFacts>();

    constructor(private readonly forceApp: string) {}

    facts(object: string, field: string): FieldFacts {
        const key = `${object}.${field}`.toLowerCase();
        const known = this.fields.get(key);
        if (known) return known;
        const file = path.join(this.forceApp, 'objects', object, 'fields', `${field}.field-meta.xml`);
        const root = fs.existsSync(file) ? readXml(file) : null;
        const facts: FieldFacts = root
            ? {
                  always:
                      childText(root, 'required') === 'true' || childText(root, 'type') === 'MasterDetail',
                  referenceTo: childText(root, 'referenceTo') ?? undefined
              }
            : { always: false };
        this.fields.set(key, facts);
        return facts;
    }

    /** True when a user with access to the object always has this field, whatever the permission sets say. */
    alwaysAccessible(object: string, field: string): boolean {
        const lower = field.toLowerCase();
        if (ALWAYS_ACCESSIBLE.has(lower)) return true;
        if (STANDARD_ALWAYS_ACCESSIBLE.has(`${object}.${field}`.toLowerCase())) return true;
        return field.endsWith('__c') && this.facts(object, field).always;
    }

    /** The object a relationship name on `object` reaches, and the lookup field it goes through. */
    relationship(object: string, name: string): { field: string; object: string } | null {
        if (/__r$/i.test(name)) {
            const field = name.replace(/__r$/i, '__c');
            const target = this.facts(object, field).referenceTo;
            return target ? { field, object: target } : null;
        }
        return STANDARD_RELATIONSHIPS[name.toLowerCase()] ?? null;
    }
}

export type Need = 'read' | 'edit';

/** Why a permission set falls short of one need, or null when it grants it. */
export function missingGrant(
    grants: PermissionSetGrants,
    schema: Schema,
    object: string,
    field: string | null,
    need: Need
): string | null {
    const lowerObject = object.toLowerCase();
    if (UNCHECKED_OBJECTS.has(lowerObject)) return null;
    if (lowerObject.endsWith('__mdt')) {
        return grants.metadataTypes.has(lowerObject) ? null : `cannot read custom metadata ${object}`;
    }
    const access = grants.objects.get(lowerObject);
    const objectOk = need === 'read' ? access?.read : access?.edit || access?.create;
    if (!objectOk) return `cannot ${need === 'read' ? 'read' : 'create or edit'} ${object}`;
    if (!field || schema.alwaysAccessible(object, field)) return null;
    const fieldGrant = grants.fields.get(`${object}.${field}`.toLowerCase());
    if (need === 'read' ? fieldGrant?.read : fieldGrant?.edit) return null;
    return `cannot ${need} ${object}.${field}`;
}

// ---- Apex: what a class names, reads and writes ----

/** Source with comments (and, when asked, string contents) blanked, lines kept. */
function blank(source: string, strings: boolean): string {
    return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'/g, (match) =>
        match.startsWith("'") && !strings ? match : match.replace(/[^\n]/g, ' ')
    );
}

function lineAt(source: string, offset: number): number {
    return source.slice(0, offset).split('\n').length;
}

interface Access {
    file: string;
    line: number;
    /** where the statement starts: an object-level gap is reported once there */
    statementLine: number;
    object: string;
    field: string | null;
    need: Need;
}

interface ClassFacts {
    apex: ApexFile;
    source: string;
    references: Set<string>;
}

function declaredObjects(code: string, objects: Set<string>): Map<string, string> {
    const types = new Map<string, string>();
    const declaration = /\b([A-Za-z_][\w.]*(?:<[^;=(){}]*?>)?)\s+([a-zA-Z_]\w*)\s*(?=[=;:,)])/g;
    for (const match of code.matchAll(declaration)) {
        const type = match[1]!;
        // `update as user records;` names an access level, not a variable of type User
        if (/\bas\s*$/i.test(code.slice(Math.max(0, (match.index ?? 0) - 4), match.index))) continue;
        const element = /<\s*(?:[\w.]+\s*,\s*)?([\w.]+)\s*>$/.exec(type)?.[1] ?? type;
        const object = element.replace(/^Schema\./, '');
        if (objects.has(object.toLowerCase()) || object === 'SObject') types.set(match[2]!, object);
    }
    return types;
}

/** Fields a class assigns on records, with the line of each assignment. */
function writesOf(
    facts: ClassFacts,
    objects: Map<string, string>,
    fieldsOf: Map<string, Set<string>>,
    triggerObject: string | null
): Access[] {
    const code = blank(facts.source, false);
    const noStrings = blank(facts.source, true);
    const types = declaredObjects(noStrings, new Set(objects.keys()));
    const canonical = (name: string): string | null =>
        name === 'SObject' ? triggerObject : (objects.get(name.toLowerCase()) ?? null);
    const writes: Access[] = [];
    const add = (object: string | null, field: string, offset: number): void => {
        // a wrapper class's member that shares a record variable's name is not a field of that record
        if (
            !object ||
            field.toLowerCase() === 'id' ||
            !fieldsOf.get(object.toLowerCase())?.has(field.toLowerCase())
        )
            return;
        const line = lineAt(code, offset);
        writes.push({ file: facts.apex.file, line, statementLine: line, object, field, need: 'edit' });
    };
    for (const match of noStrings.matchAll(/\b([a-zA-Z_]\w*)\.([A-Za-z_]\w*)\s*=(?!=)/g)) {
        const type = types.get(match[1]!);
        if (type) add(canonical(type), match[2]!, match.index ?? 0);
    }
    for (const match of noStrings.matchAll(/\bnew\s+([A-Za-z_][\w.]*)\s*\(([^;]*?)\)/g)) {
        const object = canonical(match[1]!.replace(/^Schema\./, ''));
        if (!object) continue;
        for (const pair of match[2]!.matchAll(/(?:^|,)\s*([A-Za-z_]\w*)\s*=(?!=)/g))
            add(object, pair[1]!, (match.index ?? 0) + match[0].indexOf(pair[0]));
    }
    for (const match of code.matchAll(/\b([a-zA-Z_]\w*)\.put\(\s*([^,]+),/g)) {
        const type = types.get(match[1]!);
        if (!type) continue;
        const object = canonical(type);
        const literal = /^'(\w+)'$/.exec(match[2]!.trim());
        if (literal) {
            add(object, literal[1]!, match.index ?? 0);
            continue;
        }
        // a field chosen at run time: every field token of that object the class names may be it
        for (const token of noStrings.matchAll(/\b([A-Za-z_]\w*)\.([A-Za-z_]\w*__c)\b/g)) {
            if (object && token[1]!.toLowerCase() === object.toLowerCase())
                add(object, token[2]!, match.index ?? 0);
        }
    }
    return writes;
}

function readsOf(facts: ClassFacts, schema: Schema): { reads: Access[]; unresolved: Finding[] } {
    const reads: Access[] = [];
    const unresolved: Finding[] = [];
    for (const query of facts.apex.queries) {
        if (!query.hasUserMode) continue;
        const file = facts.apex.file;
        const statementLine = query.line;
        reads.push({
            file,
            line: query.line,
            statementLine,
            object: query.object,
            field: null,
            need: 'read'
        });
        for (const field of query.fields) {
            if (!/^[A-Za-z_][\w.]*$/.test(field.name)) continue;
            const hops = field.name.split('.');
            let object = query.object;
            for (const [index, hop] of hops.entries()) {
                if (index === hops.length - 1) {
                    reads.push({ file, line: field.line, statementLine, object, field: hop, need: 'read' });
                    break;
                }
                const relation = schema.relationship(object, hop);
                if (!relation) {
                    unresolved.push({
                        file,
                        line: field.line,
                        rule: 'user-mode/unresolved',
                        message: `cannot tell which object ${object}.${hop} reaches: name its lookup in the checker's STANDARD_RELATIONSHIPS`
                    });
                    break;
                }
                reads.push({
                    file,
                    line: field.line,
                    statementLine,
                    object,
                    field: relation.field,
                    need: 'read'
                });
                reads.push({
                    file,
                    line: field.line,
                    statementLine,
                    object: relation.object,
                    field: null,
                    need: 'read'
                });
                object = relation.object;
            }
        }
    }
    return { reads, unresolved };
}

function objectNames(project: Project): Map<string, string> {
    const names = new Map<string, string>();
    for (const standard of ['Account', 'Contact', 'Opportunity', 'Case', 'User', 'Event', 'Task'])
        names.set(standard.toLowerCase(), standard);
    const dir = path.join(project.forceApp, 'objects');
    if (fs.existsSync(dir)) for (const object of fs.readdirSync(dir)) names.set(object.toLowerCase(), object);
    return names;
}

/** The actions KeystoneTriggerService dispatches per object, from its map. */
function dispatchedActions(classes: Map<string, ClassFacts>): Map<string, string[]> {
    const dispatcher = classes.get('KeystoneTriggerService');
    const actions = new Map<string, string[]>();
    if (!dispatcher) return actions;
    const code = blank(dispatcher.source, true);
    for (const match of code.matchAll(/(\w+)\.SObjectType\s*=>\s*new\s+List<\w+>\s*\{([^}]*)\}/g)) {
        actions.set(
            match[1]!.toLowerCase(),
            [...match[2]!.matchAll(/new\s+(\w+)\s*\(/g)].map((action) => action[1]!)
        );
    }
    return actions;
}

function reach(start: string[], classes: Map<string, ClassFacts>): string[] {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
        const name = queue.shift()!;
        if (seen.has(name) || !classes.has(name)) continue;
        seen.add(name);
        for (const next of classes.get(name)!.references)
            if (next !== 'KeystoneTriggerService') queue.push(next);
    }
    return [...seen];
}

function writesAsUser(facts: ClassFacts): boolean {
    // a trigger action without DML of its own changes only the records being saved (Trigger.new in a
    // before event): the platform saves those changes after the user-mode check of the caller's fields
    if (!facts.apex.dml.length && /\bimplements\s+KeystoneTriggerAction\b/.test(facts.source)) return false;
    return facts.apex.dml.length === 0 || facts.apex.dml.some((dml) => dml.accessLevel !== 'system');
}

function declaredPermissionSets(source: string, line: number): string[] {
    const header = source.split('\n').slice(0, line).join('\n');
    return [...header.matchAll(/@permissionSet\s+(\w+)/g)].map((match) => match[1]!);
}

function judge(grants: PermissionSetGrants, schema: Schema, accesses: Access[], who: string): Finding[] {
    const findings = new Map<string, Finding>();
    for (const access of accesses) {
        const missing = missingGrant(grants, schema, access.object, access.field, access.need);
        if (!missing) continue;
        const message = `${grants.name} (${who}) ${missing}`;
        const line = missing.includes('.') ? access.line : access.statementLine;
        findings.set(`${access.file}:${line}:${message}`, {
            file: access.file,
            line,
            rule: access.need === 'read' ? 'user-mode/read' : 'user-mode/edit',
            message
        });
    }
    return [...findings.values()];
}

function checkApex(project: Project): Finding[] {
    const schema = new Schema(project.forceApp);
    const sets = permissionSetsIn(project.forceApp);
    const objects = objectNames(project);
    const fieldsOf = objectFields(project);
    const files = apexFiles(project).filter((apex) => !apex.isTest);
    const classNames = new Set(files.filter((apex) => apex.kind !== 'trigger').map((apex) => apex.name));
    const classes = new Map<string, ClassFacts>();
    const triggers: ClassFacts[] = [];
    for (const apex of files) {
        const source = fs.readFileSync(apex.file, 'utf8');
        const code = blank(source, true);
        const references = new Set(
            [...code.matchAll(/\b[A-Za-z_]\w*\b/g)]
                .map((match) => match[0])
                .filter((name) => classNames.has(name) && name !== apex.name)
        );
        const facts = { apex, source, references };
        if (apex.kind === 'trigger') triggers.push(facts);
        else classes.set(apex.name, facts);
    }
    const findings: Finding[] = [];
    const accessesOf = (names: string[], triggerObject: string | null): Access[] =>
        names.flatMap((name) => {
            const facts = classes.get(name)!;
            const { reads, unresolved } = readsOf(facts, schema);
            findings.push(...unresolved);
            return [
                ...reads,
                ...(writesAsUser(facts) ? writesOf(facts, objects, fieldsOf, triggerObject) : [])
            ];
        });

    for (const facts of classes.values()) {
        if (!facts.apex.methods.some(isAuraEnabled)) continue;
        const declared = declaredPermissionSets(facts.source, facts.apex.line);
        if (!declared.length) {
            findings.push({
                file: facts.apex.file,
                line: facts.apex.line,
                rule: 'user-mode/no-permission-set',
                message: `${facts.apex.name} has @AuraEnabled methods but its ApexDoc names no @permissionSet its users hold`
            });
            continue;
        }
        const accesses = accessesOf(reach([facts.apex.name], classes), null);
        for (const name of declared) {
            const grants = sets.get(name);
            if (!grants) {
                findings.push({
                    file: facts.apex.file,
                    line: facts.apex.line,
                    rule: 'user-mode/no-permission-set',
                    message: `@permissionSet ${name}: no such permission set in force-app`
                });
                continue;
            }
            findings.push(...judge(grants, schema, accesses, `users of ${facts.apex.name}`));
        }
    }

    const dispatched = dispatchedActions(classes);
    for (const trigger of triggers) {
        const object = /\btrigger\s+\w+\s+on\s+(\w+)/i.exec(trigger.source)?.[1];
        if (!object) continue;
        const start = trigger.references.has('KeystoneTriggerService')
            ? (dispatched.get(object.toLowerCase()) ?? [])
            : [...trigger.references];
        const accesses = accessesOf(reach(start, classes), object);
        for (const grants of sets.values()) {
            const access = grants.objects.get(object.toLowerCase());
            if (!access || !(access.create || access.edit || access.delete)) continue;
            findings.push(...judge(grants, schema, accesses, `saves ${object}, firing ${trigger.apex.name}`));
        }
    }
    return findings;
}

// ---- demo data ----

interface PlanEntry {
    sobject: string;
    files: string[];
}

/**
 * Every custom field the demo import sets that the installing admin's permission sets leave read-only,
 * and how many field values were judged (so a test can tell the check saw the data).
 */
export function demoDataAccess(project: Project): { findings: Finding[]; checked: number } {
    const dataDir = path.join(project.root, 'scripts', 'data');
    const planFile = path.join(dataDir, 'keystone-data-plan.json');
    let checked = 0;
    if (!fs.existsSync(planFile)) return { findings: [], checked };
    const schema = new Schema(project.forceApp);
    const findings: Finding[] = [];
    const sets: PermissionSetGrants[] = [];
    for (const name of INSTALLER_PERMISSION_SETS) {
        const file = [project.forceApp, path.join(project.root, SCRATCH_ONLY_SOURCE)]
            .map((dir) => path.join(dir, 'permissionsets', `${name}.permissionset-meta.xml`))
            .find((candidate) => fs.existsSync(candidate));
        if (file) sets.push(readPermissionSet(file));
        else
            findings.push({
                file: planFile,
                line: 1,
                rule: 'user-mode/demo-data',
                message: `permission set ${name}, which the installing admin gets, is neither in force-app nor in ${SCRATCH_ONLY_SOURCE}`
            });
    }
    const editable = (object: string, field: string): boolean =>
        sets.some((grants) => grants.fields.get(`${object}.${field}`.toLowerCase())?.edit === true);
    const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as PlanEntry[];
    for (const entry of plan) {
        for (const name of entry.files) {
            const file = path.join(dataDir, name);
            const text = fs.readFileSync(file, 'utf8');
            const { records } = JSON.parse(text) as { records: Record<string, unknown>[] };
            const reported = new Set<string>();
            for (const record of records) {
                for (const field of Object.keys(record)) {
                    if (!field.endsWith('__c') || reported.has(field)) continue;
                    if (schema.alwaysAccessible(entry.sobject, field)) continue;
                    checked++;
                    if (editable(entry.sobject, field)) continue;
                    reported.add(field);
                    const offset = text.indexOf(`"${field}"`);
                    const exists = fs.existsSync(
                        path.join(
                            project.forceApp,
                            'objects',
                            entry.sobject,
                            'fields',
                            `${field}.field-meta.xml`
                        )
                    );
                    findings.push({
                        file,
                        line: offset < 0 ? 1 : lineAt(text, offset),
                        rule: 'user-mode/demo-data',
                        message: exists
                            ? `${entry.sobject}.${field} is set by the demo import but none of ${INSTALLER_PERMISSION_SETS.join(', ')} lets the installing admin edit it`
                            : `${entry.sobject}.${field} is set by the demo import but has no field metadata`
                    });
                }
            }
        }
    }
    return { findings, checked };
}

export const userModeAccessChecker: Checker = {
    name: 'user-mode-access',
    description:
        "each controller's declared @permissionSet (and each set that saves a triggered object) grants what its user-mode queries read and its `as user` writes set; the demo import's fields are editable by the installing admin",
    async run(project: Project): Promise<Finding[]> {
        return [...checkApex(project), ...demoDataAccess(project).findings];
    }
};
