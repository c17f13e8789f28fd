package com.trustifi.onboarding.api.relayaccount;

/** Seed step 1: only an Admin on the PRO plan can set up the relay. */
public class RelayAccessDeniedException extends RuntimeException {

    public RelayAccessDeniedException() {
        super("The email relay needs the PRO plan and Admin access: verify that your plan type is PRO and your access "
                + "level is Admin. If you don't have a PRO plan, or you do not have admin-level access, please contact "
                + "support@trustificorp.com");
    }
}
