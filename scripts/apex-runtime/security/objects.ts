// The objects as the access model needs them, from the same schema the org store is built on plus each
// custom object's sharing model from its object file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childText, parseXml } from '../../lib/xmlTree';
import type { ObjectSchema } from '../../preview/emulator/schema';
import type { SharingModel } from './profiles';
import type { SecuredField, SecuredObject } from './access';

const READ_ONLY_TYPES = new Set(['Summary', 'AutoNumber']);
const SHARING_MODELS = new Set<SharingModel>(['Private', 'Read', 'ReadWrite', 'ControlledByParent']);

function sharingModelOf(forceApp: string, object: string): SharingModel | undefined {
    const file = path.join(forceApp, 'objects', object, `${object}.object-meta.xml`);
    if (!fs.existsSync(file)) return undefined;
    const value = childText(parseXml(fs.readFileSync(file, 'utf8')), 'sharingModel') as
        SharingModel | undefined;
    if (value === undefined) return undefined;
    if (!SHARING_MODELS.has(value))
        throw new Error(`${file}: sharing model ${value} is not one the runtime knows`);
    return value;
}

export function securedObjects(
    schemas: ReadonlyMap<string, ObjectSchema>,
    forceApp: string
): SecuredObject[] {
    return [...schemas.values()].map((schema) => {
        const fields = new Map<string, SecuredField>();
        for (const field of schema.fields.values()) {
            fields.set(field.name.toLowerCase(), {
                name: field.name,
                requiredOrMasterDetail: field.required || field.type === 'MasterDetail',
                readOnly: Boolean(field.formula) || READ_ONLY_TYPES.has(field.type),
                masterOf: field.type === 'MasterDetail' ? field.referenceTo : undefined,
                writeRequiresMasterRead:
                    field.type === 'MasterDetail' && field.writeRequiresMasterRead === true
            });
        }
        return {
            name: schema.name,
            custom: schema.custom,
            sharingModel: schema.custom ? sharingModelOf(forceApp, schema.name) : undefined,
            fields
        };
    });
}
