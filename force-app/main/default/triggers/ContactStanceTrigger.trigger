trigger ContactStanceTrigger on Contact(before update, after insert, after update) {
    KeystoneTriggerService.dispatch(Contact.SObjectType);
}
