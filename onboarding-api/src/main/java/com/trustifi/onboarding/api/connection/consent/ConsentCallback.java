package com.trustifi.onboarding.api.connection.consent;

/**
 * What Entra sends back to the redirect URI. After sign-in: {@code code} and {@code state}. After admin consent:
 * {@code tenant}, {@code admin_consent=True} and {@code state}. Either leg can instead carry {@code error} and
 * {@code error_description} (with the same {@code state}) when the administrator cancelled or Entra refused.
 */
public record ConsentCallback(String code, String tenant, String adminConsent, String state, String error, String errorDescription) {
}
