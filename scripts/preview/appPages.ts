// The preview's App page: the managers' portfolio as the Keystone Portfolio flexipage places it. The
// component's properties come from the flexipage an org deploys, each checked against what the component's
// js-meta.xml offers on an App page, so the preview is configured only the way App Builder could be.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORCE_APP, LWC_SOURCE } from '../lib/project';
import { childText, descendants, parseXml } from '../lib/xmlTree';
import { parseProperties, readPropertyDefinitions, type PropertyValue } from './pageProperties';

/** The App page the preview draws, by its tab's API name (the flexipage's name). */
export const PORTFOLIO_PAGE = 'Keystone_Portfolio';
const PORTFOLIO_COMPONENT = 'keyAccountPortfolio';

/**
 * The portfolio's properties on its App page: the flexipage's values, typed and checked against the
 * component's App page properties (defaults for those the page leaves out). Throws, naming the page and the
 * property, when the page sets one App Builder would refuse or when the page does not place the component.
 */
export function portfolioProperties(
    forceApp: string = FORCE_APP,
    lwcSource: string = LWC_SOURCE
): Record<string, PropertyValue> {
    const file = path.join(forceApp, 'flexipages', `${PORTFOLIO_PAGE}.flexipage-meta.xml`);
    const page = parseXml(fs.readFileSync(file, 'utf8'));
    const instance = descendants(page, 'componentInstance').find(
        (candidate) => childText(candidate, 'componentName') === PORTFOLIO_COMPONENT
    );
    if (!instance) throw new Error(`${PORTFOLIO_PAGE} does not place ${PORTFOLIO_COMPONENT}`);
    const meta = path.join(lwcSource, PORTFOLIO_COMPONENT, `${PORTFOLIO_COMPONENT}.js-meta.xml`);
    const definitions = readPropertyDefinitions(fs.readFileSync(meta, 'utf8'), 'lightning__AppPage');
    const defaults: Record<string, PropertyValue> = {};
    for (const definition of definitions)
        if (definition.default !== undefined) defaults[definition.name] = definition.default;
    const text = descendants(instance, 'componentInstanceProperties')
        .map((property) => `${childText(property, 'name') ?? ''}=${childText(property, 'value') ?? ''}`)
        .join(',');
    try {
        return parseProperties(text, definitions, defaults);
    } catch (error) {
        throw new Error(`${PORTFOLIO_PAGE}: ${error instanceof Error ? error.message : String(error)}`);
    }
}
