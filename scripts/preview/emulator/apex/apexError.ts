// Errors as an @AuraEnabled method delivers them to a component: an AuraHandledException's message,
// or the platform's own message when an argument cannot be read as the parameter's type.

export class ApexError extends Error {
    constructor(
        message: string,
        readonly exceptionType: string = 'System.AuraHandledException'
    ) {
        super(message);
        this.name = 'ApexError';
    }
}

/** The message the platform gives for an argument of the wrong type. */
export function invalidParameter(name: string, type: string): ApexError {
    return new ApexError(
        `Value provided is invalid for action parameter '${name}' of type '${type}'`,
        'System.TypeException'
    );
}
