// Names that must agree across files, which no single tool checks: permission sets ↔ objects, fields,
// classes and tabs; component imports of @salesforce/apex ↔ @AuraEnabled methods and their parameter
// names; Lightning pages ↔ component bundles, their exposure and targets; Visualforce pages ↔ Lightning Out
// apps ↔ bundles.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { walk } from '../../lib/project';
import { childText, descendants, parseXml, type XmlElement } from '../../lib/xmlTree';
import { isAuraEnabled, type ApexMethod } from '../../lib/apexModel';
import { apexFiles, objectFields } from './apex';
import { checkReportMetadata } from './reports';
import type { Checker, Finding, Project } from '../finding';

function readXml(file: string): XmlElement | null {
    try {
        return parseXml(fs.readFileSync(file, 'utf8'));
    } catch {
        return null;
    }
}

function fieldFile(project: Project, object: string, field: string): string {
    return path.join(project.forceApp, 'objects', object, 'fields', `${field}.field-meta.xml`);
}

function checkPermissionSets(project: Project, classes: Set<string>): Finding[] {
    const findings: Finding[] = [];
    const fields = objectFields(project);
    const tabsDir = path.join(project.forceApp, 'tabs');
    for (const file of walk(path.join(project.forceApp, 'permissionsets'), (f) =>
        f.endsWith('.permissionset-meta.xml')
    )) {
        const root = readXml(file);
        if (!root) continue;
        for (const entry of descendants(root, 'objectPermissions')) {
            const object = childText(entry, 'object') ?? '';
            if (!fields.has(object.toLowerCase())) {
                findings.push({
                    file,
                    line: entry.line,
                    rule: 'xref/permission-object',
                    message: `object ${object} does not exist`
                });
            }
        }
        for (const entry of descendants(root, 'fieldPermissions')) {
            const qualified = childText(entry, 'field') ?? '';
            const [object = '', field = ''] = qualified.split('.');
            const known = fields.get(object.toLowerCase());
            if (!known || !known.has(field.toLowerCase())) {
                findings.push({
                    file,
                    line: entry.line,
                    rule: 'xref/permission-field',
                    message: `field ${qualified} does not exist`
                });
                continue;
            }
            const definition = fs.existsSync(fieldFile(project, object, field))
                ? readXml(fieldFile(project, object, field))
                : null;
            if (
                definition &&
                (childText(definition, 'required') === 'true' ||
                    childText(definition, 'type') === 'MasterDetail')
            ) {
                findings.push({
                    file,
                    line: entry.line,
                    rule: 'xref/permission-required-field',
                    message: `field ${qualified} is required or master-detail: the platform grants it and refuses it in a permission set`
                });
            }
        }
        for (const entry of descendants(root, 'classAccesses')) {
            const name = childText(entry, 'apexClass') ?? '';
            if (!classes.has(name)) {
                findings.push({
                    file,
                    line: entry.line,
                    rule: 'xref/permission-class',
                    message: `Apex class ${name} does not exist`
                });
            }
        }
        for (const entry of descendants(root, 'pageAccesses')) {
            const page = childText(entry, 'apexPage') ?? '';
            if (!fs.existsSync(path.join(project.forceApp, 'pages', `${page}.page`))) {
                findings.push({
                    file,
                    line: entry.line,
                    rule: 'xref/permission-page',
                    message: `Visualforce page ${page} does not exist`
                });
            }
        }
        for (const entry of descendants(root, 'tabSettings')) {
            const tab = childText(entry, 'tab') ?? '';
            if (!tab.startsWith('standard-') && !fs.existsSync(path.join(tabsDir, `${tab}.tab-meta.xml`))) {
                findings.push({
                    file,
                    line: entry.line,
                    rule: 'xref/permission-tab',
                    message: `tab ${tab} does not exist`
                });
            }
        }
    }
    return findings;
}

interface ApexImport {
    file: string;
    line: number;
    local: string;
    className: string;
    methodName: string;
}

