package com.trustifi.onboarding.api.connection;

/** The partner's tenant refuses the app since its connection was made: its administrator must connect it again. */
public class ConsentWithdrawnException extends RuntimeException {

    public static final String REMEDIATION = "Send the customer's Global Administrator a new connect link "
            + "(POST /v1/tenant-connections) and ask them to sign in and accept it; then try again";

    /** A batch row's reason for such a tenant. */
    public static final String ROW_REASON = "refuses the app since it was connected (its administrator withdrew the consent or "
            + "removed the app): " + REMEDIATION;

    ConsentWithdrawnException() {
        super("The tenant's administrator has withdrawn the app's consent, or removed the app from the tenant");
    }
}
