// One labelled native select for every Keystone form: SLDS markup, the label tied to the control, the
// current value selected, and a `change` event the parent reads like lightning-input's (event.target.value,
// or event.detail.value).
import { LightningElement, api } from 'lwc';

/** A choice of the select; `selected` marks the chosen one when the parent sets no `value`. */
export interface SelectOption {
    value: string;
    label: string;
    selected?: boolean;
}

/** What a change says: the value now chosen. */
export interface SelectChange {
    value: string;
}

export default class KeystoneSelect extends LightningElement {
    /** What the select asks for; shown above it, or only to screen readers with `variant="label-hidden"`. */
    @api label = '';
    /** `standard` shows the label; `label-hidden` keeps it for screen readers only (a toolbar filter). */
    @api variant: 'standard' | 'label-hidden' = 'standard';
    /** Whether the rep can change it. */
    @api disabled = false;
    /** Set as the select's `data-field`: the form field it edits (what the parent's tests and handlers key on). */
    @api field?: string;
    /** Set as the select's `data-filter`: the filter it sets, for a toolbar filter. */
    @api filter?: string;

    private list: readonly SelectOption[] = [];
    /** The value the parent set or the rep chose; undefined while the options' `selected` decides. */
    private current?: string;
    private valueSet = false;

    /** The choices, in order. New choices without a `value` from the parent show the one they mark selected. */
    @api
    get options(): readonly SelectOption[] {
        return this.list;
    }
    set options(value: readonly SelectOption[] | null | undefined) {
        this.list = value ?? [];
        if (!this.valueSet) this.current = undefined;
    }

    /** The chosen value ('' for none); updated before `change` is sent. */
    @api
    get value(): string {
        return this.current ?? this.list.find((option) => option.selected)?.value ?? '';
    }
    set value(value: string | null | undefined) {
        this.valueSet = true;
        this.current = value ?? '';
    }

    get choices(): (SelectOption & { selected: boolean })[] {
        const chosen = this.value;
        return this.list.map((option) => ({ ...option, selected: option.value === chosen }));
    }

    get labelClass(): string {
        return this.variant === 'label-hidden'
            ? 'slds-form-element__label slds-assistive-text'
            : 'slds-form-element__label';
    }

    handleChange(event: Event): void {
        // the native change stays inside this component; the parent hears this one
        event.stopPropagation();
        this.current = (event.target as HTMLSelectElement).value;
        this.dispatchEvent(new CustomEvent<SelectChange>('change', { detail: { value: this.current } }));
    }
}
