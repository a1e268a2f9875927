// The org chart's page properties: the preview accepts what App Builder would, from the component's
// own js-meta.xml, and refuses the rest with a message naming what is allowed.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { orgChartDefinitions, parseProperties, PREVIEW_ORG_CHART } from '../pageProperties';
import { parsePreviewArgs } from '../serve';

describe('org chart page properties', () => {
    const definitions = orgChartDefinitions();

    it('reads the record-page properties of orgChartHeatMap.js-meta.xml', () => {
        const showLinks = definitions.find((definition) => definition.name === 'showLinks');
        assert.deepEqual(showLinks, { name: 'showLinks', type: 'Boolean', default: false });
        const height = definitions.find((definition) => definition.name === 'height');
        assert.equal(height?.min, 240);
        assert.deepEqual(definitions.find((d) => d.name === 'colourBy')?.choices, [
            'heat',
            'stance',
            'strength'
        ]);
    });

    it('sets typed values over the preview page defaults', () => {
        assert.deepEqual(
            parseProperties('showLinks=false, height=800,colourBy=stance', definitions, PREVIEW_ORG_CHART),
            {
                ...PREVIEW_ORG_CHART,
                showLinks: false,
                height: 800,
                colourBy: 'stance'
            }
        );
    });

    it('refuses what App Builder would refuse, naming what is allowed', () => {
        assert.throws(
            () => parseProperties('height=100', definitions, {}),
            /height needs a whole number from 240 to 2000, not "100"/
        );
        assert.throws(
            () => parseProperties('showLinks=yes', definitions, {}),
            /showLinks needs true or false, not "yes"/
        );
        assert.throws(
            () => parseProperties('colourBy=mood', definitions, {}),
            /colourBy needs heat, stance, strength/
        );
        assert.throws(
            () => parseProperties('links=true', definitions, {}),
            /unknown property "links" \(the component has height, /
        );
    });

    it('takes them from npm start -- --org-chart', () => {
        assert.equal(parsePreviewArgs(['--org-chart', 'showLinks=false']).orgChart.showLinks, false);
        assert.equal(parsePreviewArgs([]).orgChart.showLinks, PREVIEW_ORG_CHART.showLinks);
        assert.throws(() => parsePreviewArgs(['--org-chart']), /--org-chart needs name=value pairs/);
    });
});
