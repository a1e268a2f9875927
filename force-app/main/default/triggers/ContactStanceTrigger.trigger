trigger ContactStanceTrigger on Contact(after insert, after update) {
    KeystoneTriggerService.dispatch(Contact.SObjectType);
}
