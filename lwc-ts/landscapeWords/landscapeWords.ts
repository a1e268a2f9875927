// The words landscape cells are written with, from the org's custom labels: one set for the grid, its
// CSV export and the benchmark's datatable, so all three show the same text.
import type { CellWords } from 'c/landscapeModel';
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
