// The preview's /print/<planId> page: the plan's print view alone, as the KeystonePlanPrint Visualforce
// page shows it through Lightning Out (no record page, no header).
import { LightningElement, api } from 'lwc';

export default class PrintPage extends LightningElement {
    /** The Account_Plan__c Id from the address. */
    @api planId = '';
}
