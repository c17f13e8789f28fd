package com.trustifi.onboarding.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A person who can sign in to a tenant on the simulator's sign-in page.
 *
 * @param userPrincipalName how the person signs in, {@code name@domain}; it becomes the id token's {@code preferred_username}
 * @param password          what the sign-in page asks for; simulated, it protects nothing real
 * @param objectId          the user's object id ({@code oid})
 * @param roles             the directory role template ids the user holds ({@code wids})
 */
public record DirectoryUser(String userPrincipalName, String password, String objectId, List<String> roles) {

    /** Global Administrator: may grant tenant-wide admin consent to application permissions. */
    public static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
    /** Privileged Role Administrator: may grant tenant-wide admin consent to application permissions too. */
    public static final String PRIVILEGED_ROLE_ADMINISTRATOR = "e8611ab8-c189-46e8-94e1-60213ab1f814";
    /** The password of the administrator every tenant is created with. */
    public static final String DEFAULT_PASSWORD = "simulated-password";

    public DirectoryUser {
        if (userPrincipalName == null || !userPrincipalName.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("userPrincipalName must be name@domain: " + userPrincipalName);
        }
        userPrincipalName = userPrincipalName.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(password, "password");
        objectId = objectId == null ? UUID.randomUUID().toString() : objectId;
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The Global Administrator a tenant is created with: {@code admin@<initial domain>}. */
    static DirectoryUser defaultAdministrator(String initialDomain) {
        return new DirectoryUser("admin@" + initialDomain, DEFAULT_PASSWORD, null, List.of(GLOBAL_ADMINISTRATOR));
    }

    public String domain() {
        return userPrincipalName.substring(userPrincipalName.indexOf('@') + 1);
    }
}
