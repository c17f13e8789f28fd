package com.trustifi.onboarding.simulator.signin;

import com.trustifi.onboarding.simulator.DirectoryUser;

import java.net.URI;
import java.time.Instant;

/**
 * What an authorization code stands for until it is redeemed: who signed in to which tenant, for which app and
 * redirect URI, with which PKCE challenge and nonce.
 */
public record AuthorizationCode(String clientId, URI redirectUri, String codeChallenge, String nonce, DirectoryUser user,
                                String tenantId, Instant expiresAt) {
}
