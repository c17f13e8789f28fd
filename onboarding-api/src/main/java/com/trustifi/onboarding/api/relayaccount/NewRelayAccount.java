package com.trustifi.onboarding.api.relayaccount;

import java.util.List;

/** What a partner asks for when it sets up a customer's relay (seed steps 1-5), already normalized. */
public record NewRelayAccount(
        String customerName, String plan, String accessLevel, List<String> domains, String mtaHost, int mtaPort,
        boolean enabled) {

    public NewRelayAccount {
        domains = List.copyOf(domains);
    }
}
