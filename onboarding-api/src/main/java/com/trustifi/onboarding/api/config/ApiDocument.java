package com.trustifi.onboarding.api.config;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The ways in that the OpenAPI document declares, so that a generated client sends them: a
 * partner's API key or OAuth2 token, and the operator's key. Resources name the ones they accept.
 */
@SecurityScheme(securitySchemeName = ApiDocument.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Api-Key", description = "A partner's API key (also accepted as 'Authorization: ApiKey <key>')")
@SecurityScheme(securitySchemeName = ApiDocument.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An OAuth2 access token from the partner's identity provider, with the partner's id in 'partner_id'")
@SecurityScheme(securitySchemeName = ApiDocument.OPERATOR_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Operator-Key", description = "The operator key (onboarding.operator.api-key)")
public class ApiDocument extends Application {

    public static final String API_KEY = "apiKey";
    public static final String BEARER = "bearer";
    public static final String OPERATOR_KEY = "operatorKey";
}
