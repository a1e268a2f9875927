// Reads the project's report types, reports and dashboards and checks them with ../reports.ts against
// the objects and fields we ship plus the standard ones: part of the cross-references checker.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walk } from '../../lib/project';
import { childText, descendants, parseXml, type XmlElement } from '../../lib/xmlTree';
import { CUSTOM_OBJECT_FIELDS, STANDARD_OBJECTS } from '../standardObjects';
import {
    checkDashboard,
    checkReport,
    checkReportType,
    parseDashboard,
    parseReport,
    parseReportType,
    type Catalog,
    type FieldInfo,
    type ParsedReport
} from '../reports';
import type { Finding, Project } from '../finding';

/** Standard lookup fields a report type may list as columns of their own (`Owner`, `Account`), by object. */
const STANDARD_LOOKUPS: Record<string, Record<string, string>> = {
    '*': { Owner: 'User', CreatedBy: 'User', LastModifiedBy: 'User' },
    Account: { Parent: 'Account' },
    Contact: { Account: 'Account', ReportsTo: 'Contact' },
    Case: { Account: 'Account', Contact: 'Contact' },
    Opportunity: { Account: 'Account' },
    User: { Manager: 'User' }
};

/** Standard child relationships a report type may join. */
const STANDARD_CHILDREN: Record<string, Record<string, string>> = {
    Account: { Cases: 'Case', Contacts: 'Contact', Opportunities: 'Opportunity' },
    Contact: { Cases: 'Case' }
};

function readXml(file: string): XmlElement | null {
    try {
        return parseXml(fs.readFileSync(file, 'utf8'));
    } catch {
        return null; // xml-wellformed reports it
    }
}

/** The catalog of objects, fields (with lookups and picklist values) and child relationships. */
export function projectCatalog(project: Project): Catalog {
    const objects = new Map<string, Map<string, FieldInfo>>();
    const childRelationships = new Map<string, Map<string, string>>();
    const fieldsOf = (object: string): Map<string, FieldInfo> => {
        const key = object.toLowerCase();
        if (!objects.has(key)) objects.set(key, new Map());
        return objects.get(key)!;
    };
    const addChild = (parent: string, relationship: string, child: string): void => {
        const key = parent.toLowerCase();
        if (!childRelationships.has(key)) childRelationships.set(key, new Map());
        childRelationships.get(key)!.set(relationship.toLowerCase(), child);
    };
    for (const [object, names] of Object.entries(STANDARD_OBJECTS)) {
        const fields = fieldsOf(object);
        for (const name of names) fields.set(name.toLowerCase(), { type: '' });
    }
    const globalValues = (name: string): string[] | undefined => {
        const root = readXml(
            path.join(project.forceApp, 'globalValueSets', `${name}.globalValueSet-meta.xml`)
        );
        return root
            ? descendants(root, 'customValue').map((value) => childText(value, 'fullName') ?? '')
            : undefined;
    };
    const objectsDir = path.join(project.forceApp, 'objects');
    // a detail object (sharing controlled by its master) has no Owner: the master's owner owns its records,
    // and a report type column naming it fails the deploy
    const ownerless = new Set<string>();
    for (const object of fs.existsSync(objectsDir) ? fs.readdirSync(objectsDir) : []) {
        const fields = fieldsOf(object);
        if (object.includes('__'))
            for (const name of CUSTOM_OBJECT_FIELDS) fields.set(name.toLowerCase(), { type: '' });
        const definition = readXml(path.join(objectsDir, object, `${object}.object-meta.xml`));
        if (definition && childText(definition, 'sharingModel') === 'ControlledByParent') {
            ownerless.add(object.toLowerCase());
            fields.delete('owner');
            fields.delete('ownerid');
        }
        for (const file of walk(path.join(objectsDir, object, 'fields'), (f) =>
            f.endsWith('.field-meta.xml')
        )) {
            const root = readXml(file);
            if (!root) continue;
            const name = path.basename(file, '.field-meta.xml');
            const valueSet = root.children.find((child) => child.name === 'valueSet');
            const valueSetName = valueSet && childText(valueSet, 'valueSetName');
            const picklist = valueSet
                ? valueSetName
                    ? globalValues(valueSetName)
                    : descendants(valueSet, 'value').map((value) => childText(value, 'fullName') ?? '')
                : undefined;
            const referenceTo = childText(root, 'referenceTo');
            fields.set(name.toLowerCase(), { type: childText(root, 'type') ?? '', referenceTo, picklist });
            const relationshipName = childText(root, 'relationshipName');
            if (referenceTo && relationshipName) addChild(referenceTo, `${relationshipName}__r`, object);
        }
    }
    for (const [parent, relationships] of Object.entries(STANDARD_CHILDREN))
        for (const [relationship, child] of Object.entries(relationships))
            addChild(parent, relationship, child);
    return {
        hasObject: (object) => objects.has(object.toLowerCase()),
        field(object, field) {
            const fields = objects.get(object.toLowerCase());
            if (!fields) return null;
            if (ownerless.has(object.toLowerCase()) && /^owner(id)?$/i.test(field)) return null;
            const lookup = STANDARD_LOOKUPS[object]?.[field] ?? STANDARD_LOOKUPS['*']![field];
            if (lookup) return { type: 'Lookup', referenceTo: lookup };
            return fields.get(field.toLowerCase()) ?? null;
        },
        child: (object, relationship) =>
            childRelationships.get(object.toLowerCase())?.get(relationship.toLowerCase()) ?? null
    };
}

