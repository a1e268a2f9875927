trigger AccountTrigger on Account(before insert, before update) {
    KeystoneTriggerService.dispatch(Account.SObjectType);
}
