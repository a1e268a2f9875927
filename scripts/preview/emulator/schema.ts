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
    picklistValues?: string[];
    restricted?: boolean;
    defaultValue?: string;
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
    fields: Map<string, FieldSchema>;
    validationRules: ValidationRuleSchema[];
}

/** Reads every object folder under force-app/main/default/objects. */
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
        for (const file of walk(path.join(dir, 'fields'), (f) => f.endsWith('.field-meta.xml'))) {
            const root = parseXml(fs.readFileSync(file, 'utf8'));
            const fieldName = childText(root, 'fullName') ?? path.basename(file, '.field-meta.xml');
            const type = childText(root, 'type') ?? 'Text';
            const values = descendants(root, 'value').map((value) => childText(value, 'fullName') ?? '');
            const defaultValue = descendants(root, 'value').find(
                (value) => childText(value, 'default') === 'true'
            );
            schema.fields.set(fieldName, {
                name: fieldName,
                label: childText(root, 'label') ?? fieldName,
                type,
                required: childText(root, 'required') === 'true' || type === 'MasterDetail',
                referenceTo: childText(root, 'referenceTo'),
                picklistValues: values.length ? values : undefined,
                restricted: descendants(root, 'restricted')[0]?.text.trim() === 'true',
                defaultValue: defaultValue ? childText(defaultValue, 'fullName') : undefined
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