/** Report types, reports in their folders, dashboards in theirs: every name they use resolves. */
export function checkReportMetadata(project: Project): Finding[] {
    const findings: Finding[] = [];
    const catalog = projectCatalog(project);
    const add = (file: string) => (problem: { line: number; rule: string; message: string }) =>
        findings.push({ file, line: problem.line, rule: `xref/${problem.rule}`, message: problem.message });

    const reportTypeColumns = new Map<string, Map<string, FieldInfo>>();
    for (const file of walk(path.join(project.forceApp, 'reportTypes'), (f) =>
        f.endsWith('.reportType-meta.xml')
    )) {
        const root = readXml(file);
        if (!root) continue;
        const name = path.basename(file, '.reportType-meta.xml');
        const { problems, columns } = checkReportType(parseReportType(name, root), catalog);
        problems.forEach(add(file));
        reportTypeColumns.set(name, columns);
    }

    const reportsDir = path.join(project.forceApp, 'reports');
    const reports = new Map<string, ParsedReport>();
    for (const file of walk(reportsDir, (f) => f.endsWith('.report-meta.xml'))) {
        const root = readXml(file);
        if (!root) continue;
        const folder = path.relative(reportsDir, path.dirname(file)).split(path.sep).join('/');
        const name = path.basename(file, '.report-meta.xml');
        const report = parseReport(name, root);
        reports.set(`${folder}/${name}`, report);
        const custom = /^(\w+)__c$/.exec(report.reportType)?.[1];
        if (!custom) {
            add(file)({
                line: report.reportTypeLine,
                rule: 'report-report-type',
                message: `report type ${report.reportType || '(none)'} is not a Keystone custom report type (Name__c): its columns cannot be checked offline`
            });
        } else if (!reportTypeColumns.has(custom)) {
            add(file)({
                line: report.reportTypeLine,
                rule: 'report-report-type',
                message: `report type ${report.reportType} has no reportTypes/${custom}.reportType-meta.xml`
            });
        }
        const folderExists = fs.existsSync(path.join(reportsDir, `${folder}.reportFolder-meta.xml`));
        checkReport(report, custom ? reportTypeColumns.get(custom) : undefined, folderExists, folder).forEach(
            add(file)
        );
    }

    const dashboardsDir = path.join(project.forceApp, 'dashboards');
    for (const file of walk(dashboardsDir, (f) => f.endsWith('.dashboard-meta.xml'))) {
        const root = readXml(file);
        if (!root) continue;
        const folder = path.relative(dashboardsDir, path.dirname(file)).split(path.sep).join('/');
        const dashboard = parseDashboard(path.basename(file, '.dashboard-meta.xml'), root);
        const folderExists = fs.existsSync(path.join(dashboardsDir, `${folder}.dashboardFolder-meta.xml`));
        checkDashboard(dashboard, folderExists, folder, (qualified) => ({
            report: reports.get(qualified),
            folderExists: fs.existsSync(
                path.join(reportsDir, `${qualified.split('/')[0]}.reportFolder-meta.xml`)
            )
        })).forEach(add(file));
    }
    return findings;
}
