// The preview's lightning/platformShowToastEvent: the same event the platform listens for; the
// preview shell shows it as an SLDS toast.

import type { ShowToastEventInit } from 'lightning/platformShowToastEvent';

export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(init: ShowToastEventInit) {
        super('lightning__showtoast', { detail: init, bubbles: true, composed: true, cancelable: true });
    }
}
