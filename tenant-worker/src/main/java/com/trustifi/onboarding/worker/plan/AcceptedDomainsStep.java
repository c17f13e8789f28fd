package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.Cmdlet;
import com.trustifi.onboarding.worker.exchange.ExchangeAdminClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Seed step 27: each relay domain is an Authoritative accepted domain, not Internal relay. */
@ApplicationScoped
public class AcceptedDomainsStep implements PlanStep {

    private final ExchangeAdminClient exchange;

    AcceptedDomainsStep(ExchangeAdminClient exchange) {
        this.exchange = exchange;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.CHECK_ACCEPTED_DOMAINS;
    }

    @Override
    public StepResult run(StepContext context) {
        List<JsonNode> accepted = exchange.invoke(context.tenantId(), Cmdlet.GET_ACCEPTED_DOMAIN, Map.of());
        List<String> internalRelay = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String domain : context.relayDomains()) {
            Optional<JsonNode> match = accepted.stream()
                    .filter(candidate -> domain.equalsIgnoreCase(candidate.path("DomainName").asText()))
                    .findFirst();
            if (match.isEmpty()) {
                missing.add(domain);
            } else if (!"Authoritative".equalsIgnoreCase(match.get().path("DomainType").asText())) {
                internalRelay.add(domain + " (" + match.get().path("DomainType").asText() + ")");
            }
        }
        if (!missing.isEmpty()) {
            return StepResult.failed("Not an accepted domain in Exchange Online: " + String.join(", ", missing),
                    "Add the domain in the Microsoft 365 admin center; Exchange lists it under Mail flow > Accepted domains");
        }
        if (!internalRelay.isEmpty()) {
            return StepResult.failed("Domain type is not Authoritative: " + String.join(", ", internalRelay)
                            + ". Internal relay is almost always used when the domain has at least one mail server "
                            + "that is not synced with Office 365",
                    "If no such server exists, set the domain type to Authoritative in the Exchange admin center "
                            + "(Mail flow > Accepted domains), then retry the onboarding");
        }
        return StepResult.of(StepOutcome.PASSED, "Authoritative: " + String.join(", ", context.relayDomains()));
    }
}
