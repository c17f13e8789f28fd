package com.trustifi.onboarding.api.connection.consent;

import java.util.List;

/**
 * Who signed in, as an id token that Entra signed says: the tenant ({@code tid}), the user ({@code oid},
 * {@code preferred_username}) and the directory roles they hold ({@code wids}).
 */
public record VerifiedAdministrator(String tenantId, String objectId, String username, List<String> roles) {

    static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    static final String PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";

    /** Only these roles may grant tenant-wide admin consent to application permissions, which the app needs. */
    public boolean mayGrantTenantWideConsent() {
        return roles.contains(GLOBAL_ADMINISTRATOR) || roles.contains(PRIVILEGED_ROLE_ADMINISTRATOR);
    }
}
