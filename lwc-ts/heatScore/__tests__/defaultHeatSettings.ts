// Test helper (not a test): the shipped Default heat setting, read from its Custom Metadata record so
// tests and admins agree on weights, thresholds and colours.
import * as fs from 'fs';
import * as path from 'path';
import type { HeatSettings } from 'c/heatScore';

export function defaultHeatSettings(): HeatSettings {
    const file = path.resolve(__dirname, '../../../customMetadata/Keystone_Heat_Setting.Default.md-meta.xml');
    const xml = fs.readFileSync(file, 'utf8');
    const value = (field: string): string => {
        const match = new RegExp(`<field>${field}</field>\\s*<value[^>]*>([^<]*)</value>`).exec(xml);
        if (!match) throw new Error(`${field} missing from the Default heat setting`);
        return match[1] as string;
    };
    return {
        stanceWeight: Number(value('Stance_Weight__c')),
        strengthWeight: Number(value('Strength_Weight__c')),
        influenceWeight: Number(value('Influence_Weight__c')),
        recencyWeight: Number(value('Recency_Weight__c')),
        recencyDays: Number(value('Recency_Days__c')),
        warmThreshold: Number(value('Warm_Threshold__c')),
        coldThreshold: Number(value('Cold_Threshold__c')),
        warmColour: value('Warm_Colour__c'),
        neutralColour: value('Neutral_Colour__c'),
        coldColour: value('Cold_Colour__c'),
        unknownColour: value('Unknown_Colour__c')
    };
}
