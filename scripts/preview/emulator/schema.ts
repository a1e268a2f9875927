// The org's shape as the preview needs it, read from force-app metadata: each custom object's fields
// (type, required, picklist values, references) and its active validation rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childText, descendants, parseXml } from '../../lib/xmlTree';
import { walk } from '../../lib/project';
import { parseFormula, type FormulaTree } from './formula';

export interface FieldSchema {
    name: string;
    label: string;
    type: string;
    required: boolean;
    referenceTo?: string;
    /** A lookup's child relationship name ("Landscape_Cells" for Landscape_Cells__r), as tree files nest children. */
    relationshipName?: string;
    picklistValues?: string[];
    restricted?: boolean;
    defaultValue?: string;
    unique?: boolean;
    /** For formula fields: the parsed formula, evaluated when the field is read. */
    formula?: FormulaTree;
    lookupFilter?: LookupFilterSchema;
    /** A master-detail field whose details need only read access on the master to be saved. */
    writeRequiresMasterRead?: boolean;
}

export interface LookupFilterSchema {
    message: string;
    items: { field: string; operation: string; value?: string; valueField?: string }[];
}

export interface ValidationRuleSchema {
    name: string;
    formula: FormulaTree;
    message: string;
    field?: string;
}

export interface ObjectSchema {
    name: string;
    custom: boolean;
    /** For auto-numbered names, e.g. "CELL-{00000}". */
    autoNumberFormat?: string;
    fields: Map<string, FieldSchema>;
    validationRules: ValidationRuleSchema[];
}

/** Reads every object folder under force-app/main/default/objects. */
/** A global value set's active values, in order (fields that use one list no values of their own). */
function globalValues(forceApp: string, name: string): string[] {
    const file = path.join(forceApp, 'globalValueSets', `${name}.globalValueSet-meta.xml`);
    if (!fs.existsSync(file)) return [];
    return descendants(parseXml(fs.readFileSync(file, 'utf8')), 'customValue')
        .filter((value) => childText(value, 'isActive') !== 'false')
        .map((value) => childText(value, 'fullName') ?? '');
}

export function loadObjectSchemas(forceApp: string): Map<string, ObjectSchema> {
    const schemas = new Map<string, ObjectSchema>();
    const objectsDir = path.join(forceApp, 'objects');
    if (!fs.existsSync(objectsDir)) return schemas;
    for (const name of fs.readdirSync(objectsDir).sort()) {
        const dir = path.join(objectsDir, name);
        const schema: ObjectSchema = {
            name,
            custom: /__(c|mdt)$/.test(name),
            fields: new Map(),
            validationRules: []
        };
        const objectFile = path.join(dir, `${name}.object-meta.xml`);
        if (fs.existsSync(objectFile)) {
            const nameField = descendants(parseXml(fs.readFileSync(objectFile, 'utf8')), 'nameField')[0];
            if (nameField && childText(nameField, 'type') === 'AutoNumber') {
                schema.autoNumberFormat = childText(nameField, 'displayFormat') ?? '{0}';
            }
        }
        for (const file of walk(path.join(dir, 'fields'), (f) => f.endsWith('.field-meta.xml'))) {
            const root = parseXml(fs.readFileSync(file, 'utf8'));
            const fieldName = childText(root, 'fullName') ?? path.basename(file, '.field-meta.xml');
            const type = childText(root, 'type') ?? 'Text';
            const valueSetName = childText(descendants(root, 'valueSet')[0] ?? root, 'valueSetName');
            const values = valueSetName
                ? globalValues(forceApp, valueSetName)
                : descendants(root, 'value').map((value) => childText(value, 'fullName') ?? '');
            const defaultValue = descendants(root, 'value').find(
                (value) => childText(value, 'default') === 'true'
            );
            const filter = descendants(root, 'lookupFilter')[0];
            const formula = childText(root, 'formula');
            schema.fields.set(fieldName, {
                name: fieldName,
                label: childText(root, 'label') ?? fieldName,
                type,
                required: childText(root, 'required') === 'true' || type === 'MasterDetail',
                referenceTo: childText(root, 'referenceTo'),
                relationshipName: childText(root, 'relationshipName'),
                picklistValues: values.length ? values : undefined,
                restricted: descendants(root, 'restricted')[0]?.text.trim() === 'true',
                defaultValue: defaultValue
                    ? childText(defaultValue, 'fullName')
                    : type === 'Checkbox'
                      ? childText(root, 'defaultValue')
                      : undefined,
                unique: childText(root, 'unique') === 'true',
                writeRequiresMasterRead: childText(root, 'writeRequiresMasterRead') === 'true',
                formula: formula ? parseFormula(formula) : undefined,
                lookupFilter:
                    filter && childText(filter, 'active') === 'true'
                        ? {
                              message:
                                  childText(filter, 'errorMessage') ??
                                  'Value does not exist or does not match filter criteria.',
                              items: descendants(filter, 'filterItems').map((item) => ({
                                  field: childText(item, 'field') ?? '',
                                  operation: childText(item, 'operation') ?? 'equals',
                                  value: childText(item, 'value'),
                                  valueField: childText(item, 'valueField')
                              }))
                          }
                        : undefined
            });
        }
        for (const file of walk(path.join(dir, 'validationRules'), (f) =>
            f.endsWith('.validationRule-meta.xml')
        )) {
            const root = parseXml(fs.readFileSync(file, 'utf8'));
            if (childText(root, 'active') !== 'true') continue;
            schema.validationRules.push({
                name: childText(root, 'fullName') ?? path.basename(file, '.validationRule-meta.xml'),
                formula: parseFormula(childText(root, 'errorConditionFormula') ?? 'false'),
                message: childText(root, 'errorMessage') ?? 'Invalid data.',
                field: childText(root, 'errorDisplayField')
            });
        }
        schemas.set(name, schema);
    }
    return schemas;
}

/** Custom metadata records by type (without __mdt) and DeveloperName: field → value. */
export function loadCustomMetadata(forceApp: string): Record<string, Record<string, Record<string, string>>> {
    const records: Record<string, Record<string, Record<string, string>>> = {};
    for (const file of walk(path.join(forceApp, 'customMetadata'), (f) => f.endsWith('.md-meta.xml'))) {
        const [type = '', developerName = ''] = path.basename(file, '.md-meta.xml').split('.');
        const root = parseXml(fs.readFileSync(file, 'utf8'));
        const values: Record<string, string> = { Label: childText(root, 'label') ?? developerName };
        for (const value of descendants(root, 'values')) {
            values[childText(value, 'field') ?? ''] = childText(value, 'value') ?? '';
        }
        (records[type] ??= {})[developerName] = values;
    }
    return records;
}
