package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.StepOutcome;
import com.trustifi.onboarding.worker.exchange.Cmdlet;
import com.trustifi.onboarding.worker.exchange.ExchangeAdminClient;
import com.trustifi.onboarding.worker.exchange.ExchangeObjectKind;
import com.trustifi.onboarding.worker.exchange.ParameterDiff;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
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
    private static final String SAVED_MARKER = "trustifi-onboarding prior Default remote domain: ";

    private final ExchangeAdminClient exchange;
    private final ObjectConvergence objects;
    private final ObjectMapper json;

    RemoteDomainStep(ExchangeAdminClient exchange, ObjectConvergence objects, ObjectMapper json) {
        this.exchange = exchange;
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
        Map<String, Object> desired = desiredSettings();
        JsonNode actual = read(context.tenantId());
        List<ParameterDiff.Change> changes = ParameterDiff.between(desired, actual);
        if (changes.isEmpty()) {
            return StepResult.of(StepOutcome.UNCHANGED, "Default remote domain already as required");
        }
        String summary = ParameterDiff.summary(changes);
        return switch (context.mode()) {
            case PLAN -> StepResult.of(StepOutcome.WOULD_UPDATE, "Would update the Default remote domain: " + summary);
            case VERIFY -> StepResult.of(StepOutcome.DRIFTED, "Default remote domain differs: " + summary);
            case APPLY -> {
                savePriorValues(context, actual);
                set(context.tenantId(), ParameterDiff.changedParameters(desired, changes));
                List<ParameterDiff.Change> remaining = ParameterDiff.between(desired, read(context.tenantId()));
                yield remaining.isEmpty()
                        ? StepResult.of(StepOutcome.UPDATED, "Updated the Default remote domain: " + summary)
                        : StepResult.failedRetryable("Default remote domain reads back different: "
                                + ParameterDiff.summary(remaining), "Check Mail flow > Remote domains, then retry");
            }
        };
    }

    /** Offboarding: put back what was there before the first onboarding changed it. */
    public StepResult restore(StepContext context) {
        Optional<Map<String, Object>> saved = savedValues(context);
        if (saved.isEmpty()) {
            return StepResult.of(StepOutcome.SKIPPED,
                    "No saved values: the Default remote domain was already as required before onboarding");
        }
        List<ParameterDiff.Change> changes = ParameterDiff.between(saved.get(), read(context.tenantId()));
        if (changes.isEmpty()) {
            return StepResult.of(StepOutcome.UNCHANGED, "Default remote domain already has its prior values");
        }
        if (!context.writes()) {
            return StepResult.of(StepOutcome.WOULD_UPDATE, "Would restore the Default remote domain: " + ParameterDiff.summary(changes));
        }
        set(context.tenantId(), ParameterDiff.changedParameters(saved.get(), changes));
        return StepResult.of(StepOutcome.UPDATED, "Restored the Default remote domain: " + ParameterDiff.summary(changes));
    }

    private void savePriorValues(StepContext context, JsonNode actual) {
        if (savedValues(context).isPresent()) {
            return;
        }
        Map<String, Object> prior = new LinkedHashMap<>();
        desiredSettings().keySet().forEach(key -> prior.put(key, json.convertValue(actual.path(key), Object.class)));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", context.profile().outboundConnectorName());
        try {
            parameters.put("Comment", SAVED_MARKER + json.writeValueAsString(prior));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Remote domain values cannot be saved", e);
        }
        objects.update(context, ExchangeObjectKind.OUTBOUND_CONNECTOR, parameters);
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

    private JsonNode read(String tenantId) {
        return exchange.invoke(tenantId, Cmdlet.GET_REMOTE_DOMAIN, Map.of("Identity", IDENTITY)).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Get-RemoteDomain returned no Default remote domain"));
    }

    private void set(String tenantId, Map<String, Object> changed) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", IDENTITY);
        parameters.putAll(changed);
        exchange.invoke(tenantId, Cmdlet.SET_REMOTE_DOMAIN, parameters);
    }
}
