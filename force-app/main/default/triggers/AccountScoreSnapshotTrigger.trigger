trigger AccountScoreSnapshotTrigger on Account_Score_Snapshot__c(
    before insert,
    before update,
    before delete
) {
    KeystoneTriggerService.dispatch(Account_Score_Snapshot__c.SObjectType);
}
