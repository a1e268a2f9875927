trigger CriterionScoreTrigger on Criterion_Score__c(
    before insert,
    before update,
    after insert,
    after update,
    after delete,
    after undelete
) {
    KeystoneTriggerService.dispatch(Criterion_Score__c.SObjectType);
}
