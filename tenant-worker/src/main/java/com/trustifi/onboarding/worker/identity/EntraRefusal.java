package com.trustifi.onboarding.worker.identity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entra refused to sign the app in to a tenant, told apart by the AADSTS number (stable across
 * Entra's changing texts) or, failing that, by the OAuth error code. Whose move it is differs:
 * the partner's (a wrong tenant id), the tenant administrator's (consent), or our operator's (the
 * app's own credentials).
 */
public enum EntraRefusal {

    /** AADSTS90002: no such tenant. */
    TENANT_NOT_FOUND("No Microsoft 365 tenant has this tenant id",
            "Check the tenant id (Microsoft Entra admin center > Overview > Tenant ID) and onboard the right one", false),
    /**
     * AADSTS65001, AADSTS7000229, AADSTS700016, invalid_grant: the tenant's administrator has not consented, or withdrew
     * it (consent revoked, or the app's service principal deleted from the tenant).
     */
    CONSENT_MISSING("The tenant's administrator has not granted the onboarding app admin consent, or has withdrawn it",
            "Send the customer's Global Administrator a new connect link (POST /v1/tenant-connections) and ask them to "
                    + "accept it; then retry the onboarding", false),
    /** AADSTS7000215, AADSTS7000222: the app's own secret is wrong or expired: ours to fix, not the partner's. */
    APP_CREDENTIALS_REJECTED("Microsoft Entra rejected the onboarding service's own app credentials",
            "Nothing to do in the tenant: the service's operator has been alerted. Retry the onboarding later", true),
    /** Any other refusal: Entra's own text is the best guide. */
    OTHER("Microsoft Entra refused the sign-in to the tenant",
            "Check that the tenant's administrator granted admin consent to the onboarding app, then retry", false);

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    private final String reason;
    private final String remediation;
    private final boolean retryable;

    EntraRefusal(String reason, String remediation, boolean retryable) {
        this.reason = reason;
        this.remediation = remediation;
        this.retryable = retryable;
    }

    /** The refusal a sign-in failure carries somewhere in its causes, or empty when it is not one. */
    public static Optional<EntraRefusal> of(Throwable failure) {
        boolean signIn = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            signIn |= name.equals("com.azure.core.exception.ClientAuthenticationException")
                    || name.startsWith("com.microsoft.aad.msal4j.Msal");
            Matcher code = AADSTS.matcher(String.valueOf(cause.getMessage()));
            if (code.find()) {
                return Optional.of(ofCode(Integer.parseInt(code.group(1)), String.valueOf(cause.getMessage())));
            }
            if (String.valueOf(cause.getMessage()).contains("invalid_grant")) {
                return Optional.of(CONSENT_MISSING);
            }
        }
        return signIn ? Optional.of(OTHER) : Optional.empty();
    }

    static EntraRefusal ofCode(int aadsts, String message) {
        return switch (aadsts) {
            case 90002 -> TENANT_NOT_FOUND;
            // 700016 names the app as not found in the tenant's directory: its service principal is gone from there
            case 65001, 7000229, 700016 -> CONSENT_MISSING;
            case 7000215, 7000222 -> APP_CREDENTIALS_REJECTED;
            default -> message.contains("invalid_grant") ? CONSENT_MISSING : OTHER;
        };
    }

    public String reason() {
        return reason;
    }

    public String remediation() {
        return remediation;
    }

    /** Whether running the onboarding again later may help without anyone acting in the tenant. */
    public boolean retryable() {
        return retryable;
    }

    /** The AADSTS code of the failure, for the detail a person reads, e.g. "AADSTS65001". */
    public static Optional<String> codeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher code = AADSTS.matcher(String.valueOf(cause.getMessage()));
            if (code.find()) {
                return Optional.of(code.group());
            }
        }
        return Optional.empty();
    }
}
