package com.trustifi.onboarding.api.connection;

/**
 * What Entra's admin-consent endpoint sends back to the redirect URI: {@code tenant},
 * {@code admin_consent=True} and {@code state} on success, {@code error} and
 * {@code error_description} (with the same {@code state}) when the administrator declined.
 */
public record ConsentCallback(String tenant, String adminConsent, String state, String error, String errorDescription) {
}
