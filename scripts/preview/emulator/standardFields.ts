// The standard fields of standard objects that the preview's record form edits. force-app holds only our
// custom fields on them; these are the platform's own definitions (labels, types, required), so the
// emulator's required, type and reference checks apply to them as the org applies them.
import type { FieldSchema, ObjectSchema } from './schema';
import { OPPORTUNITY_STAGES } from './standardObjects';

const field = (name: string, label: string, type: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({
    name,
    label,
    type,
    required: false,
    ...extra
});

/** Per object, its standard fields in the order the default page layout shows them. */
export const STANDARD_FIELDS: Readonly<Record<string, readonly FieldSchema[]>> = {
    Opportunity: [
        field('Name', 'Opportunity Name', 'Text', { required: true }),
        field('AccountId', 'Account Name', 'Lookup', { referenceTo: 'Account' }),
        field('Amount', 'Amount', 'Currency'),
        field('CloseDate', 'Close Date', 'Date', { required: true }),
        // the stage picklist is not restricted: the API accepts values outside the sales process
        field('StageName', 'Stage', 'Picklist', {
            required: true,
            picklistValues: Object.keys(OPPORTUNITY_STAGES)
        }),
        field('NextStep', 'Next Step', 'Text'),
        field('Description', 'Description', 'LongTextArea')
    ]
};

/** Adds the standard fields ahead of the custom ones; a field force-app defines keeps its definition. */
export function withStandardFields(schemas: Map<string, ObjectSchema>): Map<string, ObjectSchema> {
    for (const [name, standard] of Object.entries(STANDARD_FIELDS)) {
        const schema = schemas.get(name) ?? { name, custom: false, fields: new Map(), validationRules: [] };
        schema.fields = new Map([
            ...standard
                .filter((each) => !schema.fields.has(each.name))
                .map((each) => [each.name, { ...each }] as const),
            ...schema.fields
        ]);
        schemas.set(name, schema);
    }
    return schemas;
}
