package com.trustifi.onboarding.simulator.token;

import java.time.Instant;

/**
 * What a simulator access token asserts.
 *
 * @param tenantId  GUID of the tenant the token was issued in
 * @param audience  resource the token is for, e.g. {@link #GRAPH}
 * @param expiresAt end of validity
 */
public record AccessToken(String tenantId, String audience, Instant expiresAt) {

    public static final String GRAPH = "https://graph.microsoft.com";
    public static final String EXCHANGE = "https://outlook.office365.com";

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
