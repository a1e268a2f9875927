// An error as an @AuraEnabled call delivers it to a component: a message and the exception's type, in
// the body the preview's @salesforce/apex hands to the component (see client/apex.ts).
export class ApexError extends Error {
    constructor(
        message: string,
        readonly exceptionType: string = 'System.AuraHandledException'
    ) {
        super(message);
        this.name = 'ApexError';
    }
}