function objectKeys(node: ts.Expression | undefined): { name: string; node: ts.Node }[] | null {
    if (!node || !ts.isObjectLiteralExpression(node)) return null;
    return node.properties
        .filter((property) => ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))
        .map((property) => ({
            name: property.name?.getText().replace(/^['"]|['"]$/g, '') ?? '',
            node: property
        }));
}

function checkApexImports(project: Project, methods: Map<string, ApexMethod>): Finding[] {
    const findings: Finding[] = [];
    const sources = walk(
        project.lwcSource,
        (f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !f.includes(`${path.sep}__tests__${path.sep}`)
    );
    for (const file of sources) {
        const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
        const imports: ApexImport[] = [];
        for (const statement of source.statements) {
            if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
                continue;
            const channel = /^@salesforce\/messageChannel\/(\w+)__c$/.exec(statement.moduleSpecifier.text);
            if (
                channel &&
                !fs.existsSync(
                    path.join(project.forceApp, 'messageChannels', `${channel[1]}.messageChannel-meta.xml`)
                )
            )
                findings.push({
                    file,
                    line: source.getLineAndCharacterOfPosition(statement.getStart()).line + 1,
                    rule: 'xref/message-channel',
                    message: `${statement.moduleSpecifier.text}: no messageChannels/${channel[1]}.messageChannel-meta.xml`
                });
            const match = /^@salesforce\/apex\/(\w+)\.(\w+)$/.exec(statement.moduleSpecifier.text);
            const local = statement.importClause?.name?.text;
            if (!match || !local) continue;
            const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
            imports.push({ file, line, local, className: match[1]!, methodName: match[2]! });
        }
        for (const apexImport of imports) {
            const method = methods.get(`${apexImport.className}.${apexImport.methodName}`.toLowerCase());
            if (!method) {
                findings.push({
                    file,
                    line: apexImport.line,
                    rule: 'xref/apex-import',
                    message: `@salesforce/apex/${apexImport.className}.${apexImport.methodName}: no such @AuraEnabled static method`
                });
                continue;
            }
            const params = new Set(method.params.map((param) => param.name));
            const checkKeys = (keys: { name: string; node: ts.Node }[] | null): void => {
                for (const key of keys ?? []) {
                    if (!params.has(key.name)) {
                        const line = source.getLineAndCharacterOfPosition(key.node.getStart()).line + 1;
                        findings.push({
                            file,
                            line,
                            rule: 'xref/apex-param',
                            message: `${method.className}.${method.name} has no parameter "${key.name}" (it takes ${[...params].join(', ') || 'none'})`
                        });
                    }
                }
            };
            const visit = (node: ts.Node): void => {
                if (ts.isCallExpression(node)) {
                    const callee = node.expression;
                    if (ts.isIdentifier(callee) && callee.text === apexImport.local)
                        checkKeys(objectKeys(node.arguments[0]));
                    if (
                        ts.isIdentifier(callee) &&
                        callee.text === 'wire' &&
                        ts.isIdentifier(node.arguments[0] ?? callee) &&
                        (node.arguments[0] as ts.Identifier).text === apexImport.local
                    ) {
                        checkKeys(objectKeys(node.arguments[1]));
                    }
                }
                ts.forEachChild(node, visit);
            };
            visit(source);
        }
    }
    return findings;
}

const TARGET_BY_PAGE_TYPE: Record<string, string> = {
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    UtilityBar: 'lightning__UtilityBar'
};

function checkFlexipages(project: Project): Finding[] {
    const findings: Finding[] = [];
    for (const file of walk(path.join(project.forceApp, 'flexipages'), (f) =>
        f.endsWith('.flexipage-meta.xml')
    )) {
        const root = readXml(file);
        if (!root) continue;
        const pageType = childText(root, 'type') ?? '';
        const target = TARGET_BY_PAGE_TYPE[pageType];
        for (const element of descendants(root, 'componentName')) {
            const name = element.text.trim();
            const custom = /^c:(\w+)$/.exec(name) ?? (/^[a-z]\w*$/.test(name) ? [name, name] : null);
            if (!custom) continue; // flexipage:, force:, runtime_* … are platform components
            const bundle = custom[1]!;
            const meta = path.join(project.lwcSource, bundle, `${bundle}.js-meta.xml`);
            const metaRoot = fs.existsSync(meta) ? readXml(meta) : null;
            if (!metaRoot) {
                findings.push({
                    file,
                    line: element.line,
                    rule: 'xref/flexipage-component',
                    message: `component ${name} has no bundle in lwc-ts/`
                });
                continue;
            }
            if (childText(metaRoot, 'isExposed') !== 'true') {
                findings.push({
                    file,
                    line: element.line,
                    rule: 'xref/flexipage-exposed',
                    message: `component ${bundle} is not exposed (isExposed is not true)`
                });
            }
            const targets = descendants(metaRoot, 'target').map((t) => t.text.trim());
            if (target && !targets.includes(target)) {
                findings.push({
                    file,
                    line: element.line,
                    rule: 'xref/flexipage-target',
                    message: `component ${bundle} does not declare target ${target}`
                });
            }
        }
    }
    return findings;
}

/** Every object and field a user could be granted appears in some permission set: nothing ships unreachable. */
function checkCoverage(project: Project): Finding[] {
    const findings: Finding[] = [];
    const grantedObjects = new Set<string>();
    const grantedFields = new Set<string>();
    for (const file of walk(path.join(project.forceApp, 'permissionsets'), (f) =>
        f.endsWith('.permissionset-meta.xml')
    )) {
        const root = readXml(file);
        if (!root) continue;
        descendants(root, 'objectPermissions').forEach((entry) =>
            grantedObjects.add(childText(entry, 'object') ?? '')
        );
        descendants(root, 'fieldPermissions').forEach((entry) =>
            grantedFields.add(childText(entry, 'field') ?? '')
        );
    }
    const objectsDir = path.join(project.forceApp, 'objects');
    if (!fs.existsSync(objectsDir)) return findings;
    for (const object of fs.readdirSync(objectsDir).sort()) {
        // platform event fields have no field-level security ("Considerations for Defining and Publishing
        // Platform Events"): there is nothing to grant, and custom metadata is granted per type
        if (object.endsWith('__mdt') || object.endsWith('__e')) continue;
        const objectFile = path.join(objectsDir, object, `${object}.object-meta.xml`);
        if (object.endsWith('__c') && fs.existsSync(objectFile) && !grantedObjects.has(object)) {
            findings.push({
                file: objectFile,
                line: 1,
                rule: 'xref/object-not-granted',
                message: `no permission set grants access to ${object}`
            });
        }
        for (const file of walk(path.join(objectsDir, object, 'fields'), (f) =>
            f.endsWith('.field-meta.xml')
        )) {
            const root = readXml(file);
            if (!root) continue;
            const field = `${object}.${path.basename(file, '.field-meta.xml')}`;
            const grantable =
                childText(root, 'required') !== 'true' && childText(root, 'type') !== 'MasterDetail';
            if (grantable && !grantedFields.has(field)) {
                findings.push({
                    file,
                    line: 1,
                    rule: 'xref/field-not-granted',
                    message: `no permission set grants ${field}`
                });
            }
        }
    }
    return findings;
}

/** Names inside other metadata — layouts, list views, compact layouts, approval processes, workflow, custom metadata records, apps, global value sets — point at things that exist. */
function checkMetadataNames(project: Project): Finding[] {
    const findings: Finding[] = [];
    const fields = objectFields(project);
    const has = (object: string, field: string): boolean =>
        fields.get(object.toLowerCase())?.has(field.toLowerCase()) ?? false;
    const objectOf = (file: string): string => path.basename(file).split(/[-.]/)[0] ?? '';
    const report = (file: string, line: number, rule: string, message: string): void => {
        findings.push({ file, line, rule, message });
    };
    for (const file of walk(path.join(project.forceApp, 'layouts'), (f) => f.endsWith('.layout-meta.xml'))) {
        const root = readXml(file);
        const object = objectOf(file);
        for (const item of root ? descendants(root, 'layoutItems') : []) {
            const field = childText(item, 'field');
            if (field && !has(object, field))
                report(file, item.line, 'xref/layout-field', `${object}.${field} does not exist`);
        }
        for (const list of root ? descendants(root, 'relatedLists') : []) {
            const [child = '', lookup = ''] = (childText(list, 'relatedList') ?? '').split('.');
            if (lookup && !has(child, lookup))
                report(
                    file,
                    list.line,
                    'xref/layout-related-list',
                    `related list ${child}.${lookup} does not exist`
                );
        }
    }
    for (const dir of ['listViews', 'compactLayouts']) {
        for (const file of walk(path.join(project.forceApp, 'objects'), (f) =>
            f.includes(`${path.sep}${dir}${path.sep}`)
        )) {
            const object = path.basename(path.dirname(path.dirname(file)));
            const root = readXml(file);
            for (const element of root
                ? [
                      ...descendants(root, 'columns'),
                      ...descendants(root, 'fields'),
                      ...descendants(root, 'field')
                  ]
                : []) {
                const field = element.text.trim();
                if (field && field !== 'NAME' && !has(object, field))
                    report(file, element.line, 'xref/view-field', `${object}.${field} does not exist`);
            }
        }
    }
    for (const file of walk(path.join(project.forceApp, 'objects'), (f) => f.endsWith('.field-meta.xml'))) {
        const root = readXml(file);
        const valueSetName = root ? descendants(root, 'valueSetName')[0] : undefined;
        const name = valueSetName?.text.trim();
        if (
            name &&
            !fs.existsSync(path.join(project.forceApp, 'globalValueSets', `${name}.globalValueSet-meta.xml`))
        ) {
            report(
                file,
                valueSetName!.line,
                'xref/global-value-set',
                `global value set ${name} does not exist`
            );
        }
    }
    for (const file of walk(path.join(project.forceApp, 'approvalProcesses'), (f) =>
        f.endsWith('.approvalProcess-meta.xml')
    )) {
        const root = readXml(file);
        const object = objectOf(file);
        const workflow = readXml(path.join(project.forceApp, 'workflows', `${object}.workflow-meta.xml`));
        const updates = new Set(
            workflow
                ? descendants(workflow, 'fieldUpdates').map((update) => childText(update, 'fullName') ?? '')
                : []
        );
        for (const element of root ? descendants(root, 'field') : []) {
            const field = element.text.trim().replace(`${object}.`, '');
            if (field !== 'Owner' && !has(object, field))
                report(file, element.line, 'xref/approval-field', `${object}.${field} does not exist`);
        }
        for (const element of root ? descendants(root, 'approver') : []) {
            const field = childText(element, 'name');
            if (field && childText(element, 'type') === 'relatedUserField' && !has(object, field))
                report(file, element.line, 'xref/approval-field', `${object}.${field} does not exist`);
        }
        for (const action of root ? descendants(root, 'action') : []) {
            const name = childText(action, 'name') ?? '';
            if (childText(action, 'type') === 'FieldUpdate' && !updates.has(name))
                report(
                    file,
                    action.line,
                    'xref/approval-action',
                    `field update ${name} is not in workflows/${object}.workflow-meta.xml`
                );
        }
    }
    for (const file of walk(path.join(project.forceApp, 'workflows'), (f) =>
        f.endsWith('.workflow-meta.xml')
    )) {
        const root = readXml(file);
        const object = objectOf(file);
        for (const update of root ? descendants(root, 'fieldUpdates') : []) {
            const field = childText(update, 'field') ?? '';
            if (!has(object, field))
                report(file, update.line, 'xref/workflow-field', `${object}.${field} does not exist`);
        }
    }
    for (const file of walk(path.join(project.forceApp, 'customMetadata'), (f) =>
        f.endsWith('.md-meta.xml')
    )) {
        const type = `${path.basename(file).split('.')[0]}__mdt`;
        const root = readXml(file);
        if (!fields.has(type.toLowerCase())) {
            report(file, 1, 'xref/custom-metadata-type', `custom metadata type ${type} does not exist`);
            continue;
        }
        for (const value of root ? descendants(root, 'values') : []) {
            const field = childText(value, 'field') ?? '';
            if (!has(type, field))
                report(file, value.line, 'xref/custom-metadata-field', `${type}.${field} does not exist`);
        }
    }
    const tabs = new Set(
        walk(path.join(project.forceApp, 'tabs'), (f) => f.endsWith('.tab-meta.xml')).map((f) =>
            path.basename(f, '.tab-meta.xml')
        )
    );
    const apps = new Set(
        walk(path.join(project.forceApp, 'applications'), (f) => f.endsWith('.app-meta.xml')).map((f) =>
            path.basename(f, '.app-meta.xml')
        )
    );
    for (const file of walk(path.join(project.forceApp, 'applications'), (f) =>
        f.endsWith('.app-meta.xml')
    )) {
        const root = readXml(file);
        for (const tab of root ? descendants(root, 'tabs') : []) {
            const name = tab.text.trim();
            if (!name.startsWith('standard-') && !tabs.has(name))
                report(file, tab.line, 'xref/app-tab', `tab ${name} does not exist`);
        }
    }
    for (const file of walk(path.join(project.forceApp, 'permissionsets'), (f) =>
        f.endsWith('.permissionset-meta.xml')
    )) {
        const root = readXml(file);
        for (const entry of root ? descendants(root, 'applicationVisibilities') : []) {
            const app = childText(entry, 'application') ?? '';
            if (!apps.has(app))
                report(file, entry.line, 'xref/permission-app', `application ${app} does not exist`);
        }
        for (const entry of root ? descendants(root, 'customMetadataTypeAccesses') : []) {
            const type = childText(entry, 'name') ?? '';
            if (!fields.has(type.toLowerCase()))
                report(
                    file,
                    entry.line,
                    'xref/permission-custom-metadata',
                    `custom metadata type ${type} does not exist`
                );
        }
    }
    return findings;
}

/** Line number (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
    return text.slice(0, offset).split('\n').length;
}

/**
 * Lightning Out, the documented way to show a component outside Lightning Experience's chrome: each Aura
 * dependency app names bundles that exist, and each Visualforce page uses an app that exists and creates
 * only components that app declares (anything else fails only when a user opens the page).
 */
function checkLightningOut(project: Project): Finding[] {
    const findings: Finding[] = [];
    const auraDir = path.join(project.forceApp, 'aura');
    const dependencies = new Map<string, Set<string>>();
    for (const file of walk(auraDir, (f) => f.endsWith('.app'))) {
        const text = fs.readFileSync(file, 'utf8');
        const declared = new Set<string>();
        for (const match of text.matchAll(/<aura:dependency\s+resource="c:(\w+)"/g)) {
            const bundle = match[1]!;
            declared.add(bundle);
            if (!fs.existsSync(path.join(project.lwcSource, bundle, `${bundle}.js-meta.xml`)))
                findings.push({
                    file,
                    line: lineAt(text, match.index ?? 0),
                    rule: 'xref/aura-dependency',
                    message: `c:${bundle} has no bundle in lwc-ts/`
                });
        }
        dependencies.set(path.basename(file, '.app'), declared);
    }
    for (const file of walk(path.join(project.forceApp, 'pages'), (f) => f.endsWith('.page'))) {
        const text = fs.readFileSync(file, 'utf8');
        const uses = [...text.matchAll(/\$Lightning\.use\(\s*['"]c:(\w+)['"]/g)];
        const apps = uses.map((match) => match[1]!);
        for (const match of uses) {
            if (!dependencies.has(match[1]!))
                findings.push({
                    file,
                    line: lineAt(text, match.index ?? 0),
                    rule: 'xref/lightning-out-app',
                    message: `Lightning Out app c:${match[1]} has no bundle in aura/`
                });
        }
        for (const match of text.matchAll(/\$Lightning\.createComponent\(\s*['"]c:(\w+)['"]/g)) {
            if (!apps.some((app) => dependencies.get(app)?.has(match[1]!)))
                findings.push({
                    file,
                    line: lineAt(text, match.index ?? 0),
                    rule: 'xref/lightning-out-component',
                    message: `c:${match[1]} is not an aura:dependency of the app this page uses`
                });
        }
    }
    return findings;
}

export const crossReferencesChecker: Checker = {
    name: 'cross-references',
    description:
        'permission sets ↔ objects/fields/classes/tabs/pages, @salesforce/apex imports ↔ @AuraEnabled methods and parameter names, @salesforce/messageChannel imports ↔ message channels, flexipages ↔ bundles, exposure and targets, Visualforce pages ↔ Lightning Out apps ↔ bundles, report types ↔ objects/fields/child relationships, reports ↔ report types/folders, dashboards ↔ reports/groupings/aggregates',
    async run(project: Project): Promise<Finding[]> {
        const apex = apexFiles(project);
        const classes = new Set(apex.map((file) => file.name));
        const methods = new Map<string, ApexMethod>();
        for (const file of apex) {
            for (const method of file.methods) {
                if (isAuraEnabled(method) && method.isStatic)
                    methods.set(`${file.name}.${method.name}`.toLowerCase(), method);
            }
        }
        const findings = [
            ...checkPermissionSets(project, classes),
            ...checkApexImports(project, methods),
            ...checkFlexipages(project),
            ...checkCoverage(project),
            ...checkMetadataNames(project),
            ...checkLightningOut(project),
            ...checkReportMetadata(project)
        ];
        // every controller a component can call must be granted by some permission set
        const granted = new Set(
            walk(path.join(project.forceApp, 'permissionsets'), (f) => f.endsWith('.permissionset-meta.xml'))
                .flatMap((file) =>
                    descendants(
                        readXml(file) ?? { name: '', line: 0, attributes: {}, children: [], text: '' },
                        'apexClass'
                    )
                )
                .map((element) => element.text.trim())
        );
        for (const file of apex) {
            if (file.methods.some(isAuraEnabled) && !file.isTest && !granted.has(file.name)) {
                findings.push({
                    file: file.file,
                    line: file.line,
                    rule: 'xref/controller-access',
                    message: `${file.name} has @AuraEnabled methods but no permission set grants it`
                });
            }
        }
        return findings;
    }
};
