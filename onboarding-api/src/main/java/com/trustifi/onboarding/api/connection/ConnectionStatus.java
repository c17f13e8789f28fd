package com.trustifi.onboarding.api.connection;

import com.trustifi.onboarding.api.onboarding.Onboarding;
import java.util.Optional;

/** A connected tenant and the latest check of the app's access to it (consent, Exchange role), when one was made. */
public record ConnectionStatus(TenantConnection connection, Optional<Onboarding> latestCheck) {
}
