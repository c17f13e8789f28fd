package com.trustifi.onboarding.simulator.exchange;

/** Which of the two error envelopes Exchange has been seen to send a tenant answers with (exchange-reference.md section 6). */
public enum ErrorShape {
    /**
     * Captured 2026: {@code error.message} "Invalid Operation", {@code details[].code} "Client", details message
     * {@code |Type|text}, {@code innererror.internalexception {message, type}}; details absent for some errors.
     */
    CURRENT,
    /**
     * Captured 2023: {@code error.message} "Error executing cmdlet", {@code details[].code} "Context", details message
     * {@code ExNNNNNN|Type|text}, {@code innererror} naming only the OData wrapper exception.
     */
    LEGACY_2023
}
