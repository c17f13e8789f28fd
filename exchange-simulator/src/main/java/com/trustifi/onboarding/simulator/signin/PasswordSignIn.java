package com.trustifi.onboarding.simulator.signin;

import com.trustifi.onboarding.simulator.DirectoryUser;
import com.trustifi.onboarding.simulator.SimulatedTenant;
import com.trustifi.onboarding.simulator.TenantRegistry;

import java.util.Locale;
import java.util.Optional;

/** A user name and password typed on a sign-in form: the tenant is found by the name's domain, then the user in it. */
final class PasswordSignIn {

    private final TenantRegistry tenants;

    PasswordSignIn(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    Optional<SignInSessions.SignedIn> check(String login, String password) {
        if (login == null || password == null || login.indexOf('@') < 0) {
            return Optional.empty();
        }
        String domain = login.substring(login.indexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
        return tenants.find(domain).flatMap(tenant -> signedIn(tenant, login, password));
    }

    private static Optional<SignInSessions.SignedIn> signedIn(SimulatedTenant tenant, String login, String password) {
        return tenant.user(login)
                .filter(user -> user.password().equals(password))
                .map(user -> new SignInSessions.SignedIn(user, tenant.tenantId()));
    }

    static boolean mayGrantTenantWideConsent(DirectoryUser user) {
        return user.roles().contains(DirectoryUser.GLOBAL_ADMINISTRATOR) || user.roles().contains(DirectoryUser.PRIVILEGED_ROLE_ADMINISTRATOR);
    }
}
