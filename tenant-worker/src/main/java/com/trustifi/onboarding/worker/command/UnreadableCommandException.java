package com.trustifi.onboarding.worker.command;

/** A record on the commands topic that is not a provisioning command; nacked towards the dead-letter topic. */
class UnreadableCommandException extends RuntimeException {

    UnreadableCommandException(String topic, int partition, long offset) {
        super("Not a provisioning command: " + topic + "-" + partition + "@" + offset, null, false, false);
    }
}
