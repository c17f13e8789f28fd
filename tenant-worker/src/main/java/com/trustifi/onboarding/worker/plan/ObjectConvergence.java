package com.trustifi.onboarding.worker.plan;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Converges one named Exchange object to its desired parameters: create it when absent, set only
 * what differs, or leave it; then read it back. In PLAN and VERIFY modes it only reports.
 * Objects are found by listing, never by asking for one by name, so a failed read is a failure
 * and never taken for "absent".
 */
@ApplicationScoped
public class ObjectConvergence {

    private final ExchangeAdminClient exchange;

    ObjectConvergence(ExchangeAdminClient exchange) {
        this.exchange = exchange;
    }

    /** The object, as this command last read it: from Exchange the first time, and after every write of its kind. */
    public Optional<JsonNode> find(StepContext context, ExchangeObjectKind kind, String name) {
        return list(context, kind).stream()
                .filter(object -> name.equalsIgnoreCase(object.path("Name").asText()))
                .findFirst();
    }

    public List<JsonNode> list(StepContext context, ExchangeObjectKind kind) {
        return context.reads().list(kind, () -> exchange.invoke(context.tenantId(), kind.get(), Map.of()));
    }

    /** Sets parameters of an existing object, outside a convergence (its order, a saved note, a rotated value). */
    public void update(StepContext context, ExchangeObjectKind kind, Map<String, Object> parameters) {
        write(context, kind, kind.update(), parameters);
    }

    private void write(StepContext context, ExchangeObjectKind kind, Cmdlet cmdlet, Map<String, Object> parameters) {
        context.reads().forget(kind);
        exchange.invoke(context.tenantId(), cmdlet, parameters);
    }

    public StepResult ensure(StepContext context, ExchangeObjectKind kind, String name, Map<String, Object> desired) {
        Optional<JsonNode> existing = find(context, kind, name);
        if (existing.isEmpty()) {
            return switch (context.mode()) {
                case PLAN -> StepResult.of(StepOutcome.WOULD_CREATE, "Would create " + name + " with " + parameters(desired));
                case VERIFY -> StepResult.of(StepOutcome.DRIFTED, name + " is missing");
                case APPLY -> create(context, kind, name, desired);
            };
        }
        List<ParameterDiff.Change> changes = ParameterDiff.between(desired, existing.get());
        if (changes.isEmpty()) {
            return StepResult.of(StepOutcome.UNCHANGED, name + " already as required");
        }
        String summary = ParameterDiff.summary(changes);
        return switch (context.mode()) {
            case PLAN -> StepResult.of(StepOutcome.WOULD_UPDATE, "Would update " + name + ": " + summary);
            case VERIFY -> StepResult.of(StepOutcome.DRIFTED, name + " differs: " + summary);
            case APPLY -> {
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("Identity", name);
                parameters.putAll(ParameterDiff.changedParameters(desired, changes));
                write(context, kind, kind.update(), parameters);
                yield readBack(context, kind, name, desired, StepResult.of(StepOutcome.UPDATED, "Updated " + name + ": " + summary));
            }
        };
    }

    /** Converges to the object's absence: PLAN and VERIFY report it, APPLY removes it. */
    public StepResult ensureAbsent(StepContext context, ExchangeObjectKind kind, String name, String why) {
        if (find(context, kind, name).isEmpty()) {
            return StepResult.of(StepOutcome.UNCHANGED, name + " is absent, as it should be: " + why);
        }
        return switch (context.mode()) {
            case PLAN -> StepResult.of(StepOutcome.WOULD_REMOVE, "Would remove " + name + ": " + why);
            case VERIFY -> StepResult.of(StepOutcome.DRIFTED, name + " is present but " + why);
            case APPLY -> remove(context, kind, name);
        };
    }

    public StepResult remove(StepContext context, ExchangeObjectKind kind, String name) {
        if (find(context, kind, name).isEmpty()) {
            return StepResult.of(StepOutcome.UNCHANGED, name + " is already absent");
        }
        if (!context.writes()) {
            return StepResult.of(StepOutcome.WOULD_REMOVE, "Would remove " + name);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Identity", name);
        parameters.put("Confirm", false);
        write(context, kind, kind.remove(), parameters);
        if (find(context, kind, name).isPresent()) {
            return StepResult.failedRetryable(name + " was removed but still reads back", "Retry the offboarding");
        }
        return StepResult.of(StepOutcome.REMOVED, "Removed " + name);
    }

    private StepResult create(StepContext context, ExchangeObjectKind kind, String name, Map<String, Object> desired) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("Name", name);
        desired.forEach((parameter, value) -> {
            if (value != null) {
                parameters.put(parameter, value);
            }
        });
        write(context, kind, kind.create(), parameters);
        return readBack(context, kind, name, desired, StepResult.of(StepOutcome.CREATED, "Created " + name));
    }

    /** Bulk tools have reported success while nothing changed: believe only what reads back. */
    private StepResult readBack(StepContext context, ExchangeObjectKind kind, String name, Map<String, Object> desired,
            StepResult written) {
        Optional<JsonNode> actual = find(context, kind, name);
        if (actual.isEmpty()) {
            return StepResult.failedRetryable(name + " was written but does not read back",
                    "Retry; if it fails again, look for " + name + " in the Exchange admin center");
        }
        List<ParameterDiff.Change> remaining = ParameterDiff.between(desired, actual.get());
        if (!remaining.isEmpty()) {
            return StepResult.failedRetryable(name + " reads back different: " + ParameterDiff.summary(remaining),
                    "Check " + name + " in the Exchange admin center, then retry");
        }
        return written;
    }

    private static String parameters(Map<String, Object> desired) {
        StringBuilder text = new StringBuilder();
        desired.forEach((parameter, value) -> {
            if (value != null) {
                text.append(text.isEmpty() ? "" : ", ").append(parameter).append('=')
                        .append(ParameterDiff.isSensitive(parameter) ? "(not shown)" : value);
            }
        });
        return text.toString();
    }
}
