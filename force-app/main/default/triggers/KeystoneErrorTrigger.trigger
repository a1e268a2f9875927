trigger KeystoneErrorTrigger on Keystone_Error__e(after insert) {
    KeystoneErrorLogService.record(Trigger.new);
}
