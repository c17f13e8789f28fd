package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.ExchangeObjectKind;
import com.trustifi.onboarding.worker.exchange.ParameterDiff;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seed steps 22-26: the Default remote domain never uses rich text, writes UTF-8, and allows
 * external and legacy out-of-office replies. These settings are tenant-wide, so the values found
 * before the first change are saved, in the outbound connector's Comment: the worker keeps no
 * state of its own, and the saved values live and die with the relay's own connector.
 */
@ApplicationScoped
public class RemoteDomainStep implements PlanStep {

    static final String IDENTITY = "Default";
    private static final String LABEL = "Default remote domain";
    private static final String NO_DEFAULT = "Get-RemoteDomain returned no Default remote domain";
    private static final String SAVED_MARKER = "trustifi-onboarding prior Default remote domain: ";

    private final ObjectConvergence objects;
    private final ObjectMapper json;

    RemoteDomainStep(ObjectConvergence objects, ObjectMapper json) {
        this.objects = objects;
        this.json = json;
    }

    @Override
    public ProvisioningStep name() {
        return ProvisioningStep.ENSURE_REMOTE_DOMAIN;
    }

    static Map<String, Object> desiredSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("TNEFEnabled", false);
        settings.put("CharacterSet", "utf-8");
        settings.put("NonMimeCharacterSet", "utf-8");
        settings.put("AllowedOOFType", "ExternalLegacy");
        return settings;
    }

    @Override
    public StepResult run(StepContext context) {
        if (context.command().kind() == CommandKind.OFFBOARD) {
            // put back what was there before the first onboarding changed it
            Optional<Map<String, Object>> saved = savedValues(context);
            if (saved.isEmpty()) {
                return StepResult.of(StepOutcome.SKIPPED,
                        "No saved values: the Default remote domain was already as required before onboarding");
            }
            return converge(context, saved.get());
        }
        Map<String, Object> desired = desiredSettings();
        if (context.writes()) {
            JsonNode actual = objects.find(context, ExchangeObjectKind.REMOTE_DOMAIN, IDENTITY)
                    .orElseThrow(() -> new IllegalStateException(NO_DEFAULT));
            if (!ParameterDiff.between(desired, actual).isEmpty()) {
                StepResult saved = savePriorValues(context, actual);
                if (saved.isFailure()) {
                    return saved;
                }
            }
        }
        return converge(context, desired);
    }

    private StepResult converge(StepContext context, Map<String, Object> desired) {
        return objects.converge(context, ExchangeObjectKind.REMOTE_DOMAIN, IDENTITY, LABEL,
                DesiredState.existing(desired, StepResult.failedRetryable(NO_DEFAULT, "Check Mail flow > Remote domains, then retry")));
    }

    /** Once, before the first change: the values found, in the relay's own outbound connector's Comment. */
    private StepResult savePriorValues(StepContext context, JsonNode actual) {
        if (savedValues(context).isPresent()) {
            return StepResult.of(StepOutcome.UNCHANGED, "Prior values already saved");
        }
        Map<String, Object> prior = new LinkedHashMap<>();
        desiredSettings().keySet().forEach(key -> prior.put(key, json.convertValue(actual.path(key), Object.class)));
        String connector = context.profile().outboundConnectorName();
        try {
            return objects.converge(context, ExchangeObjectKind.OUTBOUND_CONNECTOR, connector, DesiredState.existing(
                    Map.of("Comment", SAVED_MARKER + json.writeValueAsString(prior)),
                    StepResult.failedRetryable(connector + " is missing: the remote domain's prior values have nowhere to go",
                            "Retry the onboarding")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Remote domain values cannot be saved", e);
        }
    }

    private Optional<Map<String, Object>> savedValues(StepContext context) {
        return objects.find(context, ExchangeObjectKind.OUTBOUND_CONNECTOR, context.profile().outboundConnectorName())
                .map(connector -> connector.path("Comment").asText(""))
                .filter(comment -> comment.startsWith(SAVED_MARKER))
                .map(comment -> {
                    try {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> values = json.readValue(comment.substring(SAVED_MARKER.length()), LinkedHashMap.class);
                        return values;
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("The saved remote domain values cannot be read", e);
                    }
                });
    }
}
