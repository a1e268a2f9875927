// The form that adds a buying center to the landscape inline: its name, kind and parent. The grid adds it
// (and tells the org chart), and passes back a refusal, which shows here with what the rep typed kept.
import { LightningElement, api } from 'lwc';
import type { BuyingCenter, KindChoice } from 'c/landscapeModel';
import type { SelectOption } from 'c/keystoneSelect';
import addCenterLabel from '@salesforce/label/c.Keystone_Add_Buying_Center';
import centerNameLabel from '@salesforce/label/c.Keystone_Buying_Center_Name';
import centerKindLabel from '@salesforce/label/c.Keystone_Buying_Center_Kind';
import centerParentLabel from '@salesforce/label/c.Keystone_Buying_Center_Parent';
import noValueLabel from '@salesforce/label/c.Keystone_No_Value';
import cancelLabel from '@salesforce/label/c.Keystone_Cancel';

/** The buying center the rep asks to add; kind and parent null when not chosen. */
export interface NewBuyingCenter {
    name: string;
    kind: string | null;
    parentId: string | null;
}

export default class LandscapeAddCenter extends LightningElement {
    /** The kinds an admin allows (Kind__c). */
    @api kinds: readonly KindChoice[] = [];
    /** The buying centers a new one can sit under. */
    @api centers: readonly BuyingCenter[] = [];
    /** An add is on its way: the button waits. */
    @api saving = false;
    /** What the grid's last add was refused with. */
    @api error = '';

    readonly labels = { addCenterLabel, centerNameLabel, centerKindLabel, centerParentLabel, cancelLabel };

    newCenter = { name: '', kind: '', parentId: '' };

    get kindOptions(): SelectOption[] {
        return [{ value: '', label: noValueLabel }, ...(this.kinds ?? [])];
    }

    get parentOptions(): SelectOption[] {
        return [
            { value: '', label: noValueLabel },
            ...(this.centers ?? []).map((center) => ({ value: center.id, label: center.name }))
        ];
    }

    handleChange(event: Event): void {
        const target = event.target as HTMLInputElement;
        this.newCenter = { ...this.newCenter, [target.dataset.field!]: target.value ?? '' };
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    handleAdd(): void {
        const detail: NewBuyingCenter = {
            name: this.newCenter.name,
            kind: this.newCenter.kind || null,
            parentId: this.newCenter.parentId || null
        };
        this.dispatchEvent(new CustomEvent<NewBuyingCenter>('add', { detail }));
    }
}
