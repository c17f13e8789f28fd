package com.trustifi.onboarding.worker.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.ClientAuthenticationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntraRefusalTest {

    @ParameterizedTest
    @CsvSource({
            "AADSTS90002: Tenant 'x' not found., TENANT_NOT_FOUND",
            "AADSTS65001: The user or administrator has not consented, CONSENT_MISSING",
            "AADSTS7000229: The client application is missing service principal, CONSENT_MISSING",
            "AADSTS7000215: Invalid client secret provided., APP_CREDENTIALS_REJECTED",
            "AADSTS700016: Application with identifier 'x' was not found, CONSENT_MISSING",
            "AADSTS7000222: The provided client secret keys are expired., APP_CREDENTIALS_REJECTED",
            "AADSTS50000: There was an error issuing a token., OTHER"})
    void eachEntraAnswerNamesWhoseMoveItIs(String message, EntraRefusal expected) {
        // the Graph SDK hands the credential's failure on wrapped in a RuntimeException
        var wrapped = new RuntimeException("get token failed", new ClientAuthenticationException(message, null));

        assertThat(EntraRefusal.of(wrapped)).contains(expected);
        assertThat(EntraRefusal.codeOf(wrapped)).contains(message.substring(0, message.indexOf(':')));
    }

    @Test
    void anInvalidGrantWithoutANumberIsMissingConsentAndOtherFailuresAreNoRefusal() {
        assertThat(EntraRefusal.of(new ClientAuthenticationException("invalid_grant", null))).contains(EntraRefusal.CONSENT_MISSING);
        assertThat(EntraRefusal.of(new ClientAuthenticationException("connection refused", null))).contains(EntraRefusal.OTHER);
        assertThat(EntraRefusal.of(new IllegalStateException("boom"))).isEqualTo(Optional.empty());
    }

    @Test
    void onlyTheAppsOwnCredentialsAreRetryable() {
        assertThat(EntraRefusal.APP_CREDENTIALS_REJECTED.retryable()).isTrue();
        assertThat(EntraRefusal.CONSENT_MISSING.retryable()).isFalse();
        assertThat(EntraRefusal.TENANT_NOT_FOUND.retryable()).isFalse();
    }
}
