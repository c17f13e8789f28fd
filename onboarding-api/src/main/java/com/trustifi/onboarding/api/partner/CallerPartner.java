package com.trustifi.onboarding.api.partner;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The partner the current request was authenticated as; every query is scoped to it. */
@RequestScoped
public class CallerPartner {

    private UUID id;

    public void authenticatedAs(UUID partnerId) {
        this.id = partnerId;
    }

    public UUID id() {
        if (id == null) {
            throw new IllegalStateException("The request was not authenticated as a partner");
        }
        return id;
    }
}
