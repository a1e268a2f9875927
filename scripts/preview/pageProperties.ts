// The org chart's App Builder properties on the preview's record page. An admin sets them in Lightning
// App Builder within what the component's js-meta.xml allows; the preview takes them from
// `npm start -- --org-chart showLinks=false,height=800` (and the benchmark from its options), checked
// against that same js-meta.xml so the preview can only be configured the way an org can.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LWC_SOURCE } from '../lib/project';
import { descendants, parseXml } from '../lib/xmlTree';

export type PropertyValue = string | number | boolean;

/** One `<property>` of a targetConfig: what App Builder offers the admin. */
export interface PropertyDefinition {
    name: string;
    type: 'Integer' | 'String' | 'Boolean';
    default?: PropertyValue;
    min?: number;
    max?: number;
    /** The choices of a picklist property (datasource="a,b,c"). */
    choices?: string[];
}

/** The properties the preview's page sets on the org chart, when the command line does not. */
export const PREVIEW_ORG_CHART: Readonly<Record<string, PropertyValue>> = {
    height: 560,
    initialDepth: 3,
    colourBy: 'heat',
    showLinks: true
};

function typed(definition: Pick<PropertyDefinition, 'type'>, text: string): PropertyValue | undefined {
    if (definition.type === 'Integer') return /^-?\d+$/.test(text) ? Number(text) : undefined;
    if (definition.type === 'Boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
    return text;
}

/** The properties a component offers on one page type (the record page by default), from its js-meta.xml. */
export function readPropertyDefinitions(
    metaXml: string,
    target = 'lightning__RecordPage'
): PropertyDefinition[] {
    const root = parseXml(metaXml);
    const recordPage = descendants(root, 'targetConfig').find((config) =>
        (config.attributes.targets ?? '')
            .split(',')
            .map((name) => name.trim())
            .includes(target)
    );
    if (!recordPage) return [];
    return descendants(recordPage, 'property').map((property) => {
        const { name = '', type = 'String', min, max, datasource } = property.attributes;
        const definition: PropertyDefinition = { name, type: type as PropertyDefinition['type'] };
        if (min !== undefined) definition.min = Number(min);
        if (max !== undefined) definition.max = Number(max);
        if (datasource) definition.choices = datasource.split(',').map((choice) => choice.trim());
        if (property.attributes.default !== undefined)
            definition.default = typed(definition, property.attributes.default);
        return definition;
    });
}

export function orgChartDefinitions(): PropertyDefinition[] {
    const file = path.join(LWC_SOURCE, 'orgChartHeatMap', 'orgChartHeatMap.js-meta.xml');
    return readPropertyDefinitions(fs.readFileSync(file, 'utf8'));
}

/**
 * Parses `name=value,name=value` against the definitions, over `base`. Throws, naming the property and
 * what it accepts, for an unknown name or a value App Builder would refuse.
 */
export function parseProperties(
    text: string,
    definitions: readonly PropertyDefinition[],
    base: Readonly<Record<string, PropertyValue>>
): Record<string, PropertyValue> {
    const result: Record<string, PropertyValue> = { ...base };
    const known = definitions.map((definition) => definition.name).join(', ');
    for (const part of text.split(',').map((item) => item.trim())) {
        if (!part) continue;
        const at = part.indexOf('=');
        const name = at < 0 ? part : part.slice(0, at).trim();
        const raw = at < 0 ? '' : part.slice(at + 1).trim();
        const definition = definitions.find((candidate) => candidate.name === name);
        if (!definition) throw new Error(`unknown property "${name}" (the component has ${known})`);
        const value = typed(definition, raw);
        const accepts =
            definition.type === 'Boolean'
                ? 'true or false'
                : definition.choices
                  ? definition.choices.join(', ')
                  : definition.type === 'Integer'
                    ? `a whole number from ${definition.min ?? '…'} to ${definition.max ?? '…'}`
                    : 'text';
        const refused =
            value === undefined ||
            (typeof value === 'number' &&
                ((definition.min !== undefined && value < definition.min) ||
                    (definition.max !== undefined && value > definition.max))) ||
            (definition.choices !== undefined && !definition.choices.includes(String(value)));
        if (refused) throw new Error(`${name} needs ${accepts}, not "${raw}"`);
        result[name] = value;
    }
    return result;
}
