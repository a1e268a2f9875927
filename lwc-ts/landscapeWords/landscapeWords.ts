// The words landscape cells are written with, from the org's custom labels: one set for the grid, its
// CSV export and the benchmark's datatable, so all three show the same text; the CSV's own words too.
import type { CellWords } from 'c/landscapeCell';
import type { CsvWords } from 'c/landscapeCsv';
import existingLabel from '@salesforce/label/c.Keystone_Cell_Existing';
import pipelineLabel from '@salesforce/label/c.Keystone_Cell_Pipeline';
import targetLabel from '@salesforce/label/c.Keystone_Cell_Target';
import competitorLabel from '@salesforce/label/c.Keystone_Cell_Competitor';
import notApplicableLabel from '@salesforce/label/c.Keystone_Cell_Not_Applicable';
import whitespaceLabel from '@salesforce/label/c.Keystone_Cell_Whitespace';
import wonValueLabel from '@salesforce/label/c.Keystone_Cell_Won';
import openValueLabel from '@salesforce/label/c.Keystone_Cell_Open';
import targetValueLabel from '@salesforce/label/c.Keystone_Cell_Target_Value';
import competitorNameLabel from '@salesforce/label/c.Keystone_Cell_Competitor_Name';
import lostLabel from '@salesforce/label/c.Keystone_Change_Lost';
import openedLabel from '@salesforce/label/c.Keystone_Change_Opened';
import targetedLabel from '@salesforce/label/c.Keystone_Change_Targeted';
import buyingCenterLabel from '@salesforce/label/c.Keystone_Field_Buying_Center';
import totalLabel from '@salesforce/label/c.Keystone_Landscape_Total';
import figureLabel from '@salesforce/label/c.Keystone_Landscape_Figure';
import figureWonLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Won';
import figurePipelineLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Pipeline';
import figureWeightedLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Weighted';
import figureTargetsLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Targets';
import figureWonChangeLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Won_Change';
import figureLostLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Lost';
import figureOpenedLabel from '@salesforce/label/c.Keystone_Landscape_Figure_Opened';
import ownOnlyLabel from '@salesforce/label/c.Keystone_Landscape_Csv_Own_Only';
import withChildrenLabel from '@salesforce/label/c.Keystone_Landscape_Csv_With_Children';

export const CELL_WORDS: CellWords = {
    states: {
        existing: existingLabel,
        pipeline: pipelineLabel,
        target: targetLabel,
        competitor: competitorLabel,
        'not-applicable': notApplicableLabel,
        whitespace: whitespaceLabel
    },
    won: wonValueLabel,
    pipeline: openValueLabel,
    target: targetValueLabel,
    competitor: competitorNameLabel,
    changeWon: wonValueLabel,
    lost: lostLabel,
    opened: openedLabel,
    targeted: targetedLabel
};

export const CSV_WORDS: CsvWords = {
    buyingCenter: buyingCenterLabel,
    total: totalLabel,
    figure: figureLabel,
    won: figureWonLabel,
    pipeline: figurePipelineLabel,
    weighted: figureWeightedLabel,
    targeted: figureTargetsLabel,
    changeWon: figureWonChangeLabel,
    lost: figureLostLabel,
    opened: figureOpenedLabel,
    ownOnly: ownOnlyLabel,
    withChildren: withChildrenLabel
};
