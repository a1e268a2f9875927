trigger HealthScoreTrigger on Health_Score__c(
    before insert,
    before update,
    after insert,
    after update,
    after delete,
    after undelete
) {
    KeystoneTriggerService.dispatch(Health_Score__c.SObjectType);
}
